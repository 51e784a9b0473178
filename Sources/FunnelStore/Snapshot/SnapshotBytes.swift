import Foundation
import FunnelCore

/// The snapshot file's bytes (`SnapshotCache`'s layout), made on every core: the deals encoded a
/// part at a time, then put together in their order, each head's offset moved by the bytes
/// before its part. The same bytes whatever the part's size (`SnapshotBytesTests`).
extension SnapshotCache {
    /// Deals encoded per core at a time.
    static let writePart = 2_048

    /// One part's deals encoded: their bytes one after another, and their heads, each followed
    /// by where its deal starts in `bodies`, its length and its checksum.
    struct EncodedPart: Sendable {
        var bodies = BinaryWriter()
        var heads = BinaryWriter()
        /// Where in `heads` each deal's start is written, and that start within `bodies`.
        var starts: [(at: Int, start: Int)] = []
    }

    static func encoded(_ deals: ArraySlice<Deal>) -> EncodedPart {
        var part = EncodedPart()
        part.starts.reserveCapacity(deals.count)
        for deal in deals {
            let start = part.bodies.bytes.count
            DealBinary.write(deal, to: &part.bodies)
            DealHead(deal).write(to: &part.heads)
            part.starts.append((part.heads.bytes.count, start))
            part.heads.u64(UInt64(start))
            part.heads.u32(UInt32(part.bodies.bytes.count - start))
            part.heads.u32(part.bodies.bytes.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) })
        }
        return part
    }

    /// The whole file for `deals` in their order.
    static func snapshotBytes(
        _ deals: [Deal], fingerprint: String, generation: UInt64, countedPartBytes: Int = SnapshotReader.partBytes,
        part: Int = writePart
    ) -> Data {
        let parts = parallelMap(Array(stride(from: 0, to: deals.count, by: part)), chunk: 1) { first in
            encoded(deals[first..<min(deals.count, first + part)])
        }
        var counted = BinaryWriter(capacity: deals.count * 96)
        CountedDeals.write(deals, to: &counted, partBytes: countedPartBytes, perCore: part)
        var w = BinaryWriter(capacity: 4_096 + fingerprint.utf8.count + parts.reduce(0) { $0 + $1.heads.bytes.count })
        w.append(snapshotMagic)
        w.u64(generation)
        w.string(fingerprint)
        w.u32(UInt32(deals.count))
        w.u64(UInt64(counted.bytes.count))
        var base = 0
        for encoded in parts {
            let at = w.bytes.count
            w.append(encoded.heads.bytes)
            for (offset, start) in encoded.starts { w.setU64(UInt64(base + start), at: at + offset) }
            base += encoded.bodies.bytes.count
        }
        w.u32(w.bytes.withUnsafeBytes { checksum($0) })
        var file = Data(capacity: w.bytes.count + base + counted.bytes.count)
        file.append(contentsOf: w.bytes)
        for encoded in parts { file.append(contentsOf: encoded.bodies.bytes) }
        file.append(contentsOf: counted.bytes)
        return file
    }
}
