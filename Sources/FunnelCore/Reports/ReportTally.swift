import Foundation

/// The report's one pass over the deals and their histories: every count its figures are made
/// of (`ReportBuilder`).
struct ReportTally {
    let frame: ReportFrame
    var stageCount: [Int]
    var stageTotal: [Decimal]
    var stageValued: [Int]
    var entered: [Int]
    var reached: [Int]
    var won = 0
    var lost = 0
    /// Deals closed as lost in the period, by the stage they were lost from.
    var lostFrom: [String: Int] = [:]
    var reasons: [String: Int] = [:]
    var daysToWon: [Double] = []
    /// Deals closed in the period, by their owner's account.
    var closedBy: [String: (won: Int, lost: Int)] = [:]
    var stays: [String: [Double]] = [:]
    var newDeals = 0
    /// New deals in each of the frame's earlier periods.
    var earlierNew: [Int]
    /// Open and inbox deals with an expected close, for the forecast, in the deals' order.
    var forecastDeals: [Deal] = []
    /// Stage ids of deals the frame does not know (its pipeline lacks them, and it was made
    /// without them): the report counts again in a frame that has them.
    var unknownStages: Set<String> = []
    /// Open deals by owner (nil: nobody's yet).
    var openByOwner: [String?: [Deal]] = [:]
    /// The weighted value of each counted stage's deals (won's too, unused), of the open and
    /// inbox deals, and of each owner's open deals.
    var stageWeighted: [WeightedValue.Sum]
    var openWeighted: WeightedValue.Sum
    var ownerWeighted: [String?: WeightedValue.Sum] = [:]
    /// Open deals without a next action.
    var withoutNext = 0
    var leaks: LeakCounter

    init(frame: ReportFrame) {
        self.frame = frame
        stageCount = Array(repeating: 0, count: frame.counted.count)
        stageTotal = Array(repeating: 0, count: frame.counted.count)
        stageValued = Array(repeating: 0, count: frame.counted.count)
        entered = Array(repeating: 0, count: frame.path.count)
        reached = Array(repeating: 0, count: frame.path.count)
        stageWeighted = Array(repeating: WeightedValue.Sum(currency: frame.currency), count: frame.counted.count)
        openWeighted = WeightedValue.Sum(currency: frame.currency)
        earlierNew = Array(repeating: 0, count: frame.earlier.count)
        leaks = LeakCounter(slots: frame.slots.count)
    }

    /// The average of new deals over the frame's earlier periods (0 when it has none); nil for
    /// an open-ended period.
    var trailingNewDeals: Double? {
        guard frame.firstDay != .distantPast else { return nil }
        return earlierNew.isEmpty ? 0 : Double(earlierNew.reduce(0, +)) / Double(earlierNew.count)
    }

    /// `deals` counted in parts of `part` deals on every core, the parts' tallies added in the
    /// deals' order: every count and sum, and every list (days to won, stays, open deals by
    /// owner) in the order one pass would have made it.
    static func counting(_ deals: [Deal], frame: ReportFrame, part: Int = 8_192) -> ReportTally {
        let starts = Array(stride(from: 0, to: deals.count, by: part))
        let parts = parallelMap(starts, chunk: 1) { start in
            var tally = ReportTally(frame: ReportFrame(copying: frame))
            for deal in deals[start..<min(deals.count, start + part)] { tally.add(deal) }
            return tally
        }
        guard var total = parts.first else { return ReportTally(frame: frame) }
        for later in parts.dropFirst() { total.add(later) }
        return total
    }

    /// Adds the tally of deals that come after this one's.
    mutating func add(_ other: ReportTally) {
        func sum<T: AdditiveArithmetic>(_ a: inout [T], _ b: [T]) { for i in a.indices { a[i] += b[i] } }
        sum(&stageCount, other.stageCount)
        sum(&stageTotal, other.stageTotal)
        sum(&stageValued, other.stageValued)
        sum(&entered, other.entered)
        sum(&reached, other.reached)
        sum(&earlierNew, other.earlierNew)
        forecastDeals += other.forecastDeals
        unknownStages.formUnion(other.unknownStages)
        (won, lost, newDeals, withoutNext) = (won + other.won, lost + other.lost, newDeals + other.newDeals, withoutNext + other.withoutNext)
        lostFrom.merge(other.lostFrom, uniquingKeysWith: +)
        reasons.merge(other.reasons, uniquingKeysWith: +)
        daysToWon += other.daysToWon
        closedBy.merge(other.closedBy) { ($0.won + $1.won, $0.lost + $1.lost) }
        stays.merge(other.stays, uniquingKeysWith: +)
        openByOwner.merge(other.openByOwner, uniquingKeysWith: +)
        for c in stageWeighted.indices { stageWeighted[c].add(other.stageWeighted[c]) }
        openWeighted.add(other.openWeighted)
        ownerWeighted.merge(other.ownerWeighted) { mine, theirs in
            var both = mine
            both.add(theirs)
            return both
        }
        leaks.add(other.leaks)
    }

    /// Counts one deal, its history as its pipeline sees it (a deal moved in from another
    /// pipeline starts there: `historyInItsPipeline`).
    mutating func add(_ deal: Deal) {
        let deal = deal.historyInItsPipeline
        countStage(deal)
        let created = deal.created
        if frame.inPeriod(created) { newDeals += 1 }
        for (i, bounds) in frame.earlier.enumerated() where created >= bounds.first && created < bounds.afterLast { earlierNew[i] += 1 }
        countConversion(deal.history)
        let history = deal.history
        for (i, change) in history.enumerated() where i + 1 < history.count && frame.inPeriod(history[i + 1].at) {
            // Velocity: a stay ends at the next entry.
            stays[change.to, default: []].append(max(0, history[i + 1].at.timeIntervalSince(change.at)) / 86_400)
        }
        let lastClose = ReportRules.lastClose(history, inPeriod: frame.inPeriod) { frame.kind($0)?.isClosed == true }
        let lostClose = lastClose.flatMap { frame.kind(history[$0].to) == .lost ? history[$0].from : nil }
        leaks.add(
            stays: ReportRules.stays(history, now: frame.now, overlaps: frame.overlaps, limit: frame.limit), lostFrom: lostClose, in: frame)
        if let lastClose { countClose(deal, at: lastClose) }
    }

    /// The deal's stage now: open deals, their values, and their owner's load.
    private mutating func countStage(_ deal: Deal) {
        let slot = frame.slot(deal.stage)
        if slot == nil { unknownStages.insert(deal.stage) }
        // The stage's kind and chance read in place: a copy of the stage retained its texts,
        // which every core's tally shares.
        let stageKind = slot.map { frame.slots[$0].kind }
        let chance = slot.flatMap { frame.slots[$0].probability }
        if stageKind == .open || stageKind == .inbox, deal.expectedClose != nil { forecastDeals.append(deal) }
        if let c = slot.map({ frame.slotCounted[$0] }), c >= 0, stageKind != .won {
            stageCount[c] += 1
            stageWeighted[c].add(deal, stageProbability: chance)
            if deal.currency == frame.currency, let value = deal.value {
                stageTotal[c] += value
                stageValued[c] += 1
            }
        }
        if stageKind == .open || stageKind == .inbox { openWeighted.add(deal, stageProbability: chance) }
        if stageKind == .open {
            openByOwner[deal.owner, default: []].append(deal)
            ownerWeighted[deal.owner, default: WeightedValue.Sum(currency: frame.currency)].add(deal, stageProbability: chance)
            if deal.nextAction == nil { withoutNext += 1 }
        }
    }

    /// Conversion: each path stage's first entry in the period, and whether the deal went further.
    /// Each entry's rank on the path (-1 off it), computed once; path stages fit a bitmask.
    private mutating func countConversion(_ history: [StageChange]) {
        // Only entries in the period count: a deal without any needs no ranks.
        guard history.contains(where: { frame.inPeriod($0.at) }) else { return }
        let ranks = history.map { frame.rank($0.to) }
        let count = frame.path.count
        let (enteredMask, reachedMask) = ReportRules.conversion(history, ranks: ranks, pathCount: count, inPeriod: frame.inPeriod)
        for k in 0..<min(count, 64) where enteredMask & (1 << UInt64(k)) != 0 {
            entered[k] += 1
            if reachedMask & (1 << UInt64(k)) != 0 { reached[k] += 1 }
        }
    }

    /// The deal's last close in the period: won or lost, by whom, from where and why.
    private mutating func countClose(_ deal: Deal, at closeIndex: Int) {
        let close = deal.history[closeIndex]
        if frame.kind(close.to) == .won {
            won += 1
            if let owner = deal.owner { closedBy[owner, default: (0, 0)].won += 1 }
            daysToWon.append(close.at.timeIntervalSince(deal.created) / 86_400)
        } else {
            lost += 1
            if let owner = deal.owner { closedBy[owner, default: (0, 0)].lost += 1 }
            if let from = close.from { lostFrom[from, default: 0] += 1 }
            reasons[ReportRules.lostReason(deal, closeIndex: closeIndex), default: 0] += 1
        }
    }
}
