import Foundation

/// How a stage leaks deals in the period (R13, R17): of the deals that were in it at some time
/// in the period, those lost from it and those kept in it past its limit (docs/reports.md).
public struct StageLeak: Hashable, Sendable {
    public var stage: Stage
    /// Deals in the stage at some time in the period (a stay overlapping it): the base of both shares.
    public var deals: Int
    /// Of those, closed as lost from this stage in the period.
    public var lost: Int
    /// Of those, a stay in the stage in the period longer than its limit (to its end, or to now).
    public var stuck: Int
    /// Lost or stuck, each deal once: the combined leak the limping stage is chosen by.
    public var leaked: Int

    public var lostShare: Double? { deals == 0 ? nil : Double(lost) / Double(deals) }
    public var stuckShare: Double? { deals == 0 ? nil : Double(stuck) / Double(deals) }
    public var leakShare: Double? { deals == 0 ? nil : Double(leaked) / Double(deals) }
}

extension ReportRules {
    /// The stages the deal stayed in during the period, each with whether one of those stays ran
    /// past the stage's limit. A stay runs from an entry to the next entry, or to `now` for the
    /// current stage; it is in the period when it began before the period's end and ended on
    /// or after its start.
    static func stays<H: RandomAccessCollection>(
        _ history: H, now: Date, overlaps: (Date, Date) -> Bool,
        limit: (H.Element.StageKey) -> Int?
    ) -> [(stage: H.Element.StageKey, late: Bool)] where H.Element: ReportChangeRecord {
        var out: [(stage: H.Element.StageKey, late: Bool)] = []
        stays(history, now: now, overlaps: overlaps, limit: limit, into: &out)
        return out
    }

    /// `stays` into `out` (emptied first): a counter of many deals keeps one array for all.
    static func stays<H: RandomAccessCollection>(
        _ history: H, now: Date, overlaps: (Date, Date) -> Bool,
        limit: (H.Element.StageKey) -> Int?, into out: inout [(stage: H.Element.StageKey, late: Bool)]
    ) where H.Element: ReportChangeRecord {
        out.removeAll(keepingCapacity: true)
        var i = history.startIndex
        while i != history.endIndex {
            let change = history[i]
            let next = history.index(after: i)
            let end = next != history.endIndex ? history[next].at : now
            i = next
            guard overlaps(change.at, end) else { continue }
            let late = limit(change.toStage).map { end.timeIntervalSince(change.at) > Double($0) * 86_400 } ?? false
            if let j = out.firstIndex(where: { $0.stage == change.toStage }) {
                out[j].late = out[j].late || late
            } else {
                out.append((change.toStage, late))
            }
        }
    }
}

/// Counts the leaks of each stage, one deal at a time (`ReportBuilder`), by the stage's slot in
/// the report's frame (`ReportFrame.slot`): a stage the frame lacks is in no row.
struct LeakCounter {
    private(set) var deals: [Int]
    private(set) var lost: [Int]
    private(set) var stuck: [Int]
    private(set) var leaked: [Int]

    init(slots: Int) {
        let zeros = Array(repeating: 0, count: slots)
        (deals, lost, stuck, leaked) = (zeros, zeros, zeros, zeros)
    }

    /// Adds one deal: its stays in the period (by slot, -1: a stage the frame lacks) and the
    /// slot it was lost from in the period (-1: none).
    mutating func add<Stays: Sequence>(stays: Stays, lostFrom: Int) where Stays.Element == (Int, Bool) {
        for (s, late) in stays where s >= 0 {
            deals[s] += 1
            let wasLost = lostFrom == s
            if wasLost { lost[s] += 1 }
            if late { stuck[s] += 1 }
            if wasLost || late { leaked[s] += 1 }
        }
    }

    /// Adds the counts of other deals.
    mutating func add(_ other: LeakCounter) {
        for s in deals.indices {
            (deals[s], lost[s]) = (deals[s] + other.deals[s], lost[s] + other.lost[s])
            (stuck[s], leaked[s]) = (stuck[s] + other.stuck[s], leaked[s] + other.leaked[s])
        }
    }

    /// One row per counted stage with deals in the period, in the frame's order; a won stage only
    /// when deals were lost from it (a customer who left).
    func rows(_ frame: ReportFrame) -> [StageLeak] {
        frame.counted.compactMap { stage in
            guard let s = frame.slot(stage.id), deals[s] > 0, stage.kind != .won || lost[s] > 0 else { return nil }
            return StageLeak(stage: stage, deals: deals[s], lost: lost[s], stuck: stuck[s], leaked: leaked[s])
        }
    }

    /// The limping stage: the most deals leaked (ties: the earlier stage); nil when none leaked.
    static func limping(_ rows: [StageLeak]) -> Stage? {
        var best: StageLeak?
        for row in rows where row.leaked > 0 && row.leaked > (best?.leaked ?? 0) { best = row }
        return best?.stage
    }
}
