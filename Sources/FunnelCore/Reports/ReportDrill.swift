import Foundation

/// The deals behind one figure of the report, by the same rules `ReportBuilder` counts them with
/// (`ReportRules`): the list's length is the figure.
public enum ReportDrill {
    public static func deals(
        _ figure: ReportFigure, in deals: [Deal], pipeline: Pipeline, period: ReportPeriod, now: Date,
        utcOffset: Int
    ) -> [Deal] {
        let context = Context(pipeline: pipeline, period: period, now: now, utcOffset: utcOffset)
        // Each history as the deal's pipeline sees it, as `ReportBuilder` counts it.
        return deals.filter { context.counts($0.historyInItsPipeline, in: figure) }.sorted { $0.id < $1.id }
    }

    struct Context {
        let pipeline: Pipeline
        let stagesByID: [String: Stage]
        let path: [Stage]
        let rank: [String: Int]
        let period: ReportPeriod
        let utcOffset: Int
        let now: Date
        let today: Day

        init(pipeline: Pipeline, period: ReportPeriod, now: Date, utcOffset: Int) {
            self.pipeline = pipeline
            stagesByID = Dictionary(uniqueKeysWithValues: pipeline.stages.map { ($0.id, $0) })
            path = pipeline.stages.filter { $0.kind == .open } + pipeline.stages.filter { $0.kind == .won }
            rank = Dictionary(uniqueKeysWithValues: path.enumerated().map { ($1.id, $0) })
            self.period = period
            self.utcOffset = utcOffset
            self.now = now
            today = Day(now, utcOffset: utcOffset)
        }

        func inPeriod(_ date: Date) -> Bool { period.contains(date, utcOffset: utcOffset) }
        /// A stage the pipeline lacks counts as open, as in `ReportBuilder`.
        func kind(_ id: String) -> StageKind? { stagesByID[id]?.kind ?? .open }

        func counts(_ deal: Deal, in figure: ReportFigure) -> Bool {
            switch figure {
            case .stage(let id): return deal.stage == id && (kind(id) == .open || kind(id) == .inbox)
            case .entered(let id): return converted(deal, from: id, reached: false)
            case .reached(let id): return converted(deal, from: id, reached: true)
            case .won, .lost, .lostFrom, .reason: return closed(deal, as: figure)
            case .new: return inPeriod(deal.created)
            case .seller(let account): return isOpen(deal) && deal.owner == account
            case .overdue(let account):
                return isOpen(deal) && (account == nil || deal.owner == account) && (deal.nextAction.map { $0.date < today } ?? false)
            case .stuck(let account): return isOpen(deal) && (account == nil || deal.owner == account) && isStuck(deal)
            case .stuckIn(let id): return isOpen(deal) && deal.stage == id && isStuck(deal)
            case .noNextAction: return isOpen(deal) && deal.nextAction == nil
            case .inStage(let id), .late(let id): return leaked(deal, in: id, lateOnly: figure == .late(id))
            case .closing(let month):
                // The forecast's open deals: the inbox's too.
                guard isOpen(deal) || kind(deal.stage) == .inbox, let close = deal.expectedClose else { return false }
                let thisMonth = Month(today)
                return month.map { Month(close) == $0 && $0 >= thisMonth } ?? (Month(close) < thisMonth)
            }
        }

        /// In the stage at some time in the period (`lateOnly`: and kept past its limit), as `StageLeak` counts.
        func leaked(_ deal: Deal, in id: String, lateOnly: Bool) -> Bool {
            let first = period.first.map { $0.start(utcOffset: utcOffset) } ?? .distantPast
            let afterLast = period.last.adding(days: 1).start(utcOffset: utcOffset)
            let stays = ReportRules.stays(
                deal.history, now: now, overlaps: { $0 < afterLast && $1 >= first },
                limit: { stagesByID[$0]?.stuckAfterDays })
            guard let stay = stays.first(where: { $0.stage == id }) else { return false }
            return !lateOnly || stay.late
        }

        func isOpen(_ deal: Deal) -> Bool { kind(deal.stage) == .open }

        func isStuck(_ deal: Deal) -> Bool {
            stagesByID[deal.stage].map { DealFlags.isStuck(deal, in: $0, now: now) } ?? false
        }

        func converted(_ deal: Deal, from id: String, reached: Bool) -> Bool {
            guard let k = rank[id], k < 64 else { return false }
            let ranks = deal.history.map { rank[$0.to] ?? -1 }
            let masks = ReportRules.conversion(deal.history, ranks: ranks, pathCount: path.count, inPeriod: inPeriod)
            return (reached ? masks.reached : masks.entered) & (1 << UInt64(k)) != 0
        }

        func closed(_ deal: Deal, as figure: ReportFigure) -> Bool {
            guard let index = ReportRules.lastClose(deal.history, inPeriod: inPeriod, isClosed: { kind($0)?.isClosed == true }) else {
                return false
            }
            let close = deal.history[index]
            let won = kind(close.to) == .won
            switch figure {
            case .won: return won
            case .lost: return !won
            case .lostFrom(let id): return !won && (close.from ?? "") == id
            case .reason(let text): return !won && ReportRules.lostReason(deal, closeIndex: index).lowercased() == text.lowercased()
            default: return false
            }
        }
    }
}
