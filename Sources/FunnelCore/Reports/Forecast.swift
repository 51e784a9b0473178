import Foundation

/// One row of the forecast: the open deals expected to close in a month (or, for `overdue`,
/// before the current month).
public struct ForecastRow: Hashable, Sendable {
    /// nil for the overdue row.
    public var month: Month?
    /// Open deals expected to close before the current month: their date has passed.
    public var overdue: Bool
    public var deals: Int
    /// Sum of values in the report's currency (others counted, not summed).
    public var value: Decimal
    /// Sum of weighted values (`WeightedValue`) in the report's currency; nil when no deal of the
    /// row has a probability (its own or its stage's).
    public var weightedValue: Decimal?
}

/// The forecast by month of expected close: open deals with an expected close date, one row per
/// month from the current one on, and one row before them for those whose month has passed.
/// Open means in an open stage or the inbox (a stage the pipeline lacks counts as open).
public enum Forecast {
    public static func rows(_ deals: [Deal], stages: [String: Stage], currency: String, today: Day) -> [ForecastRow] {
        rows(ReportDeals(deals: deals), Array(deals.indices), stages: stages, currency: currency, today: today)
    }

    /// The forecast of the deals of `source` at `indices`.
    static func rows<Source: ReportSource>(
        _ source: Source, _ indices: [Int], stages: [String: Stage], currency: String, today: Day
    ) -> [ForecastRow] {
        let thisMonth = Month(today)
        var overdue = ForecastRow(month: nil, overdue: true, deals: 0, value: 0, weightedValue: nil)
        var byMonth: [Month: ForecastRow] = [:]
        for i in indices {
            let item = source.item(i), deal = item.figures
            // A stage the pipeline lacks counts as open, as everywhere in the report.
            let stage = stages[source.text(item.stage)]
            guard let close = deal.expectedClose, stage == nil || stage?.kind == .open || stage?.kind == .inbox else { continue }
            let month = Month(close)
            var row =
                month < thisMonth
                ? overdue
                : byMonth[month] ?? ForecastRow(month: month, overdue: false, deals: 0, value: 0, weightedValue: nil)
            row.deals += 1
            let percent = deal.probability ?? stage?.probability
            if percent != nil, row.weightedValue == nil { row.weightedValue = 0 }
            if source.text(item.currency) == currency {
                row.value += deal.value ?? 0
                if let weighted = WeightedValue.of(value: deal.value, hundredths: deal.hundredths, percent: percent) {
                    row.weightedValue = (row.weightedValue ?? 0) + weighted
                }
            }
            if month < thisMonth { overdue = row } else { byMonth[month] = row }
        }
        let ahead = byMonth.values.sorted { ($0.month ?? thisMonth) < ($1.month ?? thisMonth) }
        return (overdue.deals > 0 ? [overdue] : []) + ahead
    }
}
