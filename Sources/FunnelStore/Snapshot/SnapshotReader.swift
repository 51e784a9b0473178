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
    struct Heads: Sendable {
        let generation: UInt64
        let fingerprint: String
        /// How many deals the snapshot holds.
        let count: Int
        /// The wanted deals, their starts counted from `dealsStart`.
        let spans: [SnapshotCache.DealSpan]
        /// The heads of the wanted deals held back (`holding`), in the file's order: not decoded.
        var held: [DealHead] = []
        /// The wanted deals put off (`deferring`, not `holding`): not decoded now, but where they
        /// lie kept, to be decoded later without the heads read again (`SnapshotCache.loadDeferred`).
        var deferred: [SnapshotCache.DealSpan] = []
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

    /// The header and the heads `wanted` accepts (those `holding` accepts too kept apart, as
    /// `Heads.held`): the file's start is read, more of it while the heads run past what was read.
    func heads(wanted: @Sendable (DealHead) -> Bool, holding: HeadTest? = nil, deferring: HeadTest? = nil) -> Heads? {
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
            if sized,
                let heads = bytes.withUnsafeBytes({ raw in
                    try? Self.parseHeads(raw, size: size, wanted: wanted, holding: holding, deferring: deferring)
                })
            {
                return heads
            }
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

    /// The header: generation, fingerprint, how many deals, the counted deals' length; and where
    /// the heads begin.
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
    func countedDeals(_ header: Header, wanted: @Sendable (DealHead) -> Bool) -> [Deal]? {
        var deals: [Deal] = []
        let read = countedParts(header) { bytes, last in
            CountedDeals.read(bytes, after: last, wanted: wanted).map { part in
                deals += part.deals
                return (part.count, part.last)
            }
        }
        return read ? deals : nil
    }

    /// The counted deals whose head `wanted` accepts, as a report's rows (`ReportRows`).
    func countedRows(_ header: Header, wanted: @Sendable (DealHead) -> Bool) -> ReportRows? {
        var pieces: [ReportRows] = []
        let read = countedParts(header) { bytes, last in
            CountedDeals.readRows(bytes, after: last, wanted: wanted).map { part in
                pieces += part.rows
                return (part.count, part.last)
            }
        }
        guard read else { return nil }
        var rows = ReportRows()
        rows.append(contentsOf: pieces)
        return rows
    }

    /// Reads the counted section a part at a time, each checked, into `take` (with the last id
    /// before it), which says how many deals the part held and its last id, or nil when it could
    /// not read it. Whether every part was read and they held every deal.
    private func countedParts(
        _ header: Header, _ take: (UnsafeRawBufferPointer, String?) -> (count: Int, last: String?)?
    ) -> Bool {
        guard header.countedLength <= size - header.end else { return false }
        let buffer = PartBuffer(), partHead = PartBuffer()
        var (offset, seen, last): (Int, Int, String?) = (size - header.countedLength, 0, nil)
        while offset < size {
            let lengthAndSum = partHead.bytes(8)
            guard size - offset >= 8, (try? AtomicFile.readRange(fd, path: path, at: offset, into: lengthAndSum)) == true else { return false }
            let length = Int(UInt32(littleEndian: lengthAndSum.loadUnaligned(as: UInt32.self)))
            let sum = UInt32(littleEndian: lengthAndSum.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            guard length <= size - offset - 8 else { return false }
            let bytes = UnsafeRawBufferPointer(buffer.bytes(length))
            guard (try? AtomicFile.readRange(fd, path: path, at: offset + 8, into: buffer.bytes(length))) == true, checksum(bytes) == sum,
                let part = take(bytes, last)
            else { return false }
            (offset, seen, last) = (offset + 8 + length, seen + part.count, part.last)
        }
        return seen == header.count
    }

    /// A question asked of each head.
    typealias HeadTest = @Sendable (DealHead) -> Bool

    static func parseHeads(
        _ raw: UnsafeRawBufferPointer, size: Int, wanted: HeadTest, holding: HeadTest? = nil, deferring: HeadTest? = nil
    ) throws -> Heads {
        let header = try parseHeader(raw)
        let (generation, recorded, count, headsStart) = (header.generation, header.fingerprint, header.count, header.end)
        // Where each head begins, stepped over without making its texts; then the heads read, and
        // `wanted` asked of each, on every core.
        var r = BinaryReader(raw, offset: headsStart)
        var starts: [Int] = []
        starts.reserveCapacity(min(count, raw.count / 32))
        for _ in 0..<count {
            starts.append(r.offset)
            try DealHead.skip(&r)
            try r.need(16)
            r.offset += 16
        }
        let headsEnd = r.offset
        guard try r.u32() == checksum(UnsafeRawBufferPointer(rebasing: raw[..<headsEnd])),
            header.countedLength <= size - r.offset
        else { throw CacheUnreadable() }
        let parts = readSpans(raw, at: starts, wanted: wanted, holding: holding, deferring: deferring)
        var spans: [SnapshotCache.DealSpan] = [], held: [DealHead] = [], deferred: [SnapshotCache.DealSpan] = []
        spans.reserveCapacity(parts.reduce(0) { $0 + ($1?.spans.count ?? 0) })
        held.reserveCapacity(parts.reduce(0) { $0 + ($1?.held.count ?? 0) })
        for part in parts {
            guard let part else { throw CacheUnreadable() }
            spans += part.spans
            held += part.held
            deferred += part.deferred
        }
        return Heads(
            generation: generation, fingerprint: recorded, count: count, spans: spans, held: held, deferred: deferred,
            dealsStart: r.offset, dealsEnd: size - header.countedLength)
    }

    /// The heads at `starts` of `raw` that `wanted` accepts, with where their deals lie, read on
    /// every core in parts (nil for a part that cannot be read); those `holding` accepts too
    /// apart, heads alone; then those `deferring` accepts apart.
    static func readSpans(
        _ raw: UnsafeRawBufferPointer, at starts: [Int], wanted: HeadTest, holding: HeadTest? = nil, deferring: HeadTest? = nil
    ) -> [(spans: [SnapshotCache.DealSpan], held: [DealHead], deferred: [SnapshotCache.DealSpan])?] {
        // Read-only for the whole call, which returns before the caller's buffer goes.
        nonisolated(unsafe) let bytes = raw
        let parts = Array(stride(from: 0, to: starts.count, by: SnapshotCache.decodePart))
        return parallelMap(parts, chunk: 1) { first -> (spans: [SnapshotCache.DealSpan], held: [DealHead], deferred: [SnapshotCache.DealSpan])? in
            let end = min(starts.count, first + SnapshotCache.decodePart)
            var spans: [SnapshotCache.DealSpan] = [], deferred: [SnapshotCache.DealSpan] = []
            var held: [DealHead] = []
            spans.reserveCapacity(end - first)
            for offset in starts[first..<end] {
                var r = BinaryReader(bytes, offset: offset)
                guard let head = try? DealHead.read(&r), let start = try? Int(exactly: r.u64()), let length = try? r.u32(),
                    let sum = try? r.u32()
                else { return nil }
                guard wanted(head) else { continue }
                if let holding, holding(head) {
                    held.append(head)
                } else if let deferring, deferring(head) {
                    deferred.append(SnapshotCache.DealSpan(head: head, start: start, length: Int(length), checksum: sum))
                } else {
                    spans.append(SnapshotCache.DealSpan(head: head, start: start, length: Int(length), checksum: sum))
                }
            }
            return (spans, held, deferred)
        }
    }

    /// How many bytes of the deals' region are read and decoded at a time: the buffer is freed
    /// before the next part, so a load holds the decoded deals and one part, never the whole file.
    static let partBytes = 4 << 20

    /// The wanted deals, read and decoded (on every core), or nil when any is missing or wrong.
    func deals(_ heads: Heads, partBytes: Int = SnapshotReader.partBytes, leaving: DealParts = [], stop: () -> Bool = { false })
        -> [String: Deal]?
    {
        var deals: [String: Deal] = [:]
        return self.deals(heads, into: &deals, partBytes: partBytes, leaving: leaving, stop: stop) ? deals : nil
    }

    /// The wanted deals read and decoded into `deals`, beside those it holds (one table, not a
    /// second to merge); false when any is missing or wrong, or its id is there already (`deals`
    /// then holds some of them), or when `stop` said so before a part (a quit signal).
    func deals(
        _ heads: Heads, into deals: inout [String: Deal], partBytes: Int = SnapshotReader.partBytes, leaving: DealParts = [],
        stop: () -> Bool = { false }
    ) -> Bool {
        let region = heads.dealsEnd - heads.dealsStart
        // A head pointing outside the file is a cache to rebuild (and never an overflow here).
        guard region >= 0, heads.spans.allSatisfy({ $0.start <= region && $0.length <= region - $0.start }) else { return false }
        let before = deals.count
        deals.reserveCapacity(before + heads.spans.count)
        // The heads are written in the deals' order: sorted again (a second array of every span,
        // alive while every deal is decoded) only when a hand-made file has them otherwise.
        let spans = heads.spans
        let ordered = zip(spans, spans.dropFirst()).allSatisfy { $0.start <= $1.start } ? spans : spans.sorted { $0.start < $1.start }
        // One buffer for every part, so its pages are faulted in once, not once per part.
        let buffer = PartBuffer()
        for part in Self.parts(ordered, partBytes: partBytes) {
            guard !stop(), var decoded = readPart(part, dealsStart: heads.dealsStart, leaving: leaving, into: buffer) else { return false }
            // Moved out of the part, not copied: a copy would touch every deal's count once more.
            while let (id, deal) = decoded.popLast() { deals[id] = deal }
        }
        // An id twice in the heads (never written so) is a cache to rebuild, not one copy chosen.
        return deals.count == before + spans.count
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
    ) -> [(id: String, deal: Deal)]? {
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
        // Each deal with its head's id (`decodeDeals` checked they agree): the id is then read
        // from the heads, side by side, not from each deal all over memory.
        var deals: [(id: String, deal: Deal)] = []
        deals.reserveCapacity(decoded.count)
        for (span, deal) in zip(moved, decoded) {
            guard let deal else { return nil }
            deals.append((span.head.id, deal))
        }
        return deals
    }

    /// What to read: ranges of the deals' region (`first`, `count`, where they go in one buffer:
    /// `at`), each span and its near neighbours in one; the whole region in one read when the
    /// ranges would cover most of it. The spans, moved to where their bytes are in that buffer.
    static func plan(
        _ wanted: [SnapshotCache.DealSpan], region: Int
    ) -> (ranges: [(first: Int, count: Int, at: Int)], spans: [SnapshotCache.DealSpan]) {
        // In file order already, as the heads are written (sorted only when a hand-made file is not).
        let spans = zip(wanted, wanted.dropFirst()).allSatisfy { $0.start <= $1.start } ? wanted : wanted.sorted { $0.start < $1.start }
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
