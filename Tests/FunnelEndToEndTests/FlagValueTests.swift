import Foundation
import Testing

/// Hostile teammate, item 9: the command line is read in one pass that knows each option's
/// arity, so the word after a flag that needs a value is that value, even `--help` or `-h`.
/// Global flags stand before the command's name; after it, `--help`/`-h` and `--data-dir` are
/// options of every command.
@Suite("A flag's value is never swallowed by help") struct FlagValueTests {
    @Test func aValueThatLooksLikeHelpIsAValue() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("x", "--company", "--help")
        #expect(try s.deal(id).string("company") == "--help")
        let other = try s.add("y", "--contact", "-h", "--notes", "--data-dir", "--phone", "--version")
        let deal = try s.deal(other)
        #expect(deal.string("contact") == "-h")
        #expect(deal.string("notes") == "--data-dir")
        #expect(deal.string("phone") == "--version")

        let logged = try s.ok("log", id, "no-answer", "--note", "-h")
        #expect(logged.stdout.hasPrefix("logged no-answer on \(id)"), "\(logged)")
        let activities = try #require(try s.deal(id)["activities"] as? [[String: Any]])
        #expect(activities.last?.string("note") == "-h")

        try s.ok("team", "add", "nora", "--role", "rep", "--name", "--help")
        let team = try jsonArray(try s.ok("team", "--json").stdout)
        #expect(team.first { $0.string("account") == "nora" }?.string("name") == "--help")
    }

    @Test func aMissingValueNamesTheFlag() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let (id, file, before) = try s.addWatched("x")
        for (words, flag) in [
            (["add", "y", "--company"], "--company"), (["log", id, "no-answer", "--note"], "--note"),
            (["edit", id, "--title"], "--title"), (["list", "--data-dir"], "--data-dir"),
            (["--data-dir"], "--data-dir"),
        ] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.usage, "\(result)")
            #expect(result.stderr.contains("\(flag) needs a value"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
        #expect(s.bytes(file) == before)
        #expect(try s.list("--all").count == 1, "nothing was added")
    }

    @Test func helpAsAnOptionStillShowsHelpAndDoesNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        for words in [
            ["add", "x", "--help"], ["add", "--company", "Acme", "-h"], ["-h", "add"], ["add", "--bogus", "--help"],
            ["team", "add", "nora", "--role", "rep", "--help"], ["log", "--help"],
        ] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.ok, "\(result)")
            #expect(result.stdout.contains("usage: funnel \(words.first { !$0.hasPrefix("-") }!)"), "\(result)")
        }
        #expect(try s.list("--all").isEmpty)
        #expect(try s.run("team", "--json").stdout.contains("nora") == false)
    }

    @Test func globalFlagsStandBeforeTheCommandAndDataDirWorksOnEitherSide() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let elsewhere = s.root + "/other"
        let env = s.environment(extra: ["FUNNEL_DATA_DIR": s.root + "/nowhere"])
        for words in [
            ["--data-dir", elsewhere, "init"], ["add", "There", "--data-dir", elsewhere],
            ["--data-dir=\(elsewhere)", "add", "Again"],
        ] {
            let result = try runProgram(FunnelBinary.path, words, environment: env, scratch: s.root)
            #expect(result.ok, "\(result)")
        }
        let listed = try runProgram(FunnelBinary.path, ["list", "--data-dir", elsewhere, "--json"], environment: env, scratch: s.root)
        #expect(try jsonArray(listed.stdout).count == 2, "\(listed)")
        #expect(!FileManager.default.fileExists(atPath: s.root + "/nowhere"))
        let twice = try runProgram(
            FunnelBinary.path, ["--data-dir", elsewhere, "list", "--data-dir", elsewhere], environment: env,
            scratch: s.root)
        #expect(twice.status == Exit.usage && twice.stderr.contains("twice"), "\(twice)")
        // --version after the command is not the global flag: it is an unknown option of list.
        let version = try s.run("list", "--version")
        #expect(version.status == Exit.usage && version.stderr.contains("unknown option --version"), "\(version)")
    }
}
