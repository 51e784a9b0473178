import Foundation

/// What the report counts, deal by deal (`ReportTally`): the deals themselves (`ReportDeals`) or
/// `ReportRows`, read straight from the store's cache as plain numbers. A stage, owner, currency
/// or lost reason is a `Key`: its text, or its index into the rows' texts.
protocol ReportSource: Sendable {
    associatedtype Key: Hashable & Sendable
    associatedtype History: RandomAccessCollection
    where History.Element: ReportChangeRecord, History.Element.StageKey == Key, History.Index == Int
    associatedtype Lookup: ReportLookup where Lookup.Key == Key

    var count: Int { get }
    /// Deal `i`'s keys and figures, read at once.
    func item(_ i: Int) -> CountedItem<Key>
    /// The deal's stage changes as its pipeline sees them (`Deal.historyInItsPipeline`).
    func history(_ i: Int) -> History
    /// The text a key stands for.
    func text(_ key: Key) -> String
    /// What `frame` knows of the keys taken as stage ids.
    func lookup(_ frame: ReportFrame) -> Lookup
}

/// A frame's view of a source's keys taken as stage ids: the slot (-1: none; the frame knows the
/// slot's kind, rank, limit and chance); and whether a key is the report's currency.
protocol ReportLookup: Sendable {
    associatedtype Key
    func slot(_ key: Key) -> Int
    func isReportCurrency(_ key: Key) -> Bool
}

/// One deal as a report counts it: its stage, owner, currency and lost reason as keys, and its figures.
struct CountedItem<Key> {
    var stage: Key
    var owner: Key?
    var currency: Key
    var lostReason: Key?
    var figures: CountedFigures
}

/// The figures of one deal a report counts beside its keys.
struct CountedFigures {
    var value: Decimal?
    /// The value in hundredths, when it has them (`Deal.hundredths`).
    var hundredths: UInt64?
    var probability: Int?
    var created: Date
    var stageEntered: Date
    var nextAction: Day?
    var expectedClose: Day?
}

/// The deals themselves as a report's source, keyed by their texts.
struct ReportDeals: ReportSource {
    let deals: [Deal]

    var count: Int { deals.count }
    func history(_ i: Int) -> StageSteps { deals[i].changesInItsPipeline }
    func text(_ key: String) -> String { key }
    func lookup(_ frame: ReportFrame) -> Lookup { Lookup(frame: frame) }

    func item(_ i: Int) -> CountedItem<String> {
        let deal = deals[i]
        return CountedItem(
            stage: deal.stage, owner: deal.owner, currency: deal.currency, lostReason: deal.lostReason,
            figures: CountedFigures(
                value: deal.value, hundredths: deal.hundredths, probability: deal.probability, created: deal.created,
                stageEntered: deal.stageEntered, nextAction: deal.nextAction?.date, expectedClose: deal.expectedClose))
    }

    /// Stage ids looked up in the frame itself (a few stages compared one by one).
    struct Lookup: ReportLookup {
        let frame: ReportFrame
        func slot(_ key: String) -> Int { frame.slot(key) ?? -1 }
        func isReportCurrency(_ key: String) -> Bool { key == frame.currency }
    }
}

extension ReportRows: ReportSource {
    var count: Int { rows.count }
    func history(_ i: Int) -> ArraySlice<Change> { changes(of: rows[i]) }
    func text(_ key: Int32) -> String { texts[Int(key)] }
    func lookup(_ frame: ReportFrame) -> ReportFrame.Slots { frame.slots(of: texts) }

    func item(_ i: Int) -> CountedItem<Int32> {
        let row = rows[i]
        return CountedItem(
            stage: row.stage, owner: row.owner < 0 ? nil : row.owner, currency: row.currency,
            lostReason: row.lostReason < 0 ? nil : row.lostReason,
            figures: CountedFigures(
                value: row.value, hundredths: row.hundredths, probability: row.probability, created: row.created,
                stageEntered: row.stageEntered, nextAction: row.nextAction, expectedClose: row.expectedClose))
    }
}
