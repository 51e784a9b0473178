import Foundation

/// A stage change as the report's rules read it: when, and from and to which stage (by id, or
/// by index into `ReportRows.texts`).
protocol ReportChangeRecord {
    associatedtype StageKey: Hashable
    var at: Date { get }
    var toStage: StageKey { get }
    var fromStage: StageKey? { get }
}

extension StageChange: ReportChangeRecord {
    var toStage: String { to }
    var fromStage: String? { from }
}

extension StageSteps.Step: ReportChangeRecord {
    var toStage: String { to }
    var fromStage: String? { from }
}

/// The per-deal rules behind the report's figures, shared by `ReportBuilder` (which counts a
/// `ReportSource`: the deals, or `ReportRows`) and `ReportDrill` (which lists the deals counted),
/// so a figure and its deals always agree.
enum ReportRules {
    /// Conversion: for each stage on the path (by rank), whether the deal first entered it in the
    /// period (`entered`) and whether it went further afterwards (`reached`), as bitmasks by rank.
    static func conversion<H: RandomAccessCollection>(_ history: H, ranks: [Int], pathCount: Int, inPeriod: (Date) -> Bool)
        -> (entered: UInt64, reached: UInt64) where H.Element: ReportChangeRecord
    {
        var entered: UInt64 = 0, reached: UInt64 = 0
        for (i, change) in history.enumerated() where inPeriod(change.at) {
            let k = ranks[i]
            guard k >= 0, k + 1 < pathCount, k < 64, entered & (1 << UInt64(k)) == 0 else { continue }
            entered |= 1 << UInt64(k)
            if ranks[(i + 1)...].contains(where: { $0 > k }) { reached |= 1 << UInt64(k) }
        }
        return (entered, reached)
    }

    /// The position of the deal's last close (into a won or lost stage) in the period, if any.
    static func lastClose<H: RandomAccessCollection>(_ history: H, inPeriod: (Date) -> Bool, isClosed: (H.Element.StageKey) -> Bool)
        -> Int? where H.Element: ReportChangeRecord
    {
        var found: Int?
        for (i, change) in history.enumerated() where inPeriod(change.at) && isClosed(change.toStage) { found = i }
        return found
    }

    /// What a deal closed as lost at change `closeIndex` of its `changes` is counted under: its
    /// own reason, unless it moved on after (reopened since).
    static func lostReason(closeIndex: Int, changes: Int) -> LostReason {
        closeIndex < changes - 1 ? .reopened : .own
    }

    /// What a lost deal is counted under: its own reason, or "reopened since" when it moved on.
    enum LostReason {
        case own, reopened

        static let reopenedText = "reopened since"
        static let noneText = "no reason given"
    }

    /// The lost reason a closed-as-lost deal is counted under.
    static func lostReason(_ deal: Deal, closeIndex: Int) -> String {
        switch lostReason(closeIndex: closeIndex, changes: deal.history.count) {
        case .reopened: return LostReason.reopenedText
        case .own: return deal.lostReason ?? LostReason.noneText
        }
    }
}
