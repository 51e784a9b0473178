import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A teammate with push access and plain git, second round (docs/reliability.md, "A team synced
/// over git"): malformed trees, a removed or replaced issued quote, a `.gitignore` of `*`, and a
/// repair that would have removed a deal from everyone.
@Suite("Sync: a teammate's hand-made commits", .serialized)
struct SyncTeammateTreeTests {
    func team() throws -> (SyncTeam, String) {
        let team = try SyncTeam()
        try team.sandbox.initialize()
        try team.sandbox.ok("products", "add", "CRM", "--name", "CRM", "--price", "100")
        let id = try team.sandbox.add("Solar roof", "--owner", "rita")
        try team.setUp()
        try team.ok("boss", "sync")
        try team.ok("sam", "sync")
        return (team, id)
    }

    /// Pushes from sam's clone a commit whose root tree gains an entry `name` (a folder holding
    /// `x.json`), made with git's plumbing as a hostile teammate would.
    func pushMalformedEntry(_ name: String, team: SyncTeam) throws {
        let script = """
            set -e
            cd "\(team.dataDir("sam"))"
            blob=$(printf '{}' | git hash-object -w --stdin)
            sub=$(python3 -c 'import sys,binascii; sys.stdout.buffer.write(b"100644 x.json\\0" + binascii.unhexlify(sys.argv[1]))' "$blob" | git hash-object -t tree --literally -w --stdin)
            root=$( (git cat-file tree HEAD^{tree}; python3 -c 'import sys,binascii; sys.stdout.buffer.write(b"40000 " + sys.argv[2].encode() + b"\\0" + binascii.unhexlify(sys.argv[1]))' "$sub" "\(name)") | git hash-object -t tree --literally -w --stdin)
            commit=$(git commit-tree "$root" -p HEAD -m evil)
            git push -q origin "$commit:refs/heads/main"
            """
        let env = team.sandbox.environment(extra: [
            "GIT_AUTHOR_NAME": "sam", "GIT_AUTHOR_EMAIL": "s@x", "GIT_COMMITTER_NAME": "sam",
            "GIT_COMMITTER_EMAIL": "s@x",
        ])
        let pushed = try runProgram("/bin/sh", ["-c", script], environment: env, scratch: team.sandbox.root)
        #expect(pushed.ok, "\(pushed)")
    }

    @Test func aMalformedTreeEntryNeverStopsTheTeamsSyncs() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try pushMalformedEntry("..", team: team)
        try team.ok("rita", "sync")
        #expect(!FileManager.default.fileExists(atPath: team.sandbox.root + "/x.json"), "nothing is written outside")
        // Rita goes on working and syncing: her change is sent, the bad entry dropped.
        try team.ok("rita", "edit", id, "--notes", "after the bad push")
        try team.ok("rita", "sync")
        try team.ok("boss", "sync")
        #expect(try team.deal(id, in: "boss").string("notes") == "after the bad push")
    }

    @Test func anIssuedQuoteIsNeverTakenBackByATeammatesCommit() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.ok("rita", "lines", "add", id, "CRM")
        let number = String(try team.ok("rita", "quote", id).output.prefix { $0 != " " })
        try team.ok("rita", "sync")
        try team.ok("sam", "sync")
        let pdf = "quotes/deals/rita/\(number).pdf"
        let mine = FileManager.default.contents(atPath: team.dataDir("rita") + "/" + pdf)
        try team.git("sam", ["rm", "-r", "-q", "quotes"], ["commit", "-qm", "gone"], ["push", "-q", "origin", "HEAD:main"])
        let synced = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect((synced["conflicts"] as? [String])?.contains { $0.contains(pdf) && $0.contains("never taken back") } == true, "\(synced)")
        #expect(FileManager.default.contents(atPath: team.dataDir("rita") + "/" + pdf) == mine)
        try team.ok("boss", "sync")
        #expect(FileManager.default.contents(atPath: team.dataDir("boss") + "/" + pdf) == mine, "the team has it back")
        // The next number goes on past it: never a number given twice.
        #expect(try team.ok("rita", "quote", id).output.hasPrefix(number.dropLast(4) + "0002 "))
    }

    @Test func aTeammatesIgnoreEverythingNeverStopsNewDealsTravelling() throws {
        let (team, _) = try team()
        defer { team.remove() }
        try Data("*\n".utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/.gitignore"))
        try team.git("sam", ["add", ".gitignore"], ["commit", "-qm", "ignore all"], ["push", "-q", "origin", "HEAD:main"])
        try team.ok("rita", "sync")
        let id = try team.run("rita", ["add", "New rita deal"]).output
        try team.ok("rita", "sync")
        try team.ok("boss", "sync")
        #expect(try team.deal(id, in: "boss").string("title") == "New rita deal")
    }

    @Test func aRepairInASyncedCopyPutsTheSharedVersionBack() throws {
        let (team, id) = try team()
        defer { team.remove() }
        let file = team.dataDir("boss") + "/deals/rita/\(id).json"
        let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        try Data(text.replacingOccurrences(of: #""title" : "Solar roof""#, with: #""title" : 5"#).utf8).write(to: URL(fileURLWithPath: file))
        let repair = try team.run("boss", ["doctor", "--repair"])
        #expect(repair.stdout.contains("was put back"), "\(repair)")
        try team.ok("boss", "sync")
        try team.ok("rita", "sync")
        #expect(try team.deal(id, in: "rita").string("title") == "Solar roof", "the deal is still the team's")
        #expect(try team.deal(id, in: "boss").string("title") == "Solar roof")
    }

    /// A folder of funnel's made a link (here a copy of rita's `deals/` put elsewhere): the sync
    /// refuses before git sees it (git would commit the link in place of the folder's files, and
    /// every teammate's next sync would remove them).
    @Test func aLinkedFolderStopsTheSyncBeforeGitSeesIt() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.ok("rita", "sync")
        let rita = team.dataDir("rita")
        try FileManager.default.moveItem(atPath: rita + "/deals", toPath: team.sandbox.root + "/rita-deals")
        try FileManager.default.createSymbolicLink(atPath: rita + "/deals", withDestinationPath: team.sandbox.root + "/rita-deals")
        let sync = try team.run("rita", ["sync"])
        #expect(sync.status == 4 && sync.stderr.contains("deals: is a symbolic link"), "\(sync)")
        try team.ok("boss", "sync")
        #expect(try team.deal(id, in: "boss").string("title") == "Solar roof", "the team keeps the deal")
    }

    /// A link a teammate commits under a deal's name is never written here, and so never looks
    /// removed: later syncs, after any change here, leave it in the repository.
    @Test func aTeammatesLinkIsNeverRemovedByALaterSync() throws {
        let (team, id) = try team()
        defer { team.remove() }
        let sam = team.dataDir("sam")
        try FileManager.default.createSymbolicLink(atPath: sam + "/inbox/zzzz2345.json", withDestinationPath: "/etc/hostname")
        try team.git("sam", ["add", "inbox/zzzz2345.json"], ["commit", "-qm", "a link"], ["push", "-q", "origin", "HEAD:main"])
        let first = try team.run("rita", ["sync"])
        #expect(first.ok && first.stderr.contains("ignored, not a funnel file: inbox/zzzz2345.json"), "\(first)")
        #expect(!FileManager.default.fileExists(atPath: team.dataDir("rita") + "/inbox/zzzz2345.json"))
        // A change here makes the next sync look at every file: the link is missing, not removed.
        try team.ok("rita", "edit", id, "--notes", "after the link")
        try team.ok("rita", "doctor", "--repair")
        let second = try team.ok("rita", "sync")
        #expect(second.stdout.contains("sent 1 deal"), "\(second)")
        try team.ok("sam", "sync")
        let tree = try PlainGit.run(["ls-tree", "HEAD", "--", "inbox/zzzz2345.json"], in: sam, as: "sam", environment: team.sandbox.environment())
        #expect(tree.stdout.contains("120000"), "still in the repository: \(tree)")
        #expect(try team.deal(id, in: "sam").string("notes") == "after the link")
    }

    /// A teammate's copy of a deal filed in another owner's folder: `doctor --repair` moves it
    /// aside and does not put the same misfiled copy back, so the next doctor is clean.
    @Test func aRepairNeverPutsBackAMisfiledSharedCopy() throws {
        let (team, id) = try team()
        defer { team.remove() }
        let sam = team.dataDir("sam")
        try FileManager.default.createDirectory(atPath: sam + "/deals/sam", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sam + "/deals/rita/\(id).json", toPath: sam + "/deals/sam/\(id).json")
        try team.git("sam", ["add", "deals/sam/\(id).json"], ["commit", "-qm", "a copy"], ["push", "-q", "origin", "HEAD:main"])
        _ = try team.run("boss", ["sync"])
        let repair = try team.run("boss", ["doctor", "--repair"])
        #expect(repair.stdout.contains("quarantine") && !repair.stdout.contains("was put back"), "\(repair)")
        let after = try team.run("boss", ["doctor"])
        #expect(after.ok, "\(after)")
        #expect(try team.deal(id, in: "boss").string("title") == "Solar roof", "the deal itself stays")
    }

    @Test func aFileHeldWhileATeammatesChangeCameInIsMergedWithItLater() throws {
        let (team, id) = try team()
        defer { team.remove() }
        try team.ok("rita", "sync")
        // Rita's hand edit leaves her file unreadable for a while (held, never sent)…
        let file = team.dataDir("rita") + "/deals/rita/\(id).json"
        let good = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        let edited = good.replacingOccurrences(of: #""title" : "Solar roof""#, with: #""title" : "Solar roof, 40 panels""#)
        try Data(edited.replacingOccurrences(of: "40 panels\",", with: "40 panels\",,").utf8).write(to: URL(fileURLWithPath: file))
        // …while the manager changes the same deal, and rita's sync brings that in.
        try team.ok("boss", "edit", id, "--notes", "Call after the holidays", "--value", "5000")
        try team.ok("boss", "sync")
        try team.ok("rita", "sync")
        // Put right, her edit is merged with the manager's change, not sent over it.
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        try team.ok("rita", "sync")
        try team.ok("boss", "sync")
        for person in ["boss", "rita"] {
            let deal = try team.deal(id, in: person)
            #expect(deal.string("title") == "Solar roof, 40 panels" && deal.string("notes") == "Call after the holidays", "\(person): \(deal)")
            #expect(deal.string("value") == "5000.00", "\(person): \(deal)")
        }
    }
}
