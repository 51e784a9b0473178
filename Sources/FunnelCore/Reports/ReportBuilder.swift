import Foundation

/// Computes a `FunnelReport` from deals, their stage histories and activities. Pure.
public enum ReportBuilder {
    /// A seller is overloaded with more open deals than this times the team's average.
    public static let overloadFactor = 1.5
    /// The top runs dry when new deals fall below this share of the trailing average.
    public static let dryThreshold = 0.5
    /// How many earlier periods the trailing average of new deals covers.
    public static let trailingPeriods = 4

    public static func build(deals: [Deal], pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date,
                             utcOffset: Int) -> FunnelReport {
        let currency = pipeline.defaultCurrency
        let today = Day(now, utcOffset: utcOffset)
        let byKind = Dictionary(grouping: pipeline.stages, by: \.kind)
        let openStages = byKind[.open] ?? []
        let path = openStages + (byKind[.won] ?? [])
        let rank = Dictionary(uniqueKeysWithValues: path.enumerated().map { ($1.id, $0) })
        func kind(_ id: String?) -> StageKind? { id.flatMap { pipeline.stage(id: $0)?.kind } }
        func inPeriod(_ date: Date) -> Bool { period.contains(date, utcOffset: utcOffset) }

        // Per stage, right now.
        let stages = pipeline.stages.filter { $0.kind == .open || $0.kind == .inbox }.map { stage -> StageFigures in
            let here = deals.filter { $0.stage == stage.id }
            let values = here.filter { $0.currency == currency }.compactMap(\.value)
            let total = values.reduce(0, +)
            return StageFigures(
                stage: stage, openDeals: here.count, totalValue: total,
                averageValue: values.isEmpty ? nil : total / Decimal(values.count),
                weightedValue: stage.probability.map { total * Decimal($0) / 100 })
        }

        // Conversion: cohorts entering each path stage in the period.
        var conversions: [Conversion] = []
        for (k, stage) in path.enumerated() where k + 1 < path.count {
            var entered = 0, reached = 0
            for deal in deals {
                guard let entry = deal.history.firstIndex(where: { $0.to == stage.id && inPeriod($0.at) }) else { continue }
                entered += 1
                if deal.history[(entry + 1)...].contains(where: { (rank[$0.to] ?? -1) > k }) { reached += 1 }
            }
            conversions.append(Conversion(from: stage, to: path[k + 1], entered: entered, reached: reached))
        }

        // Closings: each deal's last close in the period.
        var won = 0, lost = 0
        var lostFrom: [String: Int] = [:]
        var reasons: [String: Int] = [:]
        var daysToWon: [Double] = []
        var closedBy: [String: (won: Int, lost: Int)] = [:]
        for deal in deals {
            guard let close = deal.history.last(where: { kind($0.to)?.isClosed == true && inPeriod($0.at) }) else { continue }
            let owner = deal.owner ?? ""
            if kind(close.to) == .won {
                won += 1
                closedBy[owner, default: (0, 0)].won += 1
                daysToWon.append(close.at.timeIntervalSince(deal.created) / 86_400)
            } else {
                lost += 1
                closedBy[owner, default: (0, 0)].lost += 1
                lostFrom[close.from ?? "", default: 0] += 1
                let reason = kind(deal.stage) == .lost ? (deal.lostReason ?? "no reason given") : "reopened since"
                reasons[reason, default: 0] += 1
            }
        }
        let losses = pipeline.stages.filter { $0.kind == .open || $0.kind == .inbox }.compactMap { stage -> StageLoss? in
            let n = lostFrom[stage.id] ?? 0
            return n == 0 ? nil : StageLoss(stage: stage, lost: n, share: Double(n) / Double(max(1, lost)))
        }
        let limping = losses.max { a, b in a.lost != b.lost ? a.lost < b.lost : (rank[a.stage.id] ?? 0) > (rank[b.stage.id] ?? 0) }

        // Velocity: completed stays that ended in the period.
        var stays: [String: [Double]] = [:]
        for deal in deals {
            for (i, change) in deal.history.enumerated().dropLast() {
                let next = deal.history[i + 1]
                guard inPeriod(next.at) else { continue }
                stays[change.to, default: []].append(max(0, next.at.timeIntervalSince(change.at)) / 86_400)
            }
        }
        let velocity = pipeline.stages.filter { $0.kind == .open || $0.kind == .inbox }.map { stage in
            let days = (stays[stage.id] ?? []).sorted()
            return StageVelocity(stage: stage, stays: days.count, medianDays: Statistics.median(days),
                                 p90Days: Statistics.percentile(days, 90))
        }

        // Team (R18).
        let openDeals = deals.filter { kind($0.stage) == .open }
        let owners = team.users.filter { user in user.role == .rep || openDeals.contains { $0.owner == user.account } }
        let average = owners.isEmpty ? 0 : Double(openDeals.filter { d in owners.contains { $0.account == d.owner } }.count) / Double(owners.count)
        let sellers = owners.map { user -> SellerFigures in
            let mine = openDeals.filter { $0.owner == user.account }
            var perStage: [String: Int] = [:]
            for stage in openStages { perStage[stage.id] = mine.filter { $0.stage == stage.id }.count }
            let closed = closedBy[user.account] ?? (0, 0)
            let flags = mine.map { DealFlags.of($0, pipeline: pipeline, now: now, utcOffset: utcOffset) }
            return SellerFigures(
                user: user, openByStage: perStage, open: mine.count, won: closed.won, lost: closed.lost,
                winRate: closed.won + closed.lost == 0 ? nil : Double(closed.won) / Double(closed.won + closed.lost),
                overdueNextActions: mine.filter { ($0.nextAction?.date).map { $0 < today } ?? false }.count,
                stuck: flags.filter { $0.contains(.stuck) }.count,
                stagesInPlay: perStage.values.filter { $0 > 0 }.count,
                overloaded: average > 0 && Double(mine.count) > average * overloadFactor)
        }

        // Health.
        var warnings: [HealthWarning] = pipeline.warnings.compactMap {
            if case .tooManyStages(let count, let limit) = $0 { return .tooManyStages(count: count, limit: limit) }
            return nil
        }
        let newDeals = deals.filter { inPeriod($0.created) }.count
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
        let withoutNext = openDeals.filter { $0.nextAction == nil }.count
        if withoutNext > 0 { warnings.append(.openWithoutNextAction(count: withoutNext)) }

        return FunnelReport(
            period: period, currency: currency, stages: stages, conversions: conversions,
            winRate: won + lost == 0 ? nil : Double(won) / Double(won + lost), won: won, lost: lost,
            losses: losses, limpingStage: limping?.stage,
            lostReasons: reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ReasonCount(reason: $0.key, count: $0.value) },
            velocity: velocity, medianDaysToWon: Statistics.median(daysToWon.sorted()), newDeals: newDeals,
            team: sellers, warnings: warnings)
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
