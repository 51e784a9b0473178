import Foundation
import Testing

/// The bidi marks (LRM, RLM, ALM) in a deal's text: on a terminal funnel orders each field with
/// them and then drops them; into a pipe they are dropped; `--json` keeps them as `\u` escapes.
@Suite("Bidi marks never reach the output raw") struct BidiMarkOutputTests {
    static let title = "הצעה\u{200F} 12\u{061C} Acme\u{200E}"

    /// `funnel ARGS…` on a terminal (`script` gives it a pseudo-terminal): every byte it wrote.
    static func onATerminal(_ s: Sandbox, _ arguments: [String]) throws -> String {
        let command = ([FunnelBinary.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let result = try runProgram(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: s.environment(extra: ["TERM": "xterm"]),
            scratch: s.root)
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    static func hasMark(_ text: String) -> Bool {
        text.unicodeScalars.contains { [0x200E, 0x200F, 0x061C].contains($0.value) }
    }

    @Test func listShowAndJSONOnATerminalAndInAPipe() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add(Self.title, "--company", "\u{200F}אלון", "--next", "+1d")
        for arguments in [["list", "--all"], ["show", id], ["today"]] {
            let piped = try runProgram(FunnelBinary.path, arguments, environment: s.environment(), scratch: s.root)
            #expect(piped.status == 0 && !Self.hasMark(piped.stdout), "\(arguments): \(piped)")
            let terminal = try Self.onATerminal(s, arguments)
            #expect(!Self.hasMark(terminal), "\(arguments) on a terminal")
            #expect(terminal.contains("Acme"), "\(terminal)")
        }
        // The pipe gets logical order without the marks; JSON keeps every character.
        #expect(try s.run("list", "--all").stdout.contains("הצעה 12 Acme"))
        let json = try s.run("show", id, "--json").stdout
        #expect(json.contains("\\u200f") && json.contains("\\u061c") && json.contains("\\u200e"), "\(json)")
        #expect(!Self.hasMark(json))
    }
}
