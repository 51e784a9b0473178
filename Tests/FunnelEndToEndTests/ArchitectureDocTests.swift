import Foundation
import Testing

/// docs/architecture.md cannot drift from the code: it names every target Package.swift declares
/// and every file of the domain's rules (`Sources/FunnelCore/Rules/`). Reads files only.
@Suite("docs/architecture.md names every target and rule")
struct ArchitectureDocTests {
    static let root = FunnelBinary.packageRoot

    /// The `name:` of every target declared in a package manifest's text, in order.
    static func targetNames(inManifest text: String) -> [String] {
        let pattern = #"\.(?:target|executableTarget|testTarget|systemLibrary|binaryTarget|plugin|macro)\(\s*name:\s*"([^"]+)""#
        let expression = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The names of `names` that `document` never mentions as a whole word.
    static func missing(_ names: [String], in document: String) -> [String] {
        names.filter { name in
            let escaped = NSRegularExpression.escapedPattern(for: name)
            return document.range(of: "(?<![A-Za-z0-9_-])\(escaped)(?![A-Za-z0-9_-])", options: .regularExpression) == nil
        }
    }

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    @Test func theManifestParserFindsEveryKindOfTarget() {
        let manifest = """
            .systemLibrary(name: "CLib", path: "Sources/CLib"),
            .target(
                name: "Core", dependencies: []),
            .executableTarget(name: "tool-x", dependencies: ["Core"]),
            .testTarget(name: "CoreTests", dependencies: ["Core"]),
            .executable(name: "product-only", targets: ["tool-x"]),
            """
        #expect(Self.targetNames(inManifest: manifest) == ["CLib", "Core", "tool-x", "CoreTests"])
        #expect(Self.missing(["Core", "CoreTests", "tool-x"], in: "`Core`, CoreTestsX and tool-xy") == ["CoreTests", "tool-x"])
    }

    @Test func everyTargetOfPackageSwiftIsNamed() throws {
        let targets = Self.targetNames(inManifest: try Self.read("Package.swift"))
        #expect(targets.contains("FunnelCore") && targets.contains("FunnelTestSupport"), "parsed: \(targets)")
        let missing = Self.missing(targets, in: try Self.read("docs/architecture.md"))
        #expect(
            missing.isEmpty,
            "docs/architecture.md does not name these targets of Package.swift: \(missing.joined(separator: ", "))")
    }

    @Test func everyRuleFileIsNamed() throws {
        let folder = "Sources/FunnelCore/Rules"
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/" + folder)
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(!files.isEmpty, "no rule files in \(folder)")
        let rules = files.map { String($0.dropLast(".swift".count)) }
        let missing = Self.missing(rules, in: try Self.read("docs/architecture.md"))
        let named = missing.map { "\($0) (\($0).swift)" }.joined(separator: ", ")
        #expect(missing.isEmpty, "docs/architecture.md does not name these rule files of \(folder): \(named)")
    }
}
