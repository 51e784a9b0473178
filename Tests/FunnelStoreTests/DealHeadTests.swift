import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// A reader that wants some deals (`loadDealSet(where:)`) gets exactly those, whether from the
/// snapshot cache (skipping the others undecoded) or from the JSON files.
@Suite struct DealHeadTests {
    static func ritas(_ head: DealHead) -> Bool { head.owner == "rita" }

    @Test func theCacheDecodesOnlyTheWantedDealsAndCountsThemAll() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = [SFx.deal("a2345678"), SFx.deal("b2345678", owner: "sam"), SFx.deal("c2345678", owner: nil)]
        try cache.write(deals, fingerprint: "fp")
        let loaded = try #require(cache.load(fingerprint: "fp", wanted: Self.ritas))
        #expect(loaded.total == 3)
        #expect(loaded.deals == ["a2345678": deals[0]])
        let inboxLoaded = cache.load(fingerprint: "fp", wanted: { $0.owner == nil })
        let inbox = try #require(inboxLoaded)
        #expect(Array(inbox.deals.keys) == ["c2345678"])
    }

    @Test func aJournalledChangeOfOwnerMovesADealInOrOutOfWhatIsWanted() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var given = SFx.deal("a2345678")
        var taken = SFx.deal("b2345678", owner: "sam")
        try cache.write([given, taken], fingerprint: "fp")
        given.owner = "sam"
        taken.owner = "rita"
        try cache.append([given, taken], before: "fp", after: "fp2")
        let loaded = try #require(cache.load(fingerprint: "fp2", wanted: Self.ritas))
        #expect(loaded.deals == ["b2345678": taken])
    }

    @Test func aHeadThatDisagreesWithItsDealMakesTheCacheUnread() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write([SFx.deal("a2345678")], fingerprint: "fp")
        // The head comes first: its owner "rita" is the first one in the file.
        var bytes = try #require(FileManager.default.contents(atPath: cache.snapshotPath))
        let at = try #require(bytes.firstRange(of: Data("rita".utf8)))
        bytes.replaceSubrange(at, with: Data("rina".utf8))
        try bytes.write(to: URL(fileURLWithPath: cache.snapshotPath))
        let everyDeal = cache.load(fingerprint: "fp", wanted: { _ in true })
        #expect(everyDeal == nil)
        let rinasDeals = cache.load(fingerprint: "fp", wanted: { $0.owner == "rina" })
        #expect(rinasDeals == nil)
    }

    @Test func withoutACacheTheFilesAreFilteredTheSameWay() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        for deal in [SFx.deal("a2345678"), SFx.deal("b2345678", owner: "sam"), SFx.deal("c2345678", owner: nil)] {
            try store.insert(deal)
        }
        let set = try store.loadDealSet(where: Self.ritas)
        #expect(Array(set.deals.keys) == ["a2345678"])
        #expect(try store.loadDealSet().deals.count == 3)
    }

    static let won: @Sendable (DealHead) -> Bool = { $0.stage == "customer" }

    @Test func heldDealsComeAsHeadsNotDecodedAndTheJournalMovesThemInOrOut() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var kept = SFx.deal("a2345678", stage: "customer")
        kept.stageEntered = SFx.later(-24 * 200)
        var reopened = SFx.deal("b2345678", stage: "customer")
        let removed = SFx.deal("c2345678", stage: "customer"), open = SFx.deal("d2345678")
        try cache.write([kept, reopened, removed, open], fingerprint: "fp")
        let firstRead = cache.loadRead(fingerprint: "fp", wanted: { _ in true }, holding: Self.won)
        let first = try #require(firstRead)
        #expect(Set(first.deals.keys) == ["d2345678"])
        #expect(Set(first.held.map(\.id)) == ["a2345678", "b2345678", "c2345678"])
        #expect(first.held.first { $0.id == "a2345678" } == DealHead(kept))
        #expect(first.held.first { $0.id == "a2345678" }?.stageEnteredSecond == Int64(kept.stageEntered.timeIntervalSince1970))
        // Written later: one reopened (decoded now), one removed, one moved into a held stage.
        reopened.stage = "meeting"
        var closed = open
        closed.stage = "customer"
        try cache.append([reopened, closed], removed: ["c2345678"], before: "fp", after: "fp2")
        let laterRead = cache.loadRead(fingerprint: "fp2", wanted: { _ in true }, holding: Self.won)
        let later = try #require(laterRead)
        #expect(Set(later.deals.keys) == ["b2345678"])
        #expect(later.deals["b2345678"] == reopened)
        #expect(Set(later.held.map(\.id)) == ["a2345678", "d2345678"])
        // Without holding, every deal as before.
        #expect(cache.load(fingerprint: "fp2")?.count == 3)
    }

    @Test func withoutACacheTheFilesAreHeldTheSameWay() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        for deal in [SFx.deal("a2345678", stage: "customer"), SFx.deal("b2345678", owner: "sam"), SFx.deal("c2345678", stage: "customer")] {
            try store.insert(deal)
        }
        let set = try store.loadDealSet(where: { _ in true }, holding: Self.won)
        #expect(Array(set.deals.keys) == ["b2345678"])
        #expect(Set(set.held.map(\.id)) == ["a2345678", "c2345678"])
        let ritas = try store.loadDealSet(where: Self.ritas, holding: Self.won)
        #expect(ritas.deals.isEmpty && ritas.held.count == 2)
    }

    @Test func aHeadWithASecondNoDateHasIsNotBelieved() throws {
        for second in [Int64.max, Int64.min, DealHead.secondRange.upperBound + 1] {
            var w = BinaryWriter()
            DealHead(id: "a2345678", owner: "rita", pipeline: nil, stage: "customer", stageEnteredSecond: second).write(to: &w)
            let read = w.bytes.withUnsafeBytes { raw -> DealHead? in
                var r = BinaryReader(raw)
                return try? DealHead.read(&r)
            }
            #expect(read == nil, "\(second)")
        }
        var w = BinaryWriter()
        let head = DealHead(SFx.deal("a2345678"))
        head.write(to: &w)
        let back = w.bytes.withUnsafeBytes { raw -> DealHead? in
            var r = BinaryReader(raw)
            return try? DealHead.read(&r)
        }
        #expect(back == head)
    }
}
