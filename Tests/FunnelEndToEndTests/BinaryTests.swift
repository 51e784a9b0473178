import Foundation
import Testing

@Suite("The binary under test")
struct BinaryTests {
    @Test func theReleaseBuildIsUnderTestAndCurrent() throws {
        if ProcessInfo.processInfo.environment["FUNNEL_BIN"]?.isEmpty ?? true {
            #expect(FunnelBinary.path.hasSuffix("/.build/release/funnel"), "end-to-end tests run the release build: \(FunnelBinary.path)")
        }
        #expect(FunnelBinary.problem == nil, "\(FunnelBinary.problem ?? "")")
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let version = try sandbox.run("--version")
        #expect(version.ok)
        #expect(version.output.hasPrefix("funnel "))
    }
}
