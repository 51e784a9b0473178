import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `funnel doctor` in a clone synced over git (docs/sync.md): a file the sync could not merge is
/// explained until someone puts it right; a clone without a quote series and funnel's git files
/// gone are reported, and `--repair` restores those files.
@Suite("Sync: funnel doctor explains what a sync left", .serialized)
struct SyncDoctorTests {
    @Test func aFileTheSyncCouldNotMergeIsExplainedUntilItIsPutRight() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        let id = try team.sandbox.add("Solar roof", "--owner", "rita")
        try team.setUp()
        #expect(try team.ok("boss", "doctor").stdout.contains("no problems found"))
        // A teammate pushes, with plain git, a version of the deal funnel cannot read…
        let path = "deals/rita/\(id).json"
        try Data(#"{"schema": 1, "deal": {"id": "\#(id)"}}"#.utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/" + path))
        try team.git("sam", ["commit", "-qam", "broken"], ["push", "-q", "origin", "HEAD:main"])
        // …while rita changes it: the merge cannot be made, hers is kept.
        try team.ok("rita", "edit", id, "--notes", "Call after the holidays")
        let synced = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect((synced["conflicts"] as? [String])?.contains { $0.contains(path) && $0.contains("run funnel doctor") } == true, "\(synced)")
        #expect(try team.deal(id, in: "rita").string("notes") == "Call after the holidays")
        // In a synced copy the rep, who alone sees what her syncs left, runs it too.
        let doctor = try team.run("rita", ["doctor"])
        #expect(doctor.status == Exit.data, "\(doctor)")
        #expect(doctor.stdout.contains(team.dataDir("rita") + "/" + path) && doctor.stdout.contains("could not merge"), "\(doctor)")
        #expect(doctor.stdout.contains("git -C \(team.dataDir("rita")) show ") && doctor.stdout.contains(":\(path)"), "\(doctor)")
        // Put right (a new change to the deal, synced): nothing more to explain.
        try team.ok("rita", "edit", id, "--title", "Solar roof, 40 panels")
        #expect(try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"]).stdout.contains("no problems found"))
    }

    @Test func aCloneWithoutSeriesAndFunnelsGitFilesGoneAreReportedAndRepaired() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        try team.setUp()
        let root = team.dataDir("rita")
        unlink(root + "/.git/funnel-quote-series")
        try Data("# ours\n*.json -text\n".utf8).write(to: URL(fileURLWithPath: root + "/.gitattributes"))
        let check = try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"])
        #expect(check.status == Exit.data, "\(check)")
        #expect(check.stdout.contains("no quote series yet") && check.stdout.contains("run funnel sync once"), "\(check)")
        #expect(check.stdout.contains(root + "/.gitattributes") && check.stdout.contains("merge=funnel-deal"), "\(check)")
        let repair = try team.run("rita", ["doctor", "--repair"], env: ["FUNNEL_USER": "boss"])
        #expect(repair.status == Exit.data && repair.stdout.contains("made them present again"), "the series needs a sync: \(repair)")
        let attributes = String(decoding: FileManager.default.contents(atPath: root + "/.gitattributes") ?? Data(), as: UTF8.self)
        #expect(attributes.hasPrefix("# ours\n*.json -text\n") && attributes.contains("*.json -text merge=funnel-deal"), "\(attributes)")
        try team.ok("rita", "sync")
        #expect(try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"]).stdout.contains("no problems found"))
        // A later line giving JSON files another merge is advice: sync merges field by field anyway.
        let handle = try #require(FileHandle(forWritingAtPath: root + "/.gitattributes"))
        handle.seekToEndOfFile()
        handle.write(Data("*.json merge=union\n".utf8))
        handle.closeFile()
        let advice = try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"])
        #expect(advice.status == Exit.ok && advice.stdout.contains("advice:") && advice.stdout.contains("merge=union"), "\(advice)")
    }
}

/// What a teammate (or a slip of the hand) can do to a synced team, and what holds.
@Suite("Sync: hands and teammates going around funnel", .serialized)
struct SyncAroundFunnelTests {
    func team() throws -> (SyncTeam, String) {
        let team = try SyncTeam()
        try team.sandbox.initialize()
        let id = try team.sandbox.add("Solar roof", "--owner", "rita")
        try team.setUp()
        return (team, id)
    }

    @Test func aFileEditedInPlaceByHandIsMergedNotWrittenOver() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.ok("rita", "sync")
        // Rita edits her deal's file in place (the folder's time does not move), while the
        // manager changes the title of the same deal and syncs first.
        let file = team.dataDir("rita") + "/deals/rita/\(id).json"
        let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        let edited = text.replacingOccurrences(of: #""notes" : """#, with: #""notes" : "Edited by hand""#)
        #expect(edited != text, "the deal file has an empty notes field to edit")
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.write(Data(edited.utf8))
        handle.truncateFile(atOffset: UInt64(Data(edited.utf8).count))
        handle.closeFile()
        try team.ok("boss", "edit", id, "--title", "Solar roof, 40 panels")
        try team.ok("boss", "sync")
        try team.ok("rita", "sync")
        try team.ok("boss", "sync")
        for person in ["rita", "boss"] {
            let deal = try team.deal(id, in: person)
            #expect(deal.string("notes") == "Edited by hand" && deal.string("title") == "Solar roof, 40 panels", "\(person): \(deal)")
        }
    }

    @Test func aSeriesIsNeverGivenTwiceAndOnlyTeamMembersJoin() throws {
        let (team, _) = try team()
        defer { team.remove() }
        // rita removes sam's series file (A is rita's, B sam's) and syncs the removal.
        unlink(team.dataDir("rita") + "/quotes/series/B")
        try team.ok("rita", "sync")
        let second = team.sandbox.root + "/rita-laptop"
        // A clone a killed `sync init` left beside it (its process long gone) is removed.
        let abandoned = team.sandbox.root + "/.rita-laptop.clone.99999999"
        try FileManager.default.createDirectory(atPath: abandoned + "/deals", withIntermediateDirectories: true)
        let env = team.sandbox.environment(user: "rita", extra: ["FUNNEL_DATA_DIR": second])
        let joined = try runProgram(FunnelBinary.path, ["sync", "init", team.remote, "--json"], environment: env, scratch: team.sandbox.root)
        #expect(joined.ok, "\(joined)")
        #expect(try jsonObject(joined.stdout).string("quote_series") == "C", "\(joined)")
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        // Someone not on the team joins nothing and takes no series.
        let strangerDir = team.sandbox.root + "/stranger"
        let stranger = try runProgram(
            FunnelBinary.path, ["sync", "init", team.remote],
            environment: team.sandbox.environment(user: "nobody", extra: ["FUNNEL_DATA_DIR": strangerDir]),
            scratch: team.sandbox.root)
        #expect(stranger.status == Exit.refused && stranger.stderr.contains("not on the team"), "\(stranger)")
        #expect(!FileManager.default.fileExists(atPath: strangerDir + "/.git"))
        // An empty series record is no series (it would be the first copy's numbers).
        try Data().write(to: URL(fileURLWithPath: second + "/.git/funnel-quote-series"))
        let doctor = try runProgram(
            FunnelBinary.path, ["doctor"], environment: team.sandbox.environment(extra: ["FUNNEL_DATA_DIR": second]), scratch: team.sandbox.root)
        #expect(doctor.status == Exit.data && doctor.stdout.contains("holds no quote series"), "\(doctor)")
    }

    @Test func onlyFunnelsFilesAreSentAndATeammatesOtherFilesStay() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.ok("boss", "sync")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: team.dataDir("boss") + "/my-notes.txt"))
        try Data("# team\n".utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/README.md"))
        try team.git("sam", ["add", "README.md"], ["commit", "-qm", "readme"], ["push", "-q", "origin", "HEAD:main"])
        try team.ok("boss", "edit", id, "--notes", "x")
        let sent = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect((sent["committed"] as? [String]) == ["deals/rita/\(id).json"], "\(sent)")
        #expect((sent["received"] as? [String])?.isEmpty == true, "README.md is not written here: \(sent)")
        // A later sync with a full scan of the manager's folder keeps the teammate's file in the repository.
        try team.ok("boss", "edit", id, "--notes", "y")
        try team.ok("boss", "sync")
        let tree = try PlainGit.run(["ls-tree", "-r", "--name-only", "main"], in: team.remote, environment: team.sandbox.environment())
        #expect(tree.stdout.contains("README.md") && !tree.stdout.contains("my-notes.txt"), "\(tree)")
    }

    @Test func aTeammatesFileWithYourQuoteNumberNeverReplacesYourPDF() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.sandbox.ok("products", "add", "CRM", "--name", "CRM", "--price", "100")
        try team.ok("boss", "sync")
        try team.ok("rita", "sync")
        try team.ok("sam", "sync")
        try team.ok("rita", "lines", "add", id, "CRM")
        let issued = try team.ok("rita", "quote", id).output
        let number = String(issued.prefix { $0 != " " })
        let path = "quotes/deals/rita/\(number).pdf"
        let mine = FileManager.default.contents(atPath: team.dataDir("rita") + "/" + path)
        try FileManager.default.createDirectory(atPath: team.dataDir("sam") + "/quotes/deals/rita", withIntermediateDirectories: true)
        try Data("%PDF-1.4 not rita's".utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/" + path))
        try team.git("sam", ["add", path], ["commit", "-qm", "same number"], ["push", "-q", "origin", "HEAD:main"])
        let synced = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect((synced["conflicts"] as? [String])?.contains { $0.contains(path) && $0.contains("same quote number") } == true, "\(synced)")
        #expect(FileManager.default.contents(atPath: team.dataDir("rita") + "/" + path) == mine)
        try team.ok("boss", "sync")
        #expect(FileManager.default.contents(atPath: team.dataDir("boss") + "/" + path) == mine, "the issuer's PDF is the team's")
        let doctor = try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"])
        #expect(doctor.status == Exit.data && doctor.stdout.contains("quote number") && doctor.stdout.contains("> other-quote"), "\(doctor)")
    }
}

@Suite("Sync: two managers sharing at once", .serialized)
struct SyncShareRaceTests {
    @Test func theShareThatLostTheRaceLeavesItsDirectoryUnsynced() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        let root = team.sandbox.root
        // Another manager's repository, pushed to the remote at the moment our push starts (a
        // git wrapper given as FUNNEL_GIT runs it just before the real push).
        let other = root + "/other"
        for (arguments, folder) in [
            (["init", "-q", "-b", "main", other], root), (["commit", "-q", "--allow-empty", "-m", "theirs"], other),
            (["remote", "add", "origin", team.remote], other),
        ] {
            let made = try PlainGit.run(arguments, in: folder, as: "m2", environment: team.sandbox.environment())
            #expect(made.ok, "\(made)")
        }
        let wrapper = root + "/git-racing"
        let script = """
            #!/bin/sh
            if [ "$1" = "push" ] && [ ! -e "\(root)/raced" ]; then
              : > "\(root)/raced"
              /usr/bin/git -C "\(other)" push -q origin HEAD:main
            fi
            exec /usr/bin/git "$@"
            """
        try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        let shared = try team.run("boss", ["sync", "init", team.remote], env: ["FUNNEL_GIT": wrapper])
        #expect(shared.status == Exit.refused && shared.stderr.contains("holds data already"), "\(shared)")
        for name in [".git", ".gitignore", ".gitattributes"] {
            #expect(!FileManager.default.fileExists(atPath: team.dataDir("boss") + "/" + name), "\(name) was left")
        }
        let log = try PlainGit.run(["log", "--format=%s", "main"], in: team.remote, as: "m2", environment: team.sandbox.environment())
        #expect(log.stdout == "theirs\n", "only the other manager's commit is there: \(log)")
        try team.ok("boss", "list")
    }
}
