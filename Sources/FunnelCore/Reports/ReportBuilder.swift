import Foundation

/// Computes a `FunnelReport` from deals, their stage histories and activities. Pure.
public enum ReportBuilder {
    /// A seller is overloaded with more open deals than this times the team's average.
    public static let overloadFactor = 1.5
    /// The top runs dry when new deals fall below this share of the trailing average.
    public static let dryThreshold = 0.5
    /// How many earlier periods the trailing average of new deals covers.
    public static let trailingPeriods = 4

    public static func build(
        deals: [Deal], pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date,
        utcOffset: Int
    ) -> FunnelReport {
        let currency = pipeline.defaultCurrency
        let today = Day(now, utcOffset: utcOffset)
        // Deals in a stage the pipeline lacks are counted as open there, never hidden.
        let missing = pipeline.missingStages(of: deals)
        let stagesByID = Dictionary(uniqueKeysWithValues: (pipeline.stages + missing).map { ($0.id, $0) })
        let openStages = pipeline.stages.filter { $0.kind == .open }
        let path = openStages + pipeline.stages.filter { $0.kind == .won }
        let rank = Dictionary(uniqueKeysWithValues: path.enumerated().map { ($1.id, $0) })
        // Stages a deal can be counted in: everything but lost (the inbox, open, won).
        let counted = pipeline.stages.filter { $0.kind != .lost } + missing
        let countedIndex = Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1.id, $0) })
        let firstDay = period.first.map { $0.start(utcOffset: utcOffset) } ?? .distantPast
        let afterLast = period.last.adding(days: 1).start(utcOffset: utcOffset)
        func inPeriod(_ date: Date) -> Bool { date >= firstDay && date < afterLast }
        func kind(_ id: String?) -> StageKind? { id.flatMap { stagesByID[$0]?.kind } }

        var stageCount = Array(repeating: 0, count: counted.count)
        var stageTotal = Array(repeating: Decimal(0), count: counted.count)
        var stageValued = Array(repeating: 0, count: counted.count)
        var entered = Array(repeating: 0, count: path.count)
        var reached = Array(repeating: 0, count: path.count)
        var won = 0, lost = 0
        var lostFrom: [String: Int] = [:]
        var reasons: [String: Int] = [:]
        var daysToWon: [Double] = []
        var closedBy: [String: (won: Int, lost: Int)] = [:]
        var stays: [String: [Double]] = [:]
        var newDeals = 0
        var openByOwner: [String: [Deal]] = [:]
        var leaks = LeakCounter()
        func overlaps(_ start: Date, _ end: Date) -> Bool { start < afterLast && end >= firstDay }
        func limit(_ id: String) -> Int? { stagesByID[id]?.stuckAfterDays }

        // One pass over the deals and their histories.
        for deal in deals {
            let stageKind = kind(deal.stage)
            if let c = countedIndex[deal.stage], stageKind != .won {
                stageCount[c] += 1
                if deal.currency == currency, let value = deal.value {
                    stageTotal[c] += value
                    stageValued[c] += 1
                }
            }
            if stageKind == .open { openByOwner[deal.owner ?? "", default: []].append(deal) }
            if inPeriod(deal.created) { newDeals += 1 }
            let history = deal.history
            // Conversion: each path stage's first entry in the period, and whether the deal went further.
            // Each entry's rank on the path (-1 off it), computed once; path stages fit a bitmask.
            let ranks = history.map { rank[$0.to] ?? -1 }
            let (enteredMask, reachedMask) = ReportRules.conversion(history, ranks: ranks, pathCount: path.count, inPeriod: inPeriod)
            for k in 0..<min(path.count, 64) where enteredMask & (1 << UInt64(k)) != 0 {
                entered[k] += 1
                if reachedMask & (1 << UInt64(k)) != 0 { reached[k] += 1 }
            }
            for (i, change) in history.enumerated() where i + 1 < history.count && inPeriod(history[i + 1].at) {
                // Velocity: a stay ends at the next entry.
                stays[change.to, default: []].append(max(0, history[i + 1].at.timeIntervalSince(change.at)) / 86_400)
            }
            let lastClose = ReportRules.lastClose(history, inPeriod: inPeriod) { kind($0)?.isClosed == true }
            let lostClose = lastClose.flatMap { kind(history[$0].to) == .lost ? history[$0].from ?? "" : nil }
            leaks.add(stays: ReportRules.stays(history, now: now, overlaps: overlaps, limit: limit), lostFrom: lostClose)
            guard let closeIndex = lastClose else { continue }
            let close = history[closeIndex]
            let owner = deal.owner ?? ""
            if kind(close.to) == .won {
                won += 1
                closedBy[owner, default: (0, 0)].won += 1
                daysToWon.append(close.at.timeIntervalSince(deal.created) / 86_400)
            } else {
                lost += 1
                closedBy[owner, default: (0, 0)].lost += 1
                lostFrom[close.from ?? "", default: 0] += 1
                reasons[ReportRules.lostReason(deal, closeIndex: closeIndex), default: 0] += 1
            }
        }

        let stageWeighted = Dictionary(grouping: deals.filter { countedIndex[$0.stage] != nil && kind($0.stage) != .won }, by: \.stage)
            .mapValues { WeightedValue.sum($0, currency: currency, stage: { stagesByID[$0.stage] }) }
            .merging(counted.filter { $0.probability != nil }.map { ($0.id, Decimal?.some(0)) }) { found, _ in found }
        let stages = counted.enumerated().filter { $0.element.kind != .won }.map { c, stage in
            StageFigures(
                stage: stage, openDeals: stageCount[c], totalValue: stageTotal[c],
                averageValue: stageValued[c] == 0 ? nil : stageTotal[c] / Decimal(stageValued[c]),
                weightedValue: stageWeighted[stage.id] ?? nil)
        }
        let conversions = path.indices.dropLast().map {
            Conversion(from: path[$0], to: path[$0 + 1], entered: entered[$0], reached: reached[$0])
        }
        let losses = counted.compactMap { stage -> StageLoss? in
            let n = lostFrom[stage.id] ?? 0
            return n == 0 ? nil : StageLoss(stage: stage, lost: n, share: Double(n) / Double(max(1, lost)))
        }
        let leakRows = leaks.rows(counted)
        let velocity = pipeline.stages.filter { $0.kind == .open || $0.kind == .inbox }.map { stage in
            let days = (stays[stage.id] ?? []).sorted()
            return StageVelocity(
                stage: stage, stays: days.count, medianDays: Statistics.median(days),
                p90Days: Statistics.percentile(days, 90))
        }

        // Team (R18).
        let owners = team.users.filter { $0.role == .rep || openByOwner[$0.account] != nil }
        let totalOpen = owners.reduce(0) { $0 + (openByOwner[$1.account]?.count ?? 0) }
        let average = owners.isEmpty ? 0 : Double(totalOpen) / Double(owners.count)
        let sellers = owners.map { user -> SellerFigures in
            let mine = openByOwner[user.account] ?? []
            var perStage: [String: Int] = Dictionary(uniqueKeysWithValues: openStages.map { ($0.id, 0) })
            var overdue = 0, stuck = 0
            for deal in mine {
                perStage[deal.stage, default: 0] += 1
                if let next = deal.nextAction, next.date < today { overdue += 1 }
                if let stage = stagesByID[deal.stage], DealFlags.isStuck(deal, in: stage, now: now) { stuck += 1 }
            }
            let closed = closedBy[user.account] ?? (0, 0)
            return SellerFigures(
                user: user, openByStage: perStage, open: mine.count, won: closed.won, lost: closed.lost,
                winRate: closed.won + closed.lost == 0 ? nil : Double(closed.won) / Double(closed.won + closed.lost),
                overdueNextActions: overdue, stuck: stuck, stagesInPlay: perStage.values.filter { $0 > 0 }.count,
                overloaded: average > 0 && Double(mine.count) > average * overloadFactor,
                weightedValue: WeightedValue.sum(mine, currency: currency, stage: { stagesByID[$0.stage] }))
        }

        // Health.
        var warnings: [HealthWarning] = pipeline.warnings.compactMap {
            if case .tooManyStages(let count, let limit) = $0 { return .tooManyStages(count: count, limit: limit) }
            return nil
        }
        if period.first != nil {
            var earlier: [Int] = []
            var p = period
            for _ in 0..<trailingPeriods {
                guard let before = p.previous else { break }
                earlier.append(deals.filter { before.contains($0.created, utcOffset: utcOffset) }.count)
                p = before
            }
            let trailing = earlier.isEmpty ? 0 : Double(earlier.reduce(0, +)) / Double(earlier.count)
            if trailing >= 1, Double(newDeals) < trailing * dryThreshold {
                warnings.append(.topRunningDry(new: newDeals, trailingAverage: trailing))
            }
        }
        let withoutNext = openByOwner.values.reduce(0) { $0 + $1.filter { $0.nextAction == nil }.count }
        if withoutNext > 0 { warnings.append(.openWithoutNextAction(count: withoutNext)) }

        // The forecast's open deals: the open stages' and the inbox's (it is open too).
        let open = deals.filter { kind($0.stage) == .open || kind($0.stage) == .inbox }
        return FunnelReport(
            period: period, currency: currency, stages: stages, conversions: conversions,
            winRate: won + lost == 0 ? nil : Double(won) / Double(won + lost), won: won, lost: lost,
            losses: losses, limpingStage: LeakCounter.limping(leakRows),
            lostReasons: reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { ReasonCount(reason: $0.key, count: $0.value) },
            velocity: velocity, medianDaysToWon: Statistics.median(daysToWon.sorted()), newDeals: newDeals,
            team: sellers, warnings: warnings, leaks: leakRows,
            weightedValue: WeightedValue.sum(open, currency: currency, stage: { stagesByID[$0.stage] }),
            forecast: Forecast.rows(open, stages: stagesByID, currency: currency, today: today))
    }
}

/// Median and percentiles of sorted samples.
public enum Statistics {
    /// The middle value (the mean of the two middle ones for an even count); nil when empty.
    public static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The nearest-rank percentile: the smallest value with at least p% of samples at or below it.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
