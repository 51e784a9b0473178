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

/// A git left running by a killed sync may hold `refs/remotes/origin/…` at the moment the next sync
/// fetches: that lost ref lock is waited out, and never called an unreachable remote.
@Suite("Sync: a ref lock held by another git", .serialized)
struct SyncRefLockTests {
    /// A git wrapper whose fetches fail as git does when another git holds the ref, `failures`
    /// times (a count kept in a file), then runs the real git.
    func lockingGit(in root: String, failures: Int) throws -> String {
        let wrapper = root + "/git-locked"
        let script = """
            #!/bin/sh
            if [ "$1" = "fetch" ]; then
              n=$(cat "\(root)/fetches" 2>/dev/null || echo 0)
              echo $((n + 1)) > "\(root)/fetches"
              if [ "$n" -lt \(failures) ]; then
                echo "error: cannot lock ref 'refs/remotes/origin/main': is at 1111 but expected 2222" >&2
                exit 1
              fi
            fi
            exec /usr/bin/git "$@"
            """
        try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        return wrapper
    }

    /// A synced team whose manager added a deal `title` since.
    func teamWithANewDeal(_ title: String) throws -> SyncTeam {
        let team = try SyncTeam()
        try team.sandbox.initialize()
        try team.setUp()
        try team.ok("boss", "add", title)
        return team
    }

    @Test func aRefLockLostForAMomentIsWaitedOutAndTheSyncCompletes() throws {
        let team = try teamWithANewDeal("After the lock")
        defer { team.remove() }
        let wrapper = try lockingGit(in: team.sandbox.root, failures: 2)
        let synced = try team.run("boss", ["sync"], env: ["FUNNEL_GIT": wrapper])
        #expect(synced.ok, "\(synced)")
        let fetches = try String(contentsOfFile: team.sandbox.root + "/fetches", encoding: .utf8)
        #expect(fetches.trimmingCharacters(in: .whitespacesAndNewlines) == "3", "two lost locks, then the fetch: \(fetches)")
        try team.ok("rita", "sync")
        #expect(try team.list("rita").contains("After the lock"))
    }

    @Test func aRefLockHeldOnIsSaidAsSuchNotAsAnUnreachableRemote() throws {
        let team = try teamWithANewDeal("Waits for the lock")
        defer { team.remove() }
        let before = team.files("boss")
        let wrapper = try lockingGit(in: team.sandbox.root, failures: 1_000)
        let held = try team.run("boss", ["sync"], env: ["FUNNEL_GIT": wrapper])
        #expect(!held.ok && held.stderr.contains("another git is updating this clone"), "\(held)")
        #expect(!held.stderr.contains("cannot reach"), "\(held)")
        #expect(team.files("boss") == before)
        try team.ok("boss", "sync")
    }
}
