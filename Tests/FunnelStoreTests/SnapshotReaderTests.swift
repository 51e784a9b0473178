import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The snapshot read in parts: the heads, then only the wanted deals' bytes.
@Suite struct SnapshotReaderTests {
    /// Deals spread over the snapshot so that a few wanted ones lie far apart.
    static func deals(_ count: Int) -> [Deal] {
        (0..<count).map { n in
            var deal = SFx.deal(
                String(format: "a%07d", n).replacingOccurrences(of: "0", with: "x").replacingOccurrences(of: "1", with: "y"),
                owner: n % 50 == 0 ? "sam" : "rita")
            deal.notes = String(repeating: "n", count: 3_000)
            return deal
        }
    }

    @Test func aFewWantedDealsFarApartAreReadAloneAndRight() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = Self.deals(400)
        try cache.write(deals, fingerprint: "fp")
        let samsLoaded = cache.load(fingerprint: "fp", wanted: { $0.owner == "sam" })
        let sams = try #require(samsLoaded)
        #expect(sams.total == 400)
        #expect(sams.deals == Dictionary(uniqueKeysWithValues: deals.filter { $0.owner == "sam" }.map { ($0.id, $0) }))
        // Read in ranges, not the whole file: each of sam's deals is 50 deals (150 KB) from the next.
        let reader = try #require(SnapshotReader(path: cache.snapshotPath))
        let headsLoaded = reader.heads(wanted: { $0.owner == "sam" })
        let heads = try #require(headsLoaded)
        let (ranges, _) = SnapshotReader.plan(heads.spans, region: reader.size - heads.dealsStart)
        #expect(ranges.count == 8 && ranges.reduce(0) { $0 + $1.count } < (reader.size - heads.dealsStart) / 10)
        #expect(cache.load(fingerprint: "fp")?.count == 400)
    }

    @Test func aHeaderLongerThanTheFirstReadIsReadWhole() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        // A team of a thousand sellers: the fingerprint names each folder (tens of KB).
        let fingerprint = (0..<3_000).map { "1795510800.123456789:\($0)" }.joined(separator: "|")
        try cache.write(Self.deals(20), fingerprint: fingerprint)
        #expect(cache.load(fingerprint: fingerprint)?.count == 20)
    }

    @Test func aHeadPointingPastTheFileIsACacheToRebuild() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write(Self.deals(5), fingerprint: "fp")
        var bytes = try #require(FileManager.default.contents(atPath: cache.snapshotPath))
        bytes.removeLast(100)
        try bytes.write(to: URL(fileURLWithPath: cache.snapshotPath))
        #expect(cache.load(fingerprint: "fp") == nil)
        let nothingWanted = cache.load(fingerprint: "fp", wanted: { _ in false })
        #expect(nothingWanted?.deals.isEmpty == true, "nothing wanted: nothing read past the heads")
    }
}

extension SnapshotReaderTests {
    @Test("Read in parts of a few deals each, the deals are the same; a flipped byte in a late part still fails the load")
    func readInPartsTheDealsAreTheSame() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = Self.deals(300)
        try cache.write(deals, fingerprint: "fp")
        let reader = try #require(SnapshotReader(path: cache.snapshotPath))
        let headsLoaded = reader.heads(wanted: { _ in true })
        let heads = try #require(headsLoaded)
        #expect(SnapshotReader.parts(heads.spans, partBytes: 64 << 10).count > 10)
        #expect(SnapshotReader.parts(heads.spans, partBytes: 1).count == 300, "a deal larger than a part is a part of its own")
        let whole = try #require(reader.deals(heads, partBytes: Int.max))
        #expect(reader.deals(heads, partBytes: 64 << 10) == whole)
        #expect(whole == Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0) }))
        // One byte of the last deal's notes changed: its checksum fails, so does the load.
        var bytes = try #require(FileManager.default.contents(atPath: cache.snapshotPath))
        let last = try #require(heads.spans.max { $0.start < $1.start })
        bytes[heads.dealsStart + last.start + last.length / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: cache.snapshotPath))
        let flipped = try #require(SnapshotReader(path: cache.snapshotPath))
        let againLoaded = flipped.heads(wanted: { _ in true })
        let again = try #require(againLoaded)
        #expect(flipped.deals(again, partBytes: 64 << 10) == nil)
    }
}
