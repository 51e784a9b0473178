import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads `cache/snapshot.bin` in parts (`SnapshotCache`): the header and the heads first, then
/// only the bytes of the deals wanted, neighbours read together. Every part is checked before it
/// is believed; anything short, changed or out of place gives nil (the cache is rebuilt). One
/// open file for both, so a snapshot replaced meanwhile is never read half from each.
final class SnapshotReader {
    let path: String
    let fd: Int32
    let size: Int

    /// The header and the heads, and where the deals begin.
    struct Heads {
        let generation: UInt64
        let fingerprint: String
        /// How many deals the snapshot holds.
        let count: Int
        /// The wanted deals, their starts counted from `dealsStart`.
        let spans: [SnapshotCache.DealSpan]
        let dealsStart: Int
        /// Where the deals end: the counted deals follow (`CountedDeals`).
        let dealsEnd: Int
    }

    /// What the snapshot begins with.
    struct Header {
        let generation: UInt64
        let fingerprint: String
        /// How many deals the snapshot holds.
        let count: Int
        /// The length of the counted deals, the file's last bytes.
        let countedLength: Int
        /// Where the heads begin.
        let end: Int
    }

    /// Gaps between wanted deals smaller than this are read through rather than skipped.
    static let gapReadThrough = 64 << 10

    /// The snapshot opened (a regular file, never through a link), or nil.
    init?(path: String) {
        guard let fd = try? AtomicFile.openRegular(path) else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        self.path = path
        self.fd = fd
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    /// The header and the heads `wanted` accepts: the file's start is read, more of it while the
    /// heads run past what was read.
    func heads(wanted: (DealHead) -> Bool) -> Heads? {
        // The header says how many heads follow: about that much is read at once (a head is about
        // 60 bytes), so the heads are parsed once, not again after each larger read. The header
        // itself can be long (the fingerprint names every seller's folder).
        var prefix = min(size, 64 << 10)
        var sized = false
        while true {
            guard let bytes = try? AtomicFile.readRange(fd, path: path, at: 0, count: prefix), bytes.count == prefix else { return nil }
            if !sized, let header = bytes.withUnsafeBytes({ try? Self.parseHeader($0) }) {
                sized = true
                let needed = min(size, header.end + header.count * 96 + 4)
                if needed > prefix {
                    prefix = needed
                    continue
                }
            }
            // What cannot be read from a prefix may be read from more of the file; from all of it, never.
            if sized, let heads = bytes.withUnsafeBytes({ try? Self.parseHeads($0, size: size, wanted: wanted) }) { return heads }
            guard prefix < size else { return nil }
            prefix = min(size, prefix * 4)
        }
    }

    /// The header alone: the file's start, read again longer while it runs past what was read.
    func header() -> Header? {
        var prefix = min(size, 64 << 10)
        while true {
            guard let bytes = try? AtomicFile.readRange(fd, path: path, at: 0, count: prefix), bytes.count == prefix else { return nil }
            if let header = bytes.withUnsafeBytes({ try? Self.parseHeader($0) }) { return header }
            guard prefix < size else { return nil }
            prefix = min(size, prefix * 4)
        }
    }

    /// The header: generation, fingerprint, how many deals, the counted deals' length and
    /// checksum; and where the heads begin.
    static func parseHeader(_ raw: UnsafeRawBufferPointer) throws -> Header {
        var r = BinaryReader(raw)
        guard raw.count >= 8, Array(raw[0..<8]) == SnapshotCache.snapshotMagic else { throw CacheUnreadable() }
        r.offset = 8
        let generation = try r.u64()
        let recorded = try r.string()
        let count = Int(try r.u32())
        guard let countedLength = Int(exactly: try r.u64()) else { throw CacheUnreadable() }
        return Header(
            generation: generation, fingerprint: recorded, count: count, countedLength: countedLength, end: r.offset)
    }

    /// The counted deals (`CountedDeals`) whose head `wanted` accepts, in the order of their ids,
    /// read a part at a time into one buffer; nil when the section is missing, changed, or not
    /// what the header says.
    func countedDeals(_ header: Header, wanted: (DealHead) -> Bool) -> [Deal]? {
        guard header.countedLength <= size - header.end else { return nil }
        let buffer = PartBuffer(), partHead = PartBuffer()
        var deals: [Deal] = []
        var (offset, seen, last): (Int, Int, String?) = (size - header.countedLength, 0, nil)
        while offset < size {
            let lengthAndSum = partHead.bytes(8)
            guard size - offset >= 8, (try? AtomicFile.readRange(fd, path: path, at: offset, into: lengthAndSum)) == true else { return nil }
            let length = Int(UInt32(littleEndian: lengthAndSum.loadUnaligned(as: UInt32.self)))
            let sum = UInt32(littleEndian: lengthAndSum.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            guard length <= size - offset - 8 else { return nil }
            let bytes = UnsafeRawBufferPointer(buffer.bytes(length))
            guard (try? AtomicFile.readRange(fd, path: path, at: offset + 8, into: buffer.bytes(length))) == true, checksum(bytes) == sum,
                let part = CountedDeals.read(bytes, after: last, wanted: wanted)
            else { return nil }
            deals += part.deals
            (offset, seen, last) = (offset + 8 + length, seen + part.count, part.last)
        }
        return seen == header.count ? deals : nil
    }

    static func parseHeads(_ raw: UnsafeRawBufferPointer, size: Int, wanted: (DealHead) -> Bool) throws -> Heads {
        let header = try parseHeader(raw)
        let (generation, recorded, count, headsStart) = (header.generation, header.fingerprint, header.count, header.end)
        var r = BinaryReader(raw, offset: headsStart)
        var spans: [SnapshotCache.DealSpan] = []
        spans.reserveCapacity(min(count, raw.count / 32))
        for _ in 0..<count {
            let head = try DealHead.read(&r)
            guard let start = Int(exactly: try r.u64()) else { throw CacheUnreadable() }
            let length = Int(try r.u32())
            let checksum = try r.u32()
            if wanted(head) { spans.append(SnapshotCache.DealSpan(head: head, start: start, length: length, checksum: checksum)) }
        }
        let headsEnd = r.offset
        guard try r.u32() == checksum(UnsafeRawBufferPointer(rebasing: raw[..<headsEnd])),
            header.countedLength <= size - r.offset
        else { throw CacheUnreadable() }
        return Heads(
            generation: generation, fingerprint: recorded, count: count, spans: spans, dealsStart: r.offset,
            dealsEnd: size - header.countedLength)
    }

    /// How many bytes of the deals' region are read and decoded at a time: the buffer is freed
    /// before the next part, so a load holds the decoded deals and one part, never the whole file.
    static let partBytes = 4 << 20

    /// The wanted deals, read and decoded (on every core), or nil when any is missing or wrong.
    func deals(_ heads: Heads, partBytes: Int = SnapshotReader.partBytes, leaving: DealParts = []) -> [String: Deal]? {
        let region = heads.dealsEnd - heads.dealsStart
        // A head pointing outside the file is a cache to rebuild (and never an overflow here).
        guard region >= 0, heads.spans.allSatisfy({ $0.start <= region && $0.length <= region - $0.start }) else { return nil }
        var deals: [String: Deal] = [:]
        deals.reserveCapacity(heads.spans.count)
        // The heads are written in the deals' order: sorted again (a second array of every span,
        // alive while every deal is decoded) only when a hand-made file has them otherwise.
        let spans = heads.spans
        let ordered = zip(spans, spans.dropFirst()).allSatisfy { $0.start <= $1.start } ? spans : spans.sorted { $0.start < $1.start }
        // One buffer for every part, so its pages are faulted in once, not once per part.
        let buffer = PartBuffer()
        for part in Self.parts(ordered, partBytes: partBytes) {
            guard let decoded = readPart(part, dealsStart: heads.dealsStart, leaving: leaving, into: buffer) else { return nil }
            for deal in decoded { deals[deal.id] = deal }
        }
        return deals
    }

    /// The spans (in file order) cut into runs that each cover at most `partBytes` of the file
    /// (a single larger deal is a run of its own).
    static func parts(_ spans: [SnapshotCache.DealSpan], partBytes: Int) -> [ArraySlice<SnapshotCache.DealSpan>] {
        var parts: [ArraySlice<SnapshotCache.DealSpan>] = []
        var first = 0
        for i in spans.indices where i > first && spans[i].start + spans[i].length - spans[first].start > partBytes {
            parts.append(spans[first..<i])
            first = i
        }
        if first < spans.count { parts.append(spans[first...]) }
        return parts
    }

    /// One part's deals: its bytes read (the spans and their near neighbours, `plan`) into a
    /// buffer of its own, decoded on every core; nil when any is missing or wrong.
    func readPart(
        _ part: ArraySlice<SnapshotCache.DealSpan>, dealsStart: Int, leaving: DealParts = [], into buffer: PartBuffer = PartBuffer()
    ) -> [Deal]? {
        guard let base = part.first?.start else { return [] }
        let extent = part.map { $0.start + $0.length }.max()! - base
        let relative = part.map { SnapshotCache.DealSpan(head: $0.head, start: $0.start - base, length: $0.length, checksum: $0.checksum) }
        let (ranges, moved) = Self.plan(relative, region: extent)
        // The ranges lie one after another in the buffer (`plan`): read in turn, each into its place.
        let bytes = buffer.bytes(ranges.last.map { $0.at + $0.count } ?? 0)
        for range in ranges {
            let place = UnsafeMutableRawBufferPointer(rebasing: bytes[range.at..<(range.at + range.count)])
            guard (try? AtomicFile.readRange(fd, path: path, at: dealsStart + base + range.first, into: place)) == true else { return nil }
        }
        let decoded = SnapshotCache.decodeDeals(UnsafeRawBufferPointer(bytes), heads: moved, from: 0, leaving: leaving)
        var deals: [Deal] = []
        deals.reserveCapacity(decoded.count)
        for deal in decoded {
            guard let deal else { return nil }
            deals.append(deal)
        }
        return deals
    }

    /// What to read: ranges of the deals' region (`first`, `count`, where they go in one buffer:
    /// `at`), each span and its near neighbours in one; the whole region in one read when the
    /// ranges would cover most of it. The spans, moved to where their bytes are in that buffer.
    static func plan(
        _ wanted: [SnapshotCache.DealSpan], region: Int
    ) -> (ranges: [(first: Int, count: Int, at: Int)], spans: [SnapshotCache.DealSpan]) {
        let spans = wanted.sorted { $0.start < $1.start }
        var ranges: [(first: Int, count: Int, at: Int)] = []
        var i = 0, at = 0
        while i < spans.count {
            var j = i + 1
            var end = spans[i].start + spans[i].length
            while j < spans.count, spans[j].start - end < gapReadThrough {
                end = max(end, spans[j].start + spans[j].length)
                j += 1
            }
            ranges.append((spans[i].start, end - spans[i].start, at))
            at += end - spans[i].start
            i = j
        }
        if at > region / 2 { ranges = spans.isEmpty ? [] : [(0, region, 0)] }
        // Where each span's bytes land: its range's place in the buffer plus its place in the range.
        var moved: [SnapshotCache.DealSpan] = []
        moved.reserveCapacity(spans.count)
        var r = 0
        for span in spans {
            while r + 1 < ranges.count, ranges[r + 1].first <= span.start { r += 1 }
            let range = ranges.isEmpty ? (first: 0, count: 0, at: 0) : ranges[r]
            moved.append(
                SnapshotCache.DealSpan(head: span.head, start: range.at + span.start - range.first, length: span.length, checksum: span.checksum))
        }
        return (ranges, moved)
    }
}

/// The bytes one part of the snapshot is read into, kept from part to part and grown when a part
/// needs more: its pages are faulted in once for a whole load.
final class PartBuffer {
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// The first `count` bytes, the buffer grown first when it is smaller.
    func bytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if storage.count < count {
            storage.deallocate()
            storage = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
    }

    deinit { storage.deallocate() }
}
