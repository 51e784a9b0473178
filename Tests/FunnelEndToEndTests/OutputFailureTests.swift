import Foundation
import FunnelTestSupport
import Testing

/// What funnel prints is whole or the exit code says it is not; and the line and paragraph
/// separators never reach a terminal as line breaks.
@Suite("Output that cannot be written, and separators")
struct OutputFailureTests {
    @Test func aFullDiskIsExit4WithAMessageNeverSuccess() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        _ = try s.add("First deal")
        for command in ["list --json", "list", "show --help"] {
            let run = try runProgram(
                "/bin/sh", ["-c", "exec \(FunnelBinary.path) \(command) > /dev/full"], environment: s.environment(), scratch: s.root)
            #expect(run.status == 4, "\(command): \(run)")
            #expect(run.stderr.contains("writing the output failed: No space left on device"), "\(command): \(run)")
        }
    }

    @Test func lineAndParagraphSeparatorsAreShownNotObeyed() throws {
        let s = try Sandbox(user: "boss")
        defer { s.remove() }
        try s.initialize()
        let id = try s.add("one\u{2028}two\u{2029}three")
        let listed = try s.ok("list").stdout
        #expect(listed.contains("one␊two␊three"))
        #expect(!listed.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
        let json = try s.ok("show", id, "--json").stdout
        #expect(json.contains(#"one\u2028two\u2029three"#))
        #expect(try jsonObject(json)["title"] as? String == "one\u{2028}two\u{2029}three")
        let refused = try s.run("list", "--sort", "\u{2029}")
        #expect(refused.status == 2 && !refused.stderr.unicodeScalars.contains { $0.value == 0x2029 })
    }
}
