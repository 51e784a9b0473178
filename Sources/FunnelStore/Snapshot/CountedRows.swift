import Foundation
import FunnelCore

extension CountedDeals {
    /// The records of one part `raw` whose head `wanted` accepts, as a report's rows
    /// (`ReportRows`: plain numbers, no deal made), read on every core, a `ReportRows` for each
    /// piece read on one (`ReportRows.append(contentsOf:)` puts them together); how many deals the part
    /// holds and the last id. Nil as `read` is nil, or when a record breaks the limits a deal
    /// keeps (`ValuesWithinLimits.fits`).
    static func readRows(
        _ raw: UnsafeRawBufferPointer, after previous: String?, wanted: @Sendable (DealHead) -> Bool
    ) -> (rows: [ReportRows], count: Int, last: String?)? {
        let read = readPieces(raw, after: previous, wanted: wanted) { records, bytes -> ReportRows? in
            var rows = ReportRows()
            for record in records {
                var body = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[..<record.end]), offset: record.start)
                guard (try? readRow(&body, head: record.head, into: &rows)) != nil, body.offset == record.end else { return nil }
            }
            return ValuesWithinLimits.fit(rows.texts) ? rows : nil
        }
        return read.map { ($0.pieces, $0.count, $0.last) }
    }

    /// One record's figures as a row of `rows`, its history as its pipeline sees it
    /// (`ReportRows.append(_:changes:enteredPipelineAt:)`).
    private static func readRow(_ r: inout BinaryReader, head: DealHead, into rows: inout ReportRows) throws {
        let (value, cents, valueInRange) = try DealBinary.readValue(&r)
        let currency = rows.text(bytes: try r.stringBytes())
        let (created, stageEntered, next) = try DealBinary.readTimes(&r, details: false)
        let lostReason = try r.u8() == 1 ? rows.text(bytes: try r.stringBytes()) : -1
        let forecast = try DealBinary.readForecast(&r)
        let count = Int(try r.u32())
        guard count <= r.remaining else { throw CacheUnreadable() }
        var changes: [ReportRows.Change] = []
        changes.reserveCapacity(count)
        var entered: Int?
        for i in 0..<count {
            let at = Date(timeIntervalSince1970: try r.f64())
            try r.skipString()
            let from = try r.u8() == 1 ? rows.text(bytes: try r.stringBytes()) : -1
            let to = rows.text(bytes: try r.stringBytes())
            if try r.u8() == 1 {
                try r.skipString()
                entered = i
            }
            changes.append(ReportRows.Change(at: at, from: from, to: to))
        }
        let row = ReportRows.Row(
            stage: rows.text(head.stage), owner: head.owner.map { rows.text($0) } ?? -1, currency: currency, lostReason: lostReason,
            value: value, hundredths: cents ?? value.flatMap(Money.hundredths), probability: forecast.probability, created: created,
            stageEntered: stageEntered, nextAction: next?.date, expectedClose: forecast.expectedClose, firstChange: 0, changeCount: 0)
        guard ValuesWithinLimits.fits(row, changes: changes[...], valueInRange: valueInRange) else { throw CacheUnreadable() }
        rows.append(row, changes: changes, enteredPipelineAt: entered)
    }
}
