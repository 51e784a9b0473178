import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// Deals a load puts off (`loadDealSet(where:holding:deferring:)`) come later from the snapshot
/// it read, its heads not read again (`loadDeferred`): the journal's versions came with the load,
/// a deal it removed never comes, and from a snapshot replaced meanwhile nothing is read.
@Suite struct DeferredDealsTests {
    static let won: @Sendable (DealHead) -> Bool = { $0.stage == "customer" }
    static let old: @Sendable (DealHead) -> Bool = { $0.stageEnteredSecond < Int64(SFx.later(-24 * 100).timeIntervalSince1970) }

    @Test func theDealsPutOffComeFromTheSnapshotItRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var archived = SFx.deal("a2345678", stage: "customer")
        archived.stageEntered = SFx.later(-24 * 200)
        var edited = SFx.deal("b2345678", stage: "customer")
        let removed = SFx.deal("c2345678", stage: "customer"), won = SFx.deal("d2345678", stage: "customer")
        let open = SFx.deal("e2345678"), theirs = SFx.deal("f2345678", owner: "sam", stage: "customer")
        try cache.write([archived, edited, removed, won, open, theirs], fingerprint: "fp")
        edited.title = "Edited after the snapshot"
        try cache.append([edited], removed: ["c2345678"], before: "fp", after: "fp2")
        let ritas: @Sendable (DealHead) -> Bool = { $0.owner == "rita" }
        let firstRead = cache.loadRead(fingerprint: "fp2", wanted: ritas, holding: { Self.won($0) && Self.old($0) }, deferring: Self.won)
        let first = try #require(firstRead)
        // The open deal now, the journal's version too (read whole anyway); the archived one held.
        #expect(first.deals == ["e2345678": open, "b2345678": edited])
        #expect(first.held.map(\.id) == ["a2345678"])
        let deferred = try #require(first.deferred)
        #expect(deferred.spans.map(\.head.id) == ["d2345678"])
        var read = first.deals
        #expect(cache.loadDeferred(deferred, into: &read))
        #expect(read == ["e2345678": open, "b2345678": edited, "d2345678": won])
        // A deal the table holds already is a cache to rebuild, not one copy chosen.
        var twice = ["d2345678": won]
        #expect(!cache.loadDeferred(deferred, into: &twice))
        // Another snapshot since: not read from the old one's places.
        try cache.write([won], fingerprint: "fp3")
        var none: [String: Deal] = [:]
        #expect(!cache.loadDeferred(deferred, into: &none))
    }

    @Test func theStoreSaysWhenTheSnapshotWasReplaced() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let deals = (0..<(FunnelStore.cacheThreshold + 20)).map { n in
            SFx.deal(String(format: "d%07d", n), stage: n % 2 == 0 ? "customer" : "new")
        }
        try store.insertBulk(deals)
        _ = try store.loadDealSet()
        let set = try store.loadDealSet(where: { _ in true }, deferring: Self.won)
        let deferred = try #require(set.deferred)
        #expect(set.deals.count + deferred.count == deals.count)
        #expect(set.deals.values.allSatisfy { $0.stage == "new" })
        var later = set.deals
        #expect(store.loadDeferred(deferred, into: &later))
        #expect(later.count == deals.count && later.filter { $0.value.stage == "customer" }.count == deferred.count)
        // The snapshot written again (a fold): the deals given are left as given.
        try store.cache.write(try store.loadDealFiles().deals.values, fingerprint: store.fingerprint())
        var again = set.deals
        #expect(!store.loadDeferred(deferred, into: &again))
        #expect(again.keys.sorted() == set.deals.keys.sorted())
        // From the files (no cache) nothing is put off: they come decoded.
        let small = try TempDir()
        defer { small.remove() }
        let few = try small.store()
        try few.insertBulk(Array(deals.prefix(40)))
        let read = try few.loadDealSet(where: { _ in true }, deferring: Self.won)
        #expect(read.deferred == nil && read.deals.count == 40)
    }
}

/// The board's quit signal (`DataLock.shouldStop`) ends a read of every deal file at once: the
/// board never waits seconds for one to quit.
@Suite struct StoppedReadTests {
    @Test func aStopEndsTheReadOfEveryFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<40).map { SFx.deal(String(format: "s%07d", $0)) })
        #expect(try store.loadDealSet().deals.count == 40)
        store.lock.shouldStop = { true }
        #expect {
            _ = try store.loadDealFiles()
        } throws: { error in
            (error as? StoreError) == .io(path: store.dealsDirectory, detail: FunnelStore.stoppedReading)
        }
        // A command has no such signal: its read is whole.
        store.lock.shouldStop = nil
        #expect(try store.loadDealSet().deals.count == 40)
    }

    @Test func aStopEndsTheReadOfTheSnapshot() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let count = FunnelStore.cacheThreshold + 20
        try store.insertBulk((0..<count).map { SFx.deal(String(format: "t%07d", $0)) })
        #expect(try store.loadDealSet().deals.count == count)
        store.lock.shouldStop = { true }
        #expect {
            _ = try store.loadDealSet()
        } throws: { error in
            (error as? StoreError) == .io(path: store.cache.snapshotPath, detail: FunnelStore.stoppedReading)
        }
        let reader = try #require(SnapshotReader(path: store.cache.snapshotPath))
        let everyDeal: @Sendable (DealHead) -> Bool = { _ in true }
        let heads = try #require(reader.heads(wanted: everyDeal))
        // Asked before each part: the first part read, the second not.
        var asked = 0
        let read = reader.deals(heads, partBytes: 1) {
            asked += 1
            return asked > 1
        }
        #expect(read == nil && asked == 2)
        store.lock.shouldStop = nil
        #expect(try store.loadDealSet().deals.count == count)
    }
}
