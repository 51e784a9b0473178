import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `funnel sync` killed with SIGKILL at random moments (with its git children, or alone so
/// they live on) leaves a data directory that loads and a repository the next sync completes.
/// `FUNNEL_SYNC_KILLS` sets the number of kills (default 20; docs/sync.md records a run of 50).
@Suite("Sync: killed at random moments", .serialized)
struct SyncKillTests {
    @Test func aKilledSyncLeavesDataThatLoadsAndTheNextSyncCompletes() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        let shared = try team.sandbox.add("Batteries", "--owner", "rita")
        let bosses = try team.sandbox.add("Boss's deal")
        try team.setUp()
        // The remote's git runs in a session of its own, as on a server: killing the manager's
        // sync never kills the server side.
        for (key, value) in [("remote.origin.receivepack", "setsid git-receive-pack"), ("remote.origin.uploadpack", "setsid git-upload-pack")] {
            let set = try PlainGit.run(["config", key, value], in: team.dataDir("boss"), environment: team.sandbox.environment())
            #expect(set.ok, "\(set)")
        }
        let rounds = Int(ProcessInfo.processInfo.environment["FUNNEL_SYNC_KILLS"] ?? "") ?? 20
        let start = try #require(ISO8601DateFormatter().date(from: FixedClock.iso))
        func at(_ round: Int, _ second: Int) -> String {
            ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(round * 60 + second)))
        }
        for round in 0..<rounds {
            try team.ok("rita", "log", shared, "no-answer", now: at(round, 1))
            try team.ok("rita", "sync", now: at(round, 2))
            try team.ok("boss", "log", shared, "busy", now: at(round, 3))
            try team.ok("boss", "edit", bosses, "--notes", "round \(round)", now: at(round, 4))
            try killedSync(team, wholeGroup: round % 2 == 0, after: UInt32.random(in: 0...400_000), now: at(round, 5))
            let list = try team.run("boss", ["list", "--json", "--all"], now: at(round, 6))
            #expect(list.ok, "round \(round): the data does not load after a killed sync: \(list)")
        }
        try team.ok("boss", "sync", now: at(rounds, 1))
        try team.ok("rita", "sync", now: at(rounds, 2))
        try team.ok("boss", "sync", now: at(rounds, 3))
        #expect(team.files("boss") == team.files("rita"))
        let deal = try team.deal(shared, in: "rita")
        let outcomes = (deal["activities"] as? [[String: Any]] ?? []).compactMap { $0.string("outcome") }
        #expect(outcomes.filter { $0 == "no-answer" }.count == rounds && outcomes.filter { $0 == "busy" }.count == rounds)
        #expect(try team.deal(bosses, in: "rita").string("notes") == "round \(rounds - 1)")
        let doctor = try team.run("boss", ["doctor"])
        #expect(doctor.ok, "\(doctor)")
    }

    /// Starts `funnel sync` as the manager in a session of its own and kills it after `micros`.
    func killedSync(_ team: SyncTeam, wholeGroup: Bool, after micros: UInt32, now: String) throws {
        let pid = try Spawn.start(
            "/usr/bin/setsid", [FunnelBinary.path, "sync"],
            environment: team.sandbox.environment(user: "boss", now: now, extra: ["FUNNEL_DATA_DIR": team.dataDir("boss")]))
        usleep(micros)
        kill(wholeGroup ? -pid : pid, SIGKILL)
        _ = Spawn.wait(pid)
    }
}
