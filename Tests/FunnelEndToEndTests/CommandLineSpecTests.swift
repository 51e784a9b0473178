import Foundation
import Testing

/// The command line declared once (issue #18): choice flags read from their lists, sub-commands
/// with their own specs and help, and a flag of one sub-command refused in another with where it goes.
@Suite("Choices and sub-commands from the command specs")
struct CommandLineSpecTests {
    /// Runs `words` on initialized data and expects a usage error mentioning `mentions`, with
    /// nothing on standard output and the data directory unchanged.
    func expectUsage(_ words: [String], mentions: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize()
        let before = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted()
        let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
        #expect(result.status == Exit.usage, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result)", sourceLocation: sourceLocation)
        let after = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).sorted()
        #expect(after == before, sourceLocation: sourceLocation)
    }

    @Test func aWordOutsideAChoiceListNamesTheListAndTheClosestWord() throws {
        let cases: [([String], String)] = [
            (["add", "X", "--priority", "hgh"], "--priority “hgh” must be one of high, normal, low; did you mean high?"),
            (["list", "--sort", "titel"], "--sort “titel” must be one of due, created, value, title, priority; did you mean title?"),
            (["list", "--flag", "stuk"], "did you mean stuck?"),
            (["report", "--format", "jsn"], "--format “jsn” must be one of text, json, csv; did you mean json?"),
            (["report", "--period", "wek"], "did you mean week?"),
            (["export", "--format", "jsonn"], "--format “jsonn” must be one of xlsx-csv, csv, jsonl; did you mean jsonl?"),
            (["stages", "add", "X", "--kind", "wn"], "--kind “wn” must be one of open, won, lost; did you mean won?"),
            (["team", "add", "dana", "--role", "rp"], "--role “rp” must be one of rep, manager; did you mean rep?"),
            (["pipelines", "add", "X", "--language", "eng"], "--language “eng” must be one of en, he, ar; did you mean en?"),
            (["goals", "remove", "--team", "--month", "2026-11", "--kind", "activitis"], "did you mean activities?"),
        ]
        for (words, mentions) in cases { try expectUsage(words, mentions: mentions) }
    }

    @Test func aChoiceIsReadInAnyCase() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize()
        let id = try s.add("Loud deal", "--priority", "HIGH")
        #expect(try s.deal(id)["priority"] as? String == "high")
        #expect(try s.ok("list", "--priority", "High", "--sort", "TITLE").stdout.contains(id))
    }

    @Test func aSubCommandHasItsOwnHelp() throws {
        let s = try Sandbox()
        defer { s.remove() }
        for words in [["team", "add", "--help"], ["help", "team", "add"], ["team", "-h", "add"], ["team", "add", "x", "--bogus", "-h"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.ok && result.stderr.isEmpty, "\(result)")
            #expect(result.stdout.contains("usage: funnel team add USER [options]"), "\(words): \(result)")
            #expect(result.stdout.contains("--role ROLE") && !result.stdout.contains("--json"), "\(words): \(result)")
        }
        let group = try runProgram(FunnelBinary.path, ["team", "--help"], environment: s.environment(), scratch: s.root)
        #expect(group.stdout.contains("usage: funnel team [COMMAND] [options]"), "\(group)")
        #expect(group.stdout.contains("  add USER ") && group.stdout.contains("  email USER ADDRESS "), "\(group)")
        let goals = try runProgram(FunnelBinary.path, ["goals", "--help"], environment: s.environment(), scratch: s.root)
        #expect(goals.stdout.contains("commands: (without one: list)") && goals.stdout.contains("  remove "), "\(goals)")
        #expect(!FileManager.default.fileExists(atPath: s.dataDir), "help touches no data")
    }

    @Test func anUnknownSubCommandGetsADidYouMean() throws {
        try expectUsage(["team", "ad", "dana"], mentions: "funnel team: unknown action “ad”; use: list, add, email (did you mean add?)")
        try expectUsage(["config", "lsit"], mentions: "use: list, get, set (did you mean list?)")
        try expectUsage(["lost-reasons", "remvoe", "Price"], mentions: "did you mean remove?")
        try expectUsage(["sync", "int", "/tmp/x"], mentions: "did you mean init?")
        try expectUsage(["lines"], mentions: "funnel lines: missing COMMAND (add, list, remove)")
    }

    @Test func helpOnAnUnknownTopicIsAUsageErrorAndHelpAfterAMistypeShowsTheGroup() throws {
        try expectUsage(["help", "nosuch"], mentions: "funnel: no command called “nosuch”")
        try expectUsage(["help", "goals", "sett"], mentions: "funnel help: goals has no action “sett”; use: list, set, remove (did you mean set?)")
        try expectUsage(["help", "list", "extra"], mentions: "funnel help: list has no action “extra”")
        let s = try Sandbox()
        defer { s.remove() }
        for words in [["goals", "sett", "--help"], ["team", "bogus", "-h"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.ok && result.stdout.contains("usage: funnel \(words[0])"), "\(words): \(result)")
        }
        // A sub-command's own help.
        let named = try runProgram(FunnelBinary.path, ["team", "add", "--help"], environment: s.environment(), scratch: s.root)
        #expect(named.ok && named.stdout.contains("usage: funnel team add"), "\(named)")
    }

    @Test func teamAndStagesTakeListAsTheOtherGroupsDo() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        #expect(try s.ok("team", "list").stdout == s.ok("team").stdout)
        #expect(try s.ok("team", "list", "--json").stdout == s.ok("team", "--json").stdout)
        #expect(try s.ok("stages", "list", "--json").stdout == s.ok("stages", "--json").stdout)
        #expect(try s.ok("stages", "--pipeline", "main", "list").stdout == s.ok("stages").stdout)
    }

    @Test func aFlagOfAnotherSubCommandSaysWhereItGoes() throws {
        try expectUsage(
            ["goals", "list", "--seller", "rita"],
            mentions: "funnel goals list: --seller does not go with list; --seller goes with: funnel goals set, funnel goals remove")
        try expectUsage(["team", "--role", "rep"], mentions: "funnel team: --role goes with: funnel team add")
        try expectUsage(["team", "add", "dana", "--role", "rep", "--json"], mentions: "--json goes with: funnel team")
        try expectUsage(["stages", "rename", "new", "X", "--kind", "won"], mentions: "--kind goes with: funnel stages add, funnel stages set")
        try expectUsage(["products", "list", "--bogus"], mentions: "unknown option --bogus")
    }

    @Test func flagsMayStandBeforeTheSubCommand() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize()
        #expect(try s.ok("goals", "--json", "list").output == "[]")
        try s.ok("stages", "--pipeline", "main", "add", "Demo", "--after", "new")
        #expect(try s.ok("stages", "--json").stdout.contains("\"name\": \"Demo\""))
        #expect(try s.ok("lost-reasons", "--json").stdout.hasPrefix("["))
    }

    @Test func manualPagesAndCompletionsKnowTheSubCommands() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let page = try s.ok("man", "team").stdout
        #expect(page.contains(".SS add") && page.contains("\\fBfunnel team add\\fR \\fIUSER\\fR"), "\(page)")
        let goals = try s.ok("man", "goals").stdout
        #expect(goals.contains("only the goal of this kind (default: every kind) (one of: won_value, won_deals, activities)"), "\(goals)")
        // An action shows its command's page; a mistyped one is refused as `funnel help` refuses it.
        #expect(try s.ok("man", "goals", "set").stdout == goals)
        let typo = try s.run("man", "goals", "sett")
        #expect(typo.status == Exit.usage && typo.stderr.contains("funnel man: goals has no action “sett”"), "\(typo)")
        #expect(typo.stderr.contains("did you mean set?"))
        let bash = try s.ok("completions", "bash").stdout
        #expect(bash.contains("compgen -W \"list add email\""), "team's sub-commands complete")
        #expect(bash.contains("compgen -W \"list set remove\""), "goals' sub-commands complete")
    }
}
