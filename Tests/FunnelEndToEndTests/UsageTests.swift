import Foundation
import Testing

@Suite("Help, version and usage errors")
struct UsageTests {
    static let commands = [
        "init", "add", "list", "show", "move", "edit", "assign", "stages", "team", "demo", "import", "export",
        "version", "config", "man", "install-man", "completions",
    ]

    @Test func helpListsEveryCommand() throws {
        let s = try Sandbox()
        defer { s.remove() }
        for words in [["--help"], ["-h"], ["help"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.ok, "\(result)")
            #expect(result.stderr.isEmpty)
            for command in Self.commands { #expect(result.stdout.contains("  \(command) "), "\(command) in \(words)") }
            #expect(result.stdout.contains("exit codes"))
        }
        #expect(!FileManager.default.fileExists(atPath: s.dataDir), "help touches no data")
    }

    @Test(arguments: commands)
    func everyCommandHasItsOwnHelp(command: String) throws {
        let s = try Sandbox()
        defer { s.remove() }
        for words in [[command, "--help"], [command, "-h"], ["help", command]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.ok, "\(result)")
            #expect(result.stdout.contains("usage: funnel \(command)"), "\(result)")
            #expect(result.stdout.contains("--help"))
            #expect(result.stderr.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: s.dataDir))
    }

    @Test func version() throws {
        let s = try Sandbox()
        defer { s.remove() }
        for flag in ["--version", "-V"] {
            let result = try s.run(flag)
            #expect(result.ok)
            let parts = result.output.split(separator: " ")
            #expect(parts.count == 2 && parts[0] == "funnel", "\(result)")
            #expect(parts.last?.split(separator: ".").count == 3, "semantic version: \(result.output)")
        }
    }

    /// A usage error: exit 2, a message on stderr, nothing on stdout, no data created.
    func expectUsage(
        _ words: [String], mentions: String? = nil, user: String? = nil, env: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let before = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted()
        let result = try runProgram(
            FunnelBinary.path, words, environment: s.environment(user: user, extra: env),
            scratch: s.root)
        #expect(result.status == Exit.usage, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.isEmpty, sourceLocation: sourceLocation)
        if let mentions { #expect(result.stderr.contains(mentions), "\(result)", sourceLocation: sourceLocation) }
        let after = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted()
        #expect(after == before, sourceLocation: sourceLocation)
    }

    @Test func aMistypedCommandGetsADidYouMean() throws {
        try expectUsage(["lsit"], mentions: "did you mean “list”")
        try expectUsage(["stgaes", "--json"], mentions: "did you mean “stages”")
        try expectUsage(["frobnicate"], mentions: "no command called")
    }

    @Test func unknownFlags() throws {
        try expectUsage(["list", "--bogus"], mentions: "unknown option --bogus")
        try expectUsage(["list", "--sotr", "value"], mentions: "did you mean --sort")
        try expectUsage(["--bogus"], mentions: "unknown option")
        try expectUsage(["list", "--version"])
        try expectUsage(["stages", "--json=yes"], mentions: "takes no value")
    }

    @Test func missingAndExtraValues() throws {
        try expectUsage(["add"], mentions: "missing TITLE")
        try expectUsage(["add", "Deal", "--value"], mentions: "--value needs a value")
        try expectUsage(["show"], mentions: "missing ID")
        try expectUsage(["assign", "abc"], mentions: "missing USER")
        try expectUsage(["list", "extra"], mentions: "unexpected argument")
        try expectUsage(["add", "a", "b"], mentions: "unexpected argument")
        try expectUsage(["list", "--data-dir"], mentions: "needs a value")
    }

    @Test func badEnvironment() throws {
        try expectUsage(["list"], mentions: "FUNNEL_USER", user: "not a user!")
        try expectUsage(["list"], mentions: "FUNNEL_NOW", env: ["FUNNEL_NOW": "yesterday-ish"])
    }

    @Test func aHugeRelativeDateIsAUsageErrorNotACrash() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("Solar")
        let result = try s.run("edit", id, "--next", "--9223372036854775808d")
        #expect(s.bytes(file) == before)
        #expect(result.stdout.isEmpty)
        #expect(!result.signaled, "killed by signal \(result.status)")
        #expect(result.status == Exit.usage, "stderr starts: \(result.stderr.prefix(200))")
    }
}
