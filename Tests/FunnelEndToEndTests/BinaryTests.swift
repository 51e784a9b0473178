import Foundation
import FunnelTestSupport
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

    /// Pango and Cairo are loaded when a quote PDF is made, not linked: linked, their shared
    /// objects were loaded by every command, about 7 ms of each one's start
    /// (`Sources/CPangoCairo/shim.h`). The PDF itself is checked by `QuotePDFTests`.
    @Test func pangoAndCairoAreNotLoadedByEveryCommand() throws {
        let linked = try runProgram("/usr/bin/env", ["ldd", FunnelBinary.path], environment: ProcessInfo.processInfo.environment)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains("libncursesw"), "ldd lists the libraries: \(linked.stdout)")
        for library in ["libpango", "libcairo", "libgobject", "libglib-2.0", "libX11"] {
            #expect(!linked.stdout.contains(library), "\(library) linked: \(linked.stdout)")
        }
    }

    /// The Swift runtime and Foundation are linked into the binary (Package.swift, `-static-stdlib`):
    /// as shared libraries the dynamic loader found, relocated and bound their symbols at every
    /// command's start, 6 of its 12 ms (docs/performance.md, "Process start").
    @Test func theSwiftRuntimeAndFoundationAreLinkedIn() throws {
        let linked = try runProgram("/usr/bin/env", ["ldd", FunnelBinary.path], environment: ProcessInfo.processInfo.environment)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains("libc.so"), "ldd lists the libraries: \(linked.stdout)")
        for library in ["libswiftCore", "libFoundation", "lib_FoundationICU", "libdispatch"] {
            #expect(!linked.stdout.contains(library), "\(library) is a shared library: \(linked.stdout)")
        }
    }
}
