import Foundation

/// The per-deal rules behind the report's figures, shared by `ReportBuilder` (which counts) and
/// `ReportDrill` (which lists the deals counted), so a figure and its deals always agree.
enum ReportRules {
    /// Conversion: for each stage on the path (by rank), whether the deal first entered it in the
    /// period (`entered`) and whether it went further afterwards (`reached`), as bitmasks by rank.
    static func conversion(_ history: [StageChange], ranks: [Int], pathCount: Int, inPeriod: (Date) -> Bool)
        -> (entered: UInt64, reached: UInt64)
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

    /// The index of the deal's last close (into a won or lost stage) in the period, if any.
    static func lastClose(_ history: [StageChange], inPeriod: (Date) -> Bool, isClosed: (String) -> Bool) -> Int? {
        history.indices.last { inPeriod(history[$0].at) && isClosed(history[$0].to) }
    }

    /// The lost reason a closed-as-lost deal is counted under.
    static func lostReason(_ deal: Deal, closeIndex: Int) -> String {
        closeIndex < deal.history.count - 1 ? "reopened since" : (deal.lostReason ?? "no reason given")
    }
}
