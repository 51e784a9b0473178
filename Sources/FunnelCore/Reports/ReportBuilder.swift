import Foundation

/// Computes a `FunnelReport` from deals, their stage histories and activities. Pure.
public enum ReportBuilder {
    /// A seller is overloaded with more open deals than this times the team's average.
    public static let overloadFactor = 1.5
    /// The top runs dry when new deals fall below this share of the trailing average.
    public static let dryThreshold = 0.5
    /// How many earlier periods the trailing average of new deals covers.
    public static let trailingPeriods = 4

    /// The report of `deals` over `period`, counted in one pass (`ReportTally`); each deal's
    /// history as its pipeline sees it (`Deal.historyInItsPipeline`).
    public static func build(
        deals: [Deal], pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date,
        utcOffset: Int
    ) -> FunnelReport {
        build(ReportDeals(deals: deals), pipeline: pipeline, team: team, period: period, now: now, utcOffset: utcOffset, part: 8_192)
    }

    /// The report of the deals of `rows` (`ReportRows`, read straight from the store's cache).
    public static func build(
        rows: ReportRows, pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date, utcOffset: Int
    ) -> FunnelReport {
        build(rows, pipeline: pipeline, team: team, period: period, now: now, utcOffset: utcOffset, part: 8_192)
    }

    /// `build`, the deals counted in parts of `part` on every core (`ReportTally.counting`).
    static func build(
        deals: [Deal], pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date, utcOffset: Int, part: Int
    ) -> FunnelReport {
        build(ReportDeals(deals: deals), pipeline: pipeline, team: team, period: period, now: now, utcOffset: utcOffset, part: part)
    }

    static func build<Source: ReportSource>(
        _ source: Source, pipeline: Pipeline, team: Team, period: ReportPeriod, now: Date, utcOffset: Int, part: Int
    ) -> FunnelReport {
        // Deals in stages the pipeline lacks are rare: they are found while counting, and only
        // then is everything counted again in a frame that has their stages.
        var frame = ReportFrame(pipeline: pipeline, missing: [], period: period, now: now, utcOffset: utcOffset)
        var tally = ReportTally.counting(source, frame: frame, part: part)
        if !tally.unknownStages.isEmpty {
            let missing = Set(tally.unknownStages.map(source.text)).sorted().map { Stage(id: $0, name: $0, kind: .open) }
            frame = ReportFrame(pipeline: pipeline, missing: missing, period: period, now: now, utcOffset: utcOffset)
            tally = ReportTally.counting(source, frame: frame, part: part)
        }
        let today = Day(now, utcOffset: utcOffset)
        let named = Named(tally, source)
        let leakRows = tally.leaks.rows(frame)
        return FunnelReport(
            period: period, currency: frame.currency, stages: stageFigures(frame, tally), conversions: conversions(frame, tally),
            winRate: tally.won + tally.lost == 0 ? nil : Double(tally.won) / Double(tally.won + tally.lost), won: tally.won,
            lost: tally.lost, losses: losses(frame, tally.lost, named), limpingStage: LeakCounter.limping(leakRows),
            lostReasons: named.reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { ReasonCount(reason: $0.key, count: $0.value) },
            velocity: velocity(pipeline, named), medianDaysToWon: Statistics.median(tally.daysToWon.sorted()),
            newDeals: tally.newDeals, team: sellers(team, frame, named, today: today),
            warnings: warnings(pipeline, newDeals: tally.newDeals, trailing: tally.trailingNewDeals, withoutNext: tally.withoutNext),
            leaks: leakRows, weightedValue: tally.openWeighted.value,
            // The forecast's open deals: the open stages' and the inbox's (it is open too).
            forecast: Forecast.rows(source, tally.forecastDeals, stages: frame.stagesByID, currency: frame.currency, today: today))
    }

    /// The tally's counts by stage, owner and reason under their texts (two keys may stand for
    /// one text: bytes repaired into the same text; theirs are added).
    struct Named {
        var lostFrom: [String: Int] = [:]
        var reasons: [String: Int] = [:]
        var closedBy: [String: (won: Int, lost: Int)] = [:]
        var stays: [String: [Double]] = [:]
        /// Open deals by owner (nil: nobody's yet): each one's stage and figures.
        var openByOwner: [String?: [(stage: String, figures: CountedFigures)]] = [:]
        var ownerWeighted: [String?: WeightedValue.Sum] = [:]

        init<Source: ReportSource>(_ tally: ReportTally<Source>, _ source: Source) {
            for (key, n) in tally.lostFrom { lostFrom[source.text(key), default: 0] += n }
            for (key, n) in tally.reasons { reasons[key.map(source.text) ?? ReportRules.LostReason.noneText, default: 0] += n }
            if tally.reopened > 0 { reasons[ReportRules.LostReason.reopenedText, default: 0] += tally.reopened }
            for (key, n) in tally.closedBy {
                let before = closedBy[source.text(key)] ?? (0, 0)
                closedBy[source.text(key)] = (before.won + n.won, before.lost + n.lost)
            }
            for (key, days) in tally.stays { stays[source.text(key), default: []] += days }
            for (key, open) in tally.openByOwner {
                openByOwner[key.map(source.text), default: []] += open.map { i in
                    let item = source.item(i)
                    return (source.text(item.stage), item.figures)
                }
            }
            for (key, sum) in tally.ownerWeighted { ownerWeighted[key.map(source.text), default: WeightedValue.Sum(currency: sum.currency)].add(sum) }
        }
    }

    /// Each counted stage but won: its open deals, their total, average and weighted values (0
    /// for a stage with a probability and no deals; nil when no probability applies).
    static func stageFigures<Source>(_ frame: ReportFrame, _ tally: ReportTally<Source>) -> [StageFigures] {
        frame.counted.enumerated().filter { $0.element.kind != .won }.map { c, stage in
            StageFigures(
                stage: stage, openDeals: tally.stageCount[c], totalValue: tally.stageTotal[c],
                averageValue: tally.stageValued[c] == 0 ? nil : tally.stageTotal[c] / Decimal(tally.stageValued[c]),
                weightedValue: tally.stageCount[c] == 0 ? (stage.probability != nil ? 0 : nil) : tally.stageWeighted[c].value)
        }
    }

    /// From each path stage to the next: deals that entered it in the period, and how many went on.
    static func conversions<Source>(_ frame: ReportFrame, _ tally: ReportTally<Source>) -> [Conversion] {
        let path = frame.path
        return path.indices.dropLast().map {
            Conversion(from: path[$0], to: path[$0 + 1], entered: tally.entered[$0], reached: tally.reached[$0])
        }
    }

    /// The stages deals were lost from, with their share of the losses.
    static func losses(_ frame: ReportFrame, _ lost: Int, _ named: Named) -> [StageLoss] {
        frame.counted.compactMap { stage -> StageLoss? in
            let n = named.lostFrom[stage.id] ?? 0
            return n == 0 ? nil : StageLoss(stage: stage, lost: n, share: Double(n) / Double(max(1, lost)))
        }
    }

    /// How long deals stay in the inbox and each open stage: median and 90th percentile.
    static func velocity(_ pipeline: Pipeline, _ named: Named) -> [StageVelocity] {
        pipeline.stages.filter { $0.kind == .open || $0.kind == .inbox }.map { stage in
            let days = (named.stays[stage.id] ?? []).sorted()
            return StageVelocity(
                stage: stage, stays: days.count, medianDays: Statistics.median(days),
                p90Days: Statistics.percentile(days, 90))
        }
    }

    /// The team (R18): each rep, and anyone else with open deals.
    static func sellers(_ team: Team, _ frame: ReportFrame, _ named: Named, today: Day) -> [SellerFigures] {
        let owners = team.users.filter { $0.role == .rep || named.openByOwner[$0.account] != nil }
        let totalOpen = owners.reduce(0) { $0 + (named.openByOwner[$1.account]?.count ?? 0) }
        let average = owners.isEmpty ? 0 : Double(totalOpen) / Double(owners.count)
        return owners.map { seller($0, frame, named, today: today, average: average) }
    }

    /// One seller's figures; `average` is the team's open deals per seller.
    static func seller(_ user: User, _ frame: ReportFrame, _ named: Named, today: Day, average: Double) -> SellerFigures {
        let mine = named.openByOwner[user.account] ?? []
        var perStage: [String: Int] = Dictionary(uniqueKeysWithValues: frame.openStages.map { ($0.id, 0) })
        var overdue = 0, stuck = 0
        for (stageID, deal) in mine {
            perStage[stageID, default: 0] += 1
            if let next = deal.nextAction, next < today { overdue += 1 }
            if let stage = frame.slot(stageID).map({ frame.slots[$0] }), DealFlags.isStuck(entered: deal.stageEntered, in: stage, now: frame.now) {
                stuck += 1
            }
        }
        let closed = named.closedBy[user.account] ?? (0, 0)
        return SellerFigures(
            user: user, openByStage: perStage, open: mine.count, won: closed.won, lost: closed.lost,
            winRate: closed.won + closed.lost == 0 ? nil : Double(closed.won) / Double(closed.won + closed.lost),
            overdueNextActions: overdue, stuck: stuck, stagesInPlay: perStage.values.filter { $0 > 0 }.count,
            overloaded: average > 0 && Double(mine.count) > average * overloadFactor,
            weightedValue: named.ownerWeighted[user.account]?.value ?? nil)
    }

    /// Health: too many stages, the top running dry, open deals without a next action.
    static func warnings(_ pipeline: Pipeline, newDeals: Int, trailing: Double?, withoutNext: Int) -> [HealthWarning] {
        var warnings: [HealthWarning] = pipeline.warnings.compactMap {
            if case .tooManyStages(let count, let limit) = $0 { return .tooManyStages(count: count, limit: limit) }
            return nil
        }
        if let trailing, trailing >= 1, Double(newDeals) < trailing * dryThreshold {
            warnings.append(.topRunningDry(new: newDeals, trailingAverage: trailing))
        }
        if withoutNext > 0 { warnings.append(.openWithoutNextAction(count: withoutNext)) }
        return warnings
    }
}
