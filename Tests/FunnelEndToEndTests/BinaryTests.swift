import Foundation
import Testing

@Suite("The binary under test")
struct BinaryTests {
    @Test func theBuiltFunnelSitsBesideTheTestBundle() throws {
        let bundle = CommandLine.arguments[0]
        print("test bundle: \(bundle); funnel: \(FunnelBinary.path)")
        if ProcessInfo.processInfo.environment["FUNNEL_BIN"]?.isEmpty ?? true {
            #expect(bundle.contains("/.build") || bundle.contains("/debug/") || bundle.contains("/release/"),
                    "swift test runs the bundle from the build directory: \(bundle)")
            #expect(FunnelBinary.path == FunnelBinary.besideTestBundle)
        }
        #expect(FileManager.default.isExecutableFile(atPath: FunnelBinary.path),
                "no executable funnel at \(FunnelBinary.path); build it first or set FUNNEL_BIN")
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let version = try sandbox.run("--version")
        #expect(version.ok)
        #expect(version.output.hasPrefix("funnel "))
    }
}
