import Foundation
import FunnelText
import Testing

/// The FriBidi wrapper against Unicode's own conformance data, read at run time from Debian's
/// `unicode-data` (`.ci/run` installs it).
@Suite struct BidiCharacterConformanceTests {
    static let path = "/usr/share/unicode/BidiCharacterTest.txt"

    @Test(
        "BidiParagraph resolves the levels and visual order of every BidiCharacterTest.txt line it claims to handle",
        .enabled(
            if: FileManager.default.fileExists(atPath: path),
            "\(path) is missing: install the Debian package unicode-data (.ci/run does)"))
    func everyLineItHandles() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        var tally = ConformanceTally()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let test = BidiCharacterTestLine(line) else { continue }
            tally.count(test, line: number + 1)
        }
        print(
            "BidiCharacterTest.txt: \(tally.passed) lines pass, \(tally.skipped) skipped (code points newer than "
                + "FriBidi's Unicode \(BidiParagraph.unicodeVersion)), \(tally.failures.count) fail")
        #expect(tally.failures.isEmpty, "\(tally.failures.count) failing lines, first: \(tally.failures.prefix(5))")
        #expect(tally.passed > 90_000, "the file had fewer test lines than expected: \(tally.passed)")
    }
}

/// Passes, skips and failures over the file.
struct ConformanceTally {
    var passed = 0
    var skipped = 0
    var failures: [String] = []

    mutating func count(_ test: BidiCharacterTestLine, line: Int) {
        guard test.isHandled else {
            skipped += 1
            return
        }
        let paragraph = BidiParagraph(test.scalars, direction: test.direction)
        var levels: [Int?] = []
        for (i, level) in paragraph.levels.enumerated() { levels.append(test.levels[i] == nil ? nil : level) }
        let order = paragraph.visualOrder()
        let resolved = paragraph.isRightToLeft ? 1 : 0
        if levels == test.levels, order == test.order, resolved == test.paragraphLevel {
            passed += 1
        } else {
            failures.append("line \(line): levels \(levels.map { $0.map(String.init) ?? "x" }) order \(order)")
        }
    }
}

/// One line of BidiCharacterTest.txt: code points; paragraph direction (0 LTR, 1 RTL, 2 auto);
/// resolved paragraph level; levels (x for those removed by X9); visual order.
struct BidiCharacterTestLine {
    let scalars: [UInt32]
    let direction: BaseDirection
    let paragraphLevel: Int
    let levels: [Int?]
    let order: [Int]

    init?(_ line: Substring) {
        if line.isEmpty || line.hasPrefix("#") { return nil }
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 5 else { return nil }
        scalars = fields[0].split(separator: " ").compactMap { UInt32($0, radix: 16) }
        switch fields[1] {
        case "0": direction = .leftToRight
        case "1": direction = .rightToLeft
        default: direction = .auto
        }
        paragraphLevel = Int(fields[2]) ?? -1
        levels = fields[3].split(separator: " ").map { Int($0) }
        order = fields[4].split(separator: " ").compactMap { Int($0) }
    }

    /// Whether every code point is assigned in the Unicode version of FriBidi's tables: the
    /// wrapper does not claim to know the bidi class of later characters.
    var isHandled: Bool {
        let parts = BidiParagraph.unicodeVersion.split(separator: ".").compactMap { Int($0) }
        let supported = (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
        return scalars.allSatisfy { value in
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age else { return false }
            return (age.major, age.minor) <= supported
        }
    }
}
