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
}
