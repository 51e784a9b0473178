import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `funnel report` reads the cache's deals without their activities, `list` without their
/// history (they never look at them): each such deal is the deal as stored without those parts,
/// marked so (`Deal.leftOut`), and never written — not as a file, not into the cache.
@Suite struct DealsWithoutActivitiesTests {
    static func deals(_ count: Int) -> [Deal] {
        (0..<count).map { n in
            var deal = SFx.deal(String(format: "w%07d", n).replacingOccurrences(of: "0", with: "z").replacingOccurrences(of: "1", with: "y"))
            deal.activities = (0..<(n % 4)).map { i in Self.activity(n, i) }
            deal.notes = "notes \(n)"
            return deal
        }
    }

    static func activity(_ n: Int, _ i: Int) -> Activity {
        let at = SFx.now.addingTimeInterval(Double(i))
        let kind: ActivityKind = i == 2 ? .training : .call
        let outcome: CallOutcome? = i == 0 ? .reached : nil
        return Activity(at: at, by: "rita", kind: kind, outcome: outcome, note: "note \(n) \(i) — שלום", module: i == 2 ? "Reports" : nil)
    }

    @Test(arguments: [DealParts.activities, .history, [.activities, .history], .details, [.activities, .details]])
    func theCachesDealsComeWithoutThosePartsAndOtherwiseTheSame(_ parts: DealParts) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = Self.deals(300)
        try cache.write(deals, fingerprint: "fp")
        let readLoaded = cache.load(fingerprint: "fp", wanted: { _ in true }, leaving: parts)
        let read = try #require(readLoaded)
        #expect(read.deals.count == 300)
        for deal in deals {
            let lean = try #require(read.deals[deal.id])
            #expect(lean.leftOut == parts)
            #expect(lean.activities.isEmpty == (parts.contains(.activities) || deal.activities.isEmpty))
            #expect(lean.history.isEmpty == parts.contains(.history))
            var expected = deal
            expected.leaveOut(parts)
            #expect(lean == expected, "\(deal.id)")
        }
        #expect(try #require(cache.load(fingerprint: "fp")).values.allSatisfy { $0.leftOut.isEmpty }, "whole by default")
    }

    @Test func aDealWithoutItsActivitiesIsNeverWritten() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        var deal = SFx.deal("lean2345")
        deal.leaveOut(.activities)
        #expect(throws: (any Error).self) { try FunnelJSON.encoder().encode(deal) }
        #expect(throws: (any Error).self) { try store.insert(deal) }
        #expect(try store.loadDeal(id: "lean2345") == nil, "nothing written")
        // Nor into the cache: a snapshot of such deals is not made.
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write([deal], fingerprint: "fp")
        #expect(!FileManager.default.fileExists(atPath: cache.snapshotPath))
    }
}
