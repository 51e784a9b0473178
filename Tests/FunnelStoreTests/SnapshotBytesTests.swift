import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The snapshot is written on every core, a part of the deals at a time: the file is the same
/// byte for byte whatever the part (one deal, a few, a part's worth, all at once as one core
/// wrote it), and it reads back as the deals written.
@Suite struct SnapshotBytesTests {
    static func deals(_ count: Int) -> [Deal] {
        var random = RandomDeals(seed: 19)
        return (0..<count).map { _ in random.deal(owners: ["dana", nil, "yossi", "layla"]) }
    }

    @Test func theSameBytesWhateverThePart() {
        let deals = Self.deals(700)
        let whole = SnapshotCache.snapshotBytes(deals, fingerprint: "f1", generation: 42, countedPartBytes: 4_096, part: deals.count)
        for part in [1, 3, 64, 2_048] {
            #expect(SnapshotCache.snapshotBytes(deals, fingerprint: "f1", generation: 42, countedPartBytes: 4_096, part: part) == whole, "\(part)")
        }
        var counted = BinaryWriter()
        CountedDeals.write(deals, to: &counted, partBytes: 4_096, perCore: deals.count)
        for perCore in [1, 5, 256] {
            var again = BinaryWriter()
            CountedDeals.write(deals, to: &again, partBytes: 4_096, perCore: perCore)
            #expect(again.bytes == counted.bytes, "\(perCore)")
        }
    }

    @Test func writtenInPartsReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-bytes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deals = Self.deals(1_200)
        let cache = SnapshotCache(directory: folder)
        try cache.write(deals, fingerprint: "print", countedPartBytes: 8_192)
        let read = try #require(cache.load(fingerprint: "print"))
        #expect(read.count == deals.count)
        for deal in deals { #expect(read[deal.id] == deal) }
    }
}
