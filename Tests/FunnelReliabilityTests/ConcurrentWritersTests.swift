import Foundation
import FunnelCore
import FunnelStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Several processes changing one data directory at once lose nothing (docs/reliability.md).
@Suite("Concurrent writers", .serialized) struct ConcurrentWritersTests {
    static let processes = 4
    static let changesEach = 2_000
    static let deals = 500

    @Test func fourProcessesTimesTwoThousandChangesOnFiveHundredDealsLoseNothing() throws {
        let world = try TortureWorld(deals: Self.deals)
        defer { world.remove() }
        let before = try world.store.loadDealMap()
        let started = Date()
        let pids = try (0..<Self.processes).map { i in
            try world.start(
                seed: UInt64(100 + i), count: Self.changesEach, actor: TortureWorld.workers[i],
                output: world.root + "/out-\(i)")
        }
        let statuses = pids.map(TortureWorld.wait)
        let complaints = (0..<Self.processes).map { TortureWorld.complaints(world.root + "/out-\($0)") }
        #expect(statuses == Array(repeating: 0, count: Self.processes), "the writers said: \(complaints)")
        let acks = (0..<Self.processes).flatMap { TortureWorld.acks(world.root + "/out-\($0)") }
        #expect(acks.count == Self.processes * Self.changesEach, "every change was saved (none refused)")
        let after = try verifiedDeals(world)
        #expect(after.count == Self.deals)

        // Every acknowledged change is there: each deal's revision grew by exactly its number of
        // acknowledged changes (a lost update would leave it short), and every logged call is kept.
        var perDeal: [String: Int] = [:]
        for ack in acks { perDeal[ack.id, default: 0] += 1 }
        for (id, deal) in after {
            let grown = deal.revision - (before[id]?.revision ?? 0)
            #expect(grown == perDeal[id, default: 0], "\(id): revision grew by \(grown), \(perDeal[id, default: 0]) changes acknowledged")
        }
        for ack in acks where ack.kind == 2 {
            #expect(after[ack.id]?.activities.contains { $0.note == ack.token } == true, "logged call \(ack.token) is missing")
        }
        // The cache agrees with the files.
        let cached = try world.store.loadDealMap()
        #expect(cached == after)
        print("concurrent writers: \(acks.count) changes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
