import Foundation
import FunnelCore

/// The snapshot's last section: of every deal only what a report counts (`DealParts.counted`
/// left out), in the order of the ids, so `funnel report` at 100,000 deals
/// reads a tenth of the file and makes no text a person reads.
///
///     parts of at most `SnapshotReader.partBytes`: the part's length, the checksum of its
///     bytes, then its deals, each: its length, then id, owner, pipeline, stage (what
///     `DealHead` holds), value, currency, created, stage entered, next action (its words
///     empty), lost reason, probability, expected close, and the stage changes (who made each
///     empty), as `DealBinary` writes them
///
/// A part is read, checked and decoded at a time (`SnapshotReader.countedDeals`), so a load never
/// holds the whole section beside the deals.
enum CountedDeals {
    /// The section of `deals`, in the order of their ids, in parts of at most `partBytes` (a
    /// larger deal is a part of its own).
    static func write(_ deals: [Deal], to w: inout BinaryWriter, partBytes: Int = SnapshotReader.partBytes, perCore: Int = 2_048) {
        // Every record one after another, each's length written once it is known; sorted by the
        // ids side by side, not by reaching into each deal for its id again; the records made
        // on every core, `perCore` at a time, and put together in order.
        let ids = deals.map(\.id)
        let order = ids.indices.sorted(by: { ids[$0] < ids[$1] })
        let pieces = parallelMap(Array(stride(from: 0, to: order.count, by: perCore)), chunk: 1) { first in
            var records = BinaryWriter(capacity: perCore * 200)
            var ends: [Int] = []
            ends.reserveCapacity(perCore)
            for i in order[first..<min(order.count, first + perCore)] {
                let start = records.bytes.count
                records.u32(0)
                DealHead(deals[i]).write(to: &records)
                writeFigures(deals[i], to: &records)
                records.setU32(UInt32(records.bytes.count - start - 4), at: start)
                ends.append(records.bytes.count)
            }
            return (records, ends)
        }
        var records = BinaryWriter(capacity: pieces.reduce(0) { $0 + $1.0.bytes.count })
        var ends: [Int] = []
        ends.reserveCapacity(deals.count)
        for (piece, pieceEnds) in pieces {
            let base = records.bytes.count
            records.append(piece.bytes)
            ends += pieceEnds.map { base + $0 }
        }
        // Then cut into parts, each with its length and checksum.
        func part(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            w.u32(UInt32(range.count))
            w.u32(records.bytes.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[range])) })
            w.append(Array(records.bytes[range]))
        }
        var (first, last) = (0, 0)
        for end in ends {
            if end - first > partBytes, last > first {
                part(first..<last)
                first = last
            }
            last = end
        }
        part(first..<last)
    }

    private static func writeFigures(_ deal: Deal, to w: inout BinaryWriter) {
        DealBinary.writeValue(deal, to: &w)
        w.string(deal.currency)
        DealBinary.writeTimes(deal, details: false, to: &w)
        w.optionalString(deal.lostReason)
        DealBinary.writeForecast(deal, to: &w)
        DealBinary.writeHistory(deal.history, details: false, to: &w)
    }

    /// The deals of one part `raw` whose head `wanted` accepts, decoded on every core, each
    /// without `DealParts.counted`; how many deals the part holds and the last id. Nil when the part
    /// is not what `write` made: ids out of order or repeated (the first one after `previous`),
    /// a deal running past its length or short of it.
    static func read(
        _ raw: UnsafeRawBufferPointer, after previous: String?, wanted: @Sendable (DealHead) -> Bool
    ) -> (deals: [Deal], count: Int, last: String?)? {
        let read = readPieces(raw, after: previous, wanted: wanted) { records, bytes -> [Deal]? in
            let interner = TextInterner()
            var deals: [Deal] = []
            deals.reserveCapacity(records.count)
            for record in records {
                var body = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[..<record.end]), offset: record.start, interner: interner)
                guard let deal = try? readFigures(&body, head: record.head), body.offset == record.end else { return nil }
                deals.append(deal)
            }
            return deals
        }
        return read.map { (Array($0.pieces.joined()), $0.count, $0.last) }
    }

    /// The wanted records of one part `raw` (`wantedRecords`), read on every core a piece of
    /// `SnapshotCache.decodePart` records at a time by `piece` (nil: the part is not read), from
    /// `raw` itself: the pieces in order, how many deals the part holds and the last id.
    static func readPieces<Piece: Sendable>(
        _ raw: UnsafeRawBufferPointer, after previous: String?, wanted: @Sendable (DealHead) -> Bool,
        piece: @Sendable (ArraySlice<Record>, UnsafeRawBufferPointer) -> Piece?
    ) -> (pieces: [Piece], count: Int, last: String?)? {
        guard let (records, count, last) = wantedRecords(raw, after: previous, wanted: wanted) else { return nil }
        // Read-only for the whole call, which returns before the caller's buffer goes.
        nonisolated(unsafe) let bytes = raw
        let starts = Array(stride(from: 0, to: records.count, by: SnapshotCache.decodePart))
        let parts = parallelMap(starts, chunk: 1) { first in
            piece(records[first..<min(records.count, first + SnapshotCache.decodePart)], bytes)
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(parts.count)
        for part in parts {
            guard let part else { return nil }
            pieces.append(part)
        }
        return (pieces, count, last)
    }

    /// One record: its head, and where the rest of it lies.
    typealias Record = (head: DealHead, start: Int, end: Int)

    /// The wanted records, how many there are in all and the last id; nil when the records do
    /// not fill `raw` exactly or their ids are not in order after `previous`, each once. The heads
    /// are read, and `wanted` asked of each, on every core.
    static func wantedRecords(
        _ raw: UnsafeRawBufferPointer, after previous: String?, wanted: @Sendable (DealHead) -> Bool
    ) -> (records: [Record], count: Int, last: String?)? {
        var bounds: [(start: Int, end: Int)] = []
        bounds.reserveCapacity(raw.count / 128)
        var r = BinaryReader(raw)
        while r.remaining > 0 {
            guard let length = try? Int(r.u32()), length <= r.remaining else { return nil }
            bounds.append((r.offset, r.offset + length))
            r.offset += length
        }
        let spans = bounds
        // Read-only for the whole call, which returns before the caller's buffer goes.
        nonisolated(unsafe) let bytes = raw
        let starts = Array(stride(from: 0, to: spans.count, by: SnapshotCache.decodePart))
        // Each part: its wanted records, its first and last id (every id after the one before).
        let parts = parallelMap(starts, chunk: 1) { first -> (records: [Record], first: String, last: String)? in
            let end = min(spans.count, first + SnapshotCache.decodePart)
            var records: [Record] = []
            var ids: (first: String, last: String)?
            for span in spans[first..<end] {
                var body = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[..<span.end]), offset: span.start)
                guard let head = try? DealHead.read(&body), ids.map({ $0.last < head.id }) ?? true else { return nil }
                ids = (ids?.first ?? head.id, head.id)
                if wanted(head) { records.append((head, body.offset, span.end)) }
            }
            return ids.map { (records, $0.first, $0.last) }
        }
        var records: [Record] = []
        var last = previous
        for part in parts {
            guard let part, last.map({ $0 < part.first }) ?? true else { return nil }
            records += part.records
            last = part.last
        }
        return (records, spans.count, last)
    }

    private static func readFigures(_ r: inout BinaryReader, head: DealHead) throws -> Deal {
        let (value, cents, valueInRange) = try DealBinary.readValue(&r)
        let currency = try r.string()
        let (created, stageEntered, next) = try DealBinary.readTimes(&r, details: false)
        let lostReason = try r.optionalString()
        let forecast = try DealBinary.readForecast(&r)
        let deal = Deal(
            counted: Deal.Counted(
                id: head.id, owner: head.owner, pipeline: head.pipeline, stage: head.stage, hundredths: cents, value: value,
                currency: currency, created: created, stageEntered: stageEntered, nextActionDay: next?.date, lostReason: lostReason,
                probability: forecast.probability, expectedClose: forecast.expectedClose,
                history: try DealBinary.readHistory(&r, details: false)))
        guard ValuesWithinLimits.violation(in: deal, valueInRange: valueInRange) == nil else { throw CacheUnreadable() }
        return deal
    }
}
