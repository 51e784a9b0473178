import Foundation

/// The report's one pass over the deals and their histories: every count its figures are made
/// of (`ReportBuilder`). It reads them through a `ReportSource` (the deals themselves, or
/// `ReportRows` read straight from the cache) and counts stages, owners and reasons by the
/// source's keys, named once at the end (`ReportBuilder.Named`).
struct ReportTally<Source: ReportSource>: Sendable {
    typealias Key = Source.Key
    let frame: ReportFrame
    /// The frame's view of the source's keys taken as stage ids.
    let stages: Source.Lookup
    var stageCount: [Int]
    var stageTotal: [Decimal]
    var stageValued: [Int]
    var entered: [Int]
    var reached: [Int]
    var won = 0
    var lost = 0
    /// Deals closed as lost in the period, by the stage they were lost from.
    var lostFrom: [Key: Int] = [:]
    /// Lost deals by reason: their own (nil: none given), or reopened since (`reopened`).
    var reasons: [Key?: Int] = [:]
    var reopened = 0
    var daysToWon: [Double] = []
    /// Deals closed in the period, by their owner.
    var closedBy: [Key: (won: Int, lost: Int)] = [:]
    var stays: [Key: [Double]] = [:]
    var newDeals = 0
    /// New deals in each of the frame's earlier periods.
    var earlierNew: [Int]
    /// Open and inbox deals with an expected close, for the forecast, in the deals' order.
    var forecastDeals: [Int] = []
    /// Stages of deals the frame does not know (its pipeline lacks them, and it was made
    /// without them): the report counts again in a frame that has them.
    var unknownStages: Set<Key> = []
    /// Open deals by owner (nil: nobody's yet).
    var openByOwner: [Key?: [Int]] = [:]
    /// The weighted value of each counted stage's deals (won's too, unused), of the open and
    /// inbox deals, and of each owner's open deals.
    var stageWeighted: [WeightedValue.Sum]
    var openWeighted: WeightedValue.Sum
    var ownerWeighted: [Key?: WeightedValue.Sum] = [:]
    /// Open deals without a next action.
    var withoutNext = 0
    var leaks: LeakCounter
    /// One deal's stays at a time (`ReportRules.stays`), its room kept from deal to deal.
    private var scratch: [(stage: Key, late: Bool)] = []

    init(frame: ReportFrame, stages: Source.Lookup) {
        self.frame = frame
        self.stages = stages
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
        guard frame.bounds.first != .distantPast else { return nil }
        return earlierNew.isEmpty ? 0 : Double(earlierNew.reduce(0, +)) / Double(earlierNew.count)
    }

    /// `source` counted in parts of `part` deals on every core, the parts' tallies added in the
    /// deals' order: every count and sum, and every list (days to won, stays, open deals by
    /// owner) in the order one pass would have made it.
    static func counting(_ source: Source, frame: ReportFrame, part: Int = 8_192) -> ReportTally {
        let starts = Array(stride(from: 0, to: source.count, by: part))
        let parts = parallelMap(starts, chunk: 1) { start in
            // Each core's own frame and lookup: the cores do not take turns at one object's count.
            let frame = ReportFrame(copying: frame)
            var tally = ReportTally(frame: frame, stages: source.lookup(frame))
            for i in start..<min(source.count, start + part) { tally.add(i, of: source) }
            return tally
        }
        guard var total = parts.first else { return ReportTally(frame: frame, stages: source.lookup(frame)) }
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
        reopened += other.reopened
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

    /// Counts deal `i` of `source`, its history as its pipeline sees it.
    mutating func add(_ i: Int, of source: Source) {
        let item = source.item(i)
        let figures = item.figures
        countStage(item.stage, owner: item.owner, currency: item.currency, figures, i)
        // The period's bounds as plain values: a closure over the frame retained it for each deal.
        let (bounds, now) = (frame.bounds, frame.now)
        let inPeriod = bounds.contains
        let created = figures.created
        if inPeriod(created) { newDeals += 1 }
        for (k, bounds) in frame.earlier.enumerated() where created >= bounds.first && created < bounds.afterLast { earlierNew[k] += 1 }
        let history = source.history(i)
        countConversion(history, inPeriod: inPeriod)
        var at = history.startIndex
        while at + 1 < history.endIndex {
            // Velocity: a stay ends at the next entry.
            if inPeriod(history[at + 1].at) {
                stays[history[at].toStage, default: []].append(max(0, history[at + 1].at.timeIntervalSince(history[at].at)) / 86_400)
            }
            at += 1
        }
        let stages = self.stages, kinds = frame.slotKind, limits = frame.slotLimit
        func kind(_ key: Key) -> StageKind? { let s = stages.slot(key); return s < 0 ? nil : kinds[s] }
        let lastClose = ReportRules.lastClose(history, inPeriod: inPeriod) { kind($0)?.isClosed == true }
        let lostClose = lastClose.flatMap { k -> Key? in
            let close = history[history.startIndex + k]
            return kind(close.toStage) == .lost ? close.fromStage : nil
        }
        ReportRules.stays(
            history, now: now, overlaps: bounds.overlaps,
            limit: {
                let s = stages.slot($0); return s < 0 ? nil : limits[s]
            }, into: &scratch)
        leaks.add(stays: scratch.lazy.map { (stages.slot($0.stage), $0.late) }, lostFrom: lostClose.map { stages.slot($0) } ?? -1)
        if let lastClose {
            let close = history[history.startIndex + lastClose]
            let reopened = ReportRules.lostReason(closeIndex: lastClose, changes: history.count) == .reopened
            countClose(item.owner, figures, close, lost: item.lostReason, reopened: reopened)
        }
    }

    /// The deal's stage now: open deals, their values, and their owner's load.
    private mutating func countStage(_ stage: Key, owner: Key?, currency: Key, _ figures: CountedFigures, _ i: Int) {
        let slot = stages.slot(stage)
        if slot < 0 { unknownStages.insert(stage) }
        let stageKind = slot < 0 ? nil : frame.slotKind[slot]
        let chance = slot < 0 ? nil : frame.slotChance[slot]
        let inReportCurrency = stages.isReportCurrency(currency)
        if stageKind == .open || stageKind == .inbox, figures.expectedClose != nil { forecastDeals.append(i) }
        if slot >= 0, case let c = frame.slotCounted[slot], c >= 0, stageKind != .won {
            stageCount[c] += 1
            stageWeighted[c].add(figures, inReportCurrency: inReportCurrency, stageProbability: chance)
            if inReportCurrency, let value = figures.value {
                stageTotal[c] += value
                stageValued[c] += 1
            }
        }
        if stageKind == .open || stageKind == .inbox { openWeighted.add(figures, inReportCurrency: inReportCurrency, stageProbability: chance) }
        if stageKind == .open {
            openByOwner[owner, default: []].append(i)
            let empty = WeightedValue.Sum(currency: frame.currency)
            ownerWeighted[owner, default: empty]
                .add(figures, inReportCurrency: inReportCurrency, stageProbability: chance)
            if figures.nextAction == nil { withoutNext += 1 }
        }
    }

    /// Conversion: each path stage's first entry in the period, and whether the deal went further.
    /// Each entry's rank on the path (-1 off it), computed once; path stages fit a bitmask.
    private mutating func countConversion(_ history: Source.History, inPeriod: (Date) -> Bool) {
        // Only entries in the period count: a deal without any needs no ranks.
        guard history.contains(where: { inPeriod($0.at) }) else { return }
        let ranks = history.map {
            let s = stages.slot($0.toStage); return s < 0 ? -1 : frame.slotRank[s]
        }
        let count = frame.path.count
        let (enteredMask, reachedMask) = ReportRules.conversion(history, ranks: ranks, pathCount: count, inPeriod: inPeriod)
        for k in 0..<min(count, 64) where enteredMask & (1 << UInt64(k)) != 0 {
            entered[k] += 1
            if reachedMask & (1 << UInt64(k)) != 0 { reached[k] += 1 }
        }
    }

    /// The deal's last close in the period: won or lost, by whom, from where and why (its own
    /// reason, or reopened since when it moved on after).
    private mutating func countClose(
        _ owner: Key?, _ figures: CountedFigures, _ close: Source.History.Element, lost reason: Key?, reopened: Bool
    ) {
        let slot = stages.slot(close.toStage)
        if slot >= 0 && frame.slotKind[slot] == .won {
            won += 1
            if let owner { closedBy[owner, default: (0, 0)].won += 1 }
            daysToWon.append(close.at.timeIntervalSince(figures.created) / 86_400)
        } else {
            lost += 1
            if let owner { closedBy[owner, default: (0, 0)].lost += 1 }
            if let from = close.fromStage { lostFrom[from, default: 0] += 1 }
            if reopened { self.reopened += 1 } else { reasons[reason, default: 0] += 1 }
        }
    }
}

extension ReportTally where Source == ReportDeals {
    /// `deals` counted.
    static func counting(_ deals: [Deal], frame: ReportFrame) -> ReportTally { counting(ReportDeals(deals: deals), frame: frame) }
}
