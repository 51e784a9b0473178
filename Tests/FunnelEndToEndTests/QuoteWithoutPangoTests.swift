import Foundation
import FunnelTestSupport
import Testing

/// Pango and Cairo are loaded when a quote's PDF is first made (`Sources/CPangoCairo/shim.h`):
/// on a machine without them every other command works, and `funnel quote` says what is missing,
/// issues nothing and uses no number. The library is hidden in a mount namespace of its own
/// (`unshare -m`, an empty file bound over it), as root.
@Suite("quote without Pango and Cairo installed")
struct QuoteWithoutPangoTests {
    static let library = "/usr/lib/x86_64-linux-gnu/libpangocairo-1.0.so.0"

    /// Runs `funnel ARGUMENTS` with the Pango library hidden.
    static func runHidden(_ box: Sandbox, _ arguments: [String], user: String) throws -> RunResult {
        let empty = box.root + "/empty.so"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let words = [FunnelBinary.path] + arguments
        let command = words.map(Spawn.shellQuote).joined(separator: " ")
        let script = "mount --bind \(empty) \"$(readlink -f \(library))\" && exec \(command)"
        return try runProgram(
            "/usr/bin/env", ["unshare", "-m", "sh", "-c", script], environment: box.environment(user: user), scratch: box.root)
    }

    @Test func quoteSaysWhatIsMissingAndTheRestWorks() throws {
        try #require(getuid() == 0, "a mount namespace needs root")
        try #require(FileManager.default.fileExists(atPath: Self.library), "Pango is installed here (README)")
        let (box, id) = try QuoteCommandTests.prepared()
        defer { box.remove() }
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let before = try box.ok("show", id, "--json", user: "rita").stdout

        let refused = try Self.runHidden(box, ["quote", id], user: "rita")
        #expect(refused.status == Exit.data, "\(refused)")
        #expect(refused.stderr.contains("libpangocairo-1.0.so.0 is not installed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was issued"), "\(refused.stderr)")
        #expect(try box.ok("show", id, "--json", user: "rita").stdout == before, "the deal unchanged")

        let shown = try Self.runHidden(box, ["show", id], user: "rita")
        #expect(shown.ok && shown.stdout.contains("Acme CRM"), "\(shown)")
        let listed = try Self.runHidden(box, ["lines", "list", id], user: "rita")
        #expect(listed.ok && listed.stdout.contains("CRM-Y"), "\(listed)")

        let issued = try box.ok("quote", id, user: "rita").stdout
        #expect(issued.hasPrefix("Q-2026-0001 "), "the refused quote used no number: \(issued)")
    }
}
