import Foundation
import Testing

/// Strings from data, CSV or arguments never reach the terminal raw from `list` and `show`;
/// `--json` keeps them exact (escaped).
@Suite("Hostile text") struct HostileTextTests {
    /// CSI, OSC 52 (clipboard), OSC 8 (link), a window title, a lone ESC at the end, the one-byte
    /// CSI (U+009B), DEL, bidi overrides and isolates.
    static let corpus = [
        "csi \u{1b}[2J\u{1b}[31mred",
        "clip \u{1b}]52;c;cHduZWQ=\u{07}",
        "link \u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
        "title \u{1b}]0;pwned\u{07}",
        "lone esc \u{1b}",
        "c1 \u{9b}6n",
        "del \u{7f} bell \u{07}",
        "bidi \u{202e}txet\u{202c} \u{2066}iso\u{2069}",
    ]

    static func rawControl(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0a) || (0x7f...0x9f).contains(v) || (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200E || v == 0x200F || v == 0x061C
            {
                return String(format: "U+%04X", v)
            }
        }
        return nil
    }

    @Test func listAndShowNeverPrintControlSequences() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        var ids: [String] = []
        for (i, text) in Self.corpus.enumerated() {
            ids.append(try s.add(text, "--company", text, "--contact", text, "--notes", text + "\nline two", "--value", "\(i + 1)"))
        }
        let list = try s.ok("list", "--all")
        #expect(Self.rawControl(list.stdout) == nil, "list printed a raw control character")
        #expect(list.stdout.contains("␛"))
        for id in ids {
            let show = try s.ok("show", id)
            #expect(Self.rawControl(show.stdout) == nil, "show \(id) printed a raw control character")
        }
        // Errors that quote the input are cleaned too.
        let error = try s.run("move", ids[0], "\u{1b}]0;x\u{07}stage")
        #expect(Self.rawControl(error.stderr) == nil)
        // JSON keeps every string exactly, escaped.
        for (id, text) in zip(ids, Self.corpus) {
            let json = try s.ok("show", id, "--json")
            #expect(Self.rawControl(json.stdout) == nil, "show --json printed a raw control character")
            #expect(try jsonObject(json.stdout).string("title") == text)
        }
    }

    @Test func captureKeepsHostileLeadsOutAndSaysWhy() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let path = s.root + "/leads.jsonl"
        let lines = Self.corpus.map { "{\"name\": \"" + jsonEscaped($0) + "\", \"phone\": \"054-1234567\"}" }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try s.run("capture", path)
        #expect(result.status == Exit.usage)
        #expect(Self.rawControl(result.stderr) == nil)
        #expect(result.stderr.contains("control characters"))
    }

    func jsonEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
