import Foundation
import Testing

/// Hostile teammate, item 5: everything funnel prints, on stdout and stderr, from every command,
/// passes the same sanitiser as `list`. A teammate chooses file names and file contents in a
/// shared data directory; none of it reaches the terminal raw, and a line break inside a value
/// never starts a line of its own.
@Suite("Everything funnel prints is sanitised") struct SanitisedOutputTests {
    /// OSC 52 (clipboard), a window title, a CSI, the one-byte CSI, a bidi override, an isolate
    /// and the three bidi marks.
    static let nasty =
        "\u{1b}]52;c;cHduZWQ=\u{07}\u{1b}]0;pwned\u{07}\u{1b}[2J\u{9b}6n\u{202e}evil\u{2066}x\u{2069}\u{200e}\u{200f}\u{061c}"

    /// The first raw control, escape or bidi override/isolate in `text`, if any; only line feeds pass.
    static func rawControl(_ text: String) -> String? {
        HostileTextTests.rawControl(text)
    }

    static func expectClean(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            rawControl(result.stdout) == nil, "raw \(rawControl(result.stdout) ?? "") on stdout: \(result)",
            sourceLocation: sourceLocation)
        #expect(
            rawControl(result.stderr) == nil, "raw \(rawControl(result.stderr) ?? "") on stderr: \(result)",
            sourceLocation: sourceLocation)
        for line in (result.stdout + "\n" + result.stderr).split(separator: "\n") {
            #expect(!line.hasPrefix("fake"), "a value started a line of its own: \(result)", sourceLocation: sourceLocation)
        }
    }

    @Test func doctorShowsPlantedFileNamesAndContentsSanitised() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Rita's", "--owner", "rita")
        // A leftover-looking file and an unreadable deal file, both named by the teammate.
        try Data("{".utf8).write(to: URL(fileURLWithPath: s.dataDir + "/inbox/.\(Self.nasty)\nfake: line.json.1.2.tmp"))
        try Data("{".utf8).write(to: URL(fileURLWithPath: s.dataDir + "/inbox/\(Self.nasty)\nfake: line.json"))
        // A deal edited by hand: its stage and owner are the teammate's text.
        try editJSON(try #require(s.dealFile(id))) { object in
            var deal = object["deal"] as! [String: Any]
            deal["stage"] = "st\(Self.nasty)\nfake: stage"
            object["deal"] = deal
        }
        let check = try s.run("doctor")
        #expect(check.status == Exit.data, "\(check)")
        #expect(check.stdout.contains("temporary file"))
        Self.expectClean(check)
        let list = try s.run("list", "--all")
        #expect(list.status == Exit.ok && list.stderr.contains("skipped"), "\(list)")
        Self.expectClean(list)
        let repair = try s.run("doctor", "--repair")
        Self.expectClean(repair)
    }

    @Test func captureErrorsAreSanitised() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let leads = s.root + "/leads.jsonl"
        try Data(
            """
            {"name": "Bidi mail", "email": "a\\u2066@b\\u202e"}
            {"name": "Fine", "phone": "050-1112223", "source": "web\\u001b]0;title\\u0007"}
            {"name": "Bad email \\u001b[31m", "email": "x\\u001b]52;c;AAAA\\u0007\\nfake: line"}

            """.utf8
        ).write(to: URL(fileURLWithPath: leads))
        let capture = try s.run("capture", leads)
        #expect(capture.status == Exit.usage, "\(capture)")
        #expect(capture.stderr.contains("skipped"))
        Self.expectClean(capture)
        let csv = s.root + "/leads.csv"
        try Data("name,\(Self.nasty)\nbob,1\n".utf8).write(to: URL(fileURLWithPath: csv))
        let header = try s.run("capture", csv)
        #expect(header.status == Exit.usage, "\(header)")
        Self.expectClean(header)
        let list = try s.ok("list", "--all")
        Self.expectClean(list)
    }

    @Test func resultsAndErrorsQuotingValuesAreSanitised() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add(
            "Title \(Self.nasty)\nfake: title", "--company", Self.nasty, "--stage", "follow-up",
            "--next", "+1d", "--what", "call \(Self.nasty)\nfake: next")
        for words in [
            ["list", "--all"], ["show", id], ["today", "--all"], ["report"], ["stages"], ["team"],
            ["log", id, "reached", "--next", "+2d", "--what", "again \(Self.nasty)\nfake: what"],
            ["show", Self.nasty], ["move", id, Self.nasty], ["edit", id, "--currency", Self.nasty],
            ["list", "--\(Self.nasty)"], [Self.nasty], ["add", "--\(Self.nasty)\nfake"],
        ] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(!result.signaled, "\(result)")
            Self.expectClean(result)
        }
        let logged = try s.ok("log", id, "reached", "--next", "+2d", "--what", "x\nfake: line")
        #expect(logged.stdout.split(separator: "\n").count == 1, "\(logged)")
    }

    /// The mechanism: commands print only through `Console`, which sanitises; no raw `print(` or
    /// file-handle write is left in Sources/funnel.
    @Test func funnelPrintsOnlyThroughConsole() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/funnel").path
        let files = try #require(FileManager.default.enumerator(atPath: sources)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") && $0 != "Output/Console.swift" }
        #expect(files.count > 10, "found the sources at \(sources)")
        let forbidden = [
            "print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "fwrite(", "putchar(",
            "dump(", "STDERR_FILENO",
        ]
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for word in forbidden where line.contains(word) {
                    Issue.record("\(file) writes without Console: \(line)")
                }
            }
        }
    }
}
