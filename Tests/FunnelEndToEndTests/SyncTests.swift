import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `funnel sync` with real git: a bare repository and three clones (a manager and two reps)
/// changing the same and different deals apart, then syncing in every order (docs/sync.md).
@Suite("Sync: a team across machines over git", .serialized)
struct SyncTests {
    static let orders = [
        ["boss", "rita", "sam"], ["boss", "sam", "rita"], ["rita", "boss", "sam"],
        ["rita", "sam", "boss"], ["sam", "boss", "rita"], ["sam", "rita", "boss"],
    ]

    /// The shared starting point: three deals and an inbox lead, shared, cloned by both reps.
    func startingTeam() throws -> (SyncTeam, [String: String]) {
        let team = try SyncTeam()
        try team.sandbox.initialize()
        var ids: [String: String] = [:]
        ids["titles"] = try team.sandbox.add("Solar roof", "--owner", "rita")
        ids["move"] = try team.sandbox.add("Heat pump", "--owner", "sam")
        ids["calls"] = try team.sandbox.add("Batteries", "--owner", "rita")
        let leads = team.sandbox.root + "/leads.jsonl"
        _ = FileManager.default.createFile(atPath: leads, contents: Data((#"{"name": "Web lead", "phone": "0501234567"}"# + "\n").utf8))
        let captured = try team.sandbox.run("capture", leads)
        #expect(captured.ok, "\(captured)")
        ids["lead"] = captured.output
        try team.setUp()
        return (team, ids)
    }

    /// Everyone's changes, made apart at different times.
    func changeApart(_ team: SyncTeam, _ ids: [String: String]) throws {
        // Titles on one side, notes on the other.
        try team.ok("rita", "edit", ids["titles"]!, "--title", "Solar roof, 40 panels", now: "2026-11-24T10:00:00Z")
        try team.ok("boss", "edit", ids["titles"]!, "--notes", "Call after the holidays", now: "2026-11-24T10:05:00Z")
        // A stage renamed by the manager while a rep moves a deal into it; a call logged on the other side.
        try team.ok("boss", "stages", "rename", "follow-up", "Callback", now: "2026-11-24T10:10:00Z")
        try team.ok("sam", "move", ids["move"]!, "follow-up", "--next", "2026-11-26", now: "2026-11-24T10:15:00Z")
        try team.ok("boss", "log", ids["move"]!, "reached", now: "2026-11-24T10:20:00Z")
        // Both sides log calls.
        try team.ok("rita", "log", ids["calls"]!, "no-answer", now: "2026-11-24T10:25:00Z")
        try team.ok("boss", "log", ids["calls"]!, "busy", now: "2026-11-24T10:30:00Z")
        try team.ok("rita", "log", ids["calls"]!, "left-message", now: "2026-11-24T10:35:00Z")
        // An inbox lead accepted on one side and rejected on the other (later).
        try team.ok("rita", "accept", ids["lead"]!, now: "2026-11-24T10:40:00Z")
        try team.ok("boss", "reject", ids["lead"]!, "--reason", "Spam", now: "2026-11-24T10:45:00Z")
        // Different deals.
        try team.ok("sam", "add", "Sam's own deal", now: "2026-11-24T10:50:00Z")
    }

    @Test(arguments: orders)
    func everyCloneEndsIdenticalWhateverTheOrder(_ order: [String]) throws {
        let (team, ids) = try startingTeam()
        defer { team.remove() }
        try changeApart(team, ids)
        for person in order + order { try team.ok(person, "sync", now: "2026-11-24T11:00:00Z") }
        let reference = team.files("boss")
        for person in ["rita", "sam"] {
            #expect(team.files(person) == reference, "\(person)'s clone differs from the manager's")
            #expect(try team.list(person) == team.list("boss"))
        }
        for (path, data) in reference {
            #expect(!String(decoding: data, as: UTF8.self).contains("<<<<<<<"), "\(path) holds conflict markers")
        }
        let titles = try team.deal(ids["titles"]!, in: "sam")
        #expect(titles.string("title") == "Solar roof, 40 panels")
        #expect(titles.string("notes") == "Call after the holidays")
        let moved = try team.deal(ids["move"]!, in: "rita")
        #expect(moved.string("stage") == "follow-up" && moved.string("stage_name") == "Callback")
        let movedActivities = moved["activities"] as? [[String: Any]] ?? []
        #expect(movedActivities.filter { $0.string("kind") == "call" }.map { $0.string("outcome") } == ["reached"])
        // Both sides set the next action (the move and the call's proposal): the later one is kept,
        // the other is a note in the timeline.
        #expect(movedActivities.contains { $0.string("by") == "sync" && $0.string("note")?.contains("next_action") == true })
        let calls = try team.deal(ids["calls"]!, in: "boss")
        #expect((calls["activities"] as? [[String: Any]])?.compactMap { $0.string("outcome") } == ["no-answer", "busy", "left-message"])
        let lead = try team.deal(ids["lead"]!, in: "rita")
        #expect(lead.string("stage_kind") == "lost" && lead.string("lost_reason") == "Spam" && lead.string("owner") == "boss")
        #expect((lead["history"] as? [[String: Any]])?.count == 3, "the accept and the reject are both in the history")
        #expect((lead["assignments"] as? [[String: Any]])?.compactMap { $0.string("to") } == ["rita", "boss"])
        #expect(try team.list("boss").contains("Sam's own deal"))
    }

    @Test func theRemoteUnreachableIsExit4AndTheNextSyncSendsEverything() throws {
        let (team, ids) = try startingTeam()
        defer { team.remove() }
        try team.ok("rita", "log", ids["calls"]!, "no-answer")
        let before = team.files("rita")
        try FileManager.default.moveItem(atPath: team.remote, toPath: team.remote + ".away")
        let offline = try team.run("rita", ["sync"])
        #expect(offline.status == Exit.data, "\(offline)")
        #expect(offline.stderr.contains("cannot reach") && offline.stderr.contains("next funnel sync"), "\(offline)")
        #expect(team.files("rita") == before)
        try team.ok("rita", "log", ids["calls"]!, "busy")
        let json = try team.run("rita", ["sync", "--json"])
        #expect(json.status == Exit.data && json.stdout.contains(#""status": "offline""#), "\(json)")
        try FileManager.default.moveItem(atPath: team.remote + ".away", toPath: team.remote)
        let sent = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect((sent["sent"] as? [String])?.contains { $0.hasSuffix(ids["calls"]! + ".json") } == true)
        try team.ok("boss", "sync")
        let calls = try team.deal(ids["calls"]!, in: "boss")
        #expect((calls["activities"] as? [[String: Any]])?.compactMap { $0.string("outcome") } == ["no-answer", "busy"])
    }

    @Test func syncWithNothingToDoSaysSoAndChangesNothing() throws {
        let (team, _) = try startingTeam()
        defer { team.remove() }
        let report = try jsonObject(try team.ok("sam", "sync", "--json").stdout)
        #expect((report["sent"] as? [Any])?.isEmpty == true && (report["received"] as? [Any])?.isEmpty == true)
        #expect((report["committed"] as? [Any])?.isEmpty == true)
        #expect(report.string("branch") == "main")
    }

    @Test func initRefusesARemoteThatHoldsDataAndADirectoryThatIsNotEmpty() throws {
        let (team, _) = try startingTeam()
        defer { team.remove() }
        let other = try Sandbox()
        defer { other.remove() }
        try other.initialize()
        let refused = try other.run("sync", "init", team.remote)
        #expect(refused.status == Exit.refused, "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: other.dataDir + "/.git"))
        try FileManager.default.createDirectory(atPath: other.root + "/stuff", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: other.root + "/stuff/x", contents: Data("x".utf8))
        let notEmpty = try other.run("sync", "init", team.remote, env: ["FUNNEL_DATA_DIR": other.root + "/stuff"])
        #expect(notEmpty.status == Exit.refused, "\(notEmpty)")
        let unset = try other.run("sync")
        #expect(unset.status == Exit.data && unset.stderr.contains("sync init"), "\(unset)")
    }

    @Test func theMergeDriverWritesAMergedDealIntoOurs() throws {
        let (team, ids) = try startingTeam()
        defer { team.remove() }
        let path = team.dataDir("rita") + "/deals/rita/\(ids["titles"]!).json"
        let base = team.sandbox.root + "/base.json", ours = team.sandbox.root + "/ours.json", theirs = team.sandbox.root + "/theirs.json"
        try FileManager.default.copyItem(atPath: path, toPath: base)
        try team.ok("rita", "edit", ids["titles"]!, "--title", "Ours", now: "2026-11-24T12:00:00Z")
        try FileManager.default.copyItem(atPath: path, toPath: ours)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: base, toPath: path)
        try team.ok("rita", "edit", ids["titles"]!, "--phone", "0509999999", now: "2026-11-24T12:05:00Z")
        try FileManager.default.copyItem(atPath: path, toPath: theirs)
        try team.ok("rita", "merge-deal", base, ours, theirs)
        let merged = String(decoding: FileManager.default.contents(atPath: ours) ?? Data(), as: UTF8.self)
        #expect(merged.contains(#""title" : "Ours""#) && merged.contains("0509999999"), "\(merged)")
        _ = FileManager.default.createFile(atPath: theirs, contents: Data("<<<<<<< not json".utf8))
        let before = FileManager.default.contents(atPath: ours)
        let refused = try team.run("rita", ["merge-deal", base, ours, theirs])
        #expect(refused.status == Exit.data, "\(refused)")
        #expect(FileManager.default.contents(atPath: ours) == before)
    }

    @Test func aLocalFileThatCannotBeReadIsNotSentAndAForeignFileIsNeverWritten() throws {
        let (team, ids) = try startingTeam()
        defer { team.remove() }
        let file = team.dataDir("rita") + "/deals/rita/\(ids["calls"]!).json"
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: file))
        let held = try team.run("rita", ["sync", "--json"])
        #expect(held.ok, "\(held)")
        let report = try jsonObject(held.stdout)
        #expect((report["held"] as? [String])?.first?.hasPrefix("deals/rita/\(ids["calls"]!).json") == true, "\(held)")
        #expect((report["sent"] as? [Any])?.isEmpty == true)
        #expect(String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self) == "{ not json")
        // A teammate commits a file that is not funnel's with plain git.
        try Data("hello".utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/run-me.sh"))
        try team.git("sam", ["add", "run-me.sh"], ["commit", "-qm", "x"], ["push", "-q", "origin", "HEAD:main"])
        let boss = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect(boss["ignored"] as? [String] == ["run-me.sh"])
        #expect(!FileManager.default.fileExists(atPath: team.dataDir("boss") + "/run-me.sh"))
    }
}
