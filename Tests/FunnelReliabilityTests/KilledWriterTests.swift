import Foundation
import FunnelCore
import FunnelStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A writer killed with SIGKILL at random moments never leaves the data directory unreadable,
/// never leaves a half-written file, and never loses a change it acknowledged.
@Suite("Killed writers", .serialized) struct KilledWriterTests {
    static let kills = 300
    /// The loop stops early (and fails) rather than run past this.
    static let timeLimit: TimeInterval = 240

    @Test func threeHundredKillsLoseNoAcknowledgedChange() throws {
        let world = try TortureWorld(deals: 40)
        defer { world.remove() }
        var rng = SeededGenerator(seed: 2026)
        var expectedLogs: [String: String] = [:]  // token → deal id
        var minimumRevision: [String: Int] = [:]
        var killedMidway = 0
        let started = Date()
        var done = 0
        while done < Self.kills && Date().timeIntervalSince(started) < Self.timeLimit {
            let output = world.root + "/out"
            let pid = try world.start(seed: UInt64(done), count: 400, actor: "w1", output: output)
            usleep(UInt32.random(in: 1_000...60_000, using: &rng))
            kill(pid, SIGKILL)
            if TortureWorld.wait(pid) == 128 + SIGKILL { killedMidway += 1 }
            for ack in TortureWorld.acks(output) {
                minimumRevision[ack.id] = max(minimumRevision[ack.id] ?? 0, ack.revision)
                if ack.kind == 2 { expectedLogs[ack.token] = ack.id }
            }
            let deals = try verifiedDeals(world)
            for (id, revision) in minimumRevision {
                #expect((deals[id]?.revision ?? 0) >= revision, "kill \(done): \(id) lost an acknowledged change")
            }
            done += 1
        }
        #expect(done == Self.kills, "only \(done) kills within \(Self.timeLimit) s")
        #expect(killedMidway > Self.kills / 2, "most writers were killed while working")
        let deals = try verifiedDeals(world)
        for (token, id) in expectedLogs {
            #expect(deals[id]?.activities.contains { $0.note == token } == true, "acknowledged call \(token) on \(id) is missing")
        }
        // Temp files left by killed writers are ignored by readers and never count as deals.
        #expect(try world.store.dealIDs().count == 40)
        print(
            "killed writers: \(done) kills (\(killedMidway) mid-run), \(expectedLogs.count) acknowledged calls checked, "
                + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
