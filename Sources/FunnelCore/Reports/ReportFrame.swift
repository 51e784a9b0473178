import Foundation

/// What a report counts in: the pipeline's stages in the report's orders, and the period's
/// bounds as moments. A class: the tally passes `inPeriod` and its kin as closures for every
/// deal, and a struct of six tables was copied into each of them. Never changed once made, so
/// the tallies of several cores share it.
final class ReportFrame: Sendable {
    let currency: String
    /// Every stage by id, with the stages deals are in that the pipeline lacks (counted as open
    /// there, never hidden).
    let stagesByID: [String: Stage]
    let openStages: [Stage]
    /// The open stages, then won: the path conversion follows.
    let path: [Stage]
    let rank: [String: Int]
    /// Stages a deal can be counted in: everything but lost (the inbox, open, won, missing).
    let counted: [Stage]
    let countedIndex: [String: Int]
    let firstDay: Date
    let afterLast: Date
    /// The bounds of the periods before this one whose new deals the report averages (up to
    /// `ReportBuilder.trailingPeriods`; none for an open-ended period).
    let earlier: [(first: Date, afterLast: Date)]
    let now: Date

    /// The frame of `pipeline`'s stages and `missing`, the stages deals are in that it lacks.
    init(pipeline: Pipeline, missing: [Stage], period: ReportPeriod, now: Date, utcOffset: Int) {
        currency = pipeline.defaultCurrency
        stagesByID = Dictionary(uniqueKeysWithValues: (pipeline.stages + missing).map { ($0.id, $0) })
        openStages = pipeline.stages.filter { $0.kind == .open }
        path = openStages + pipeline.stages.filter { $0.kind == .won }
        rank = Dictionary(uniqueKeysWithValues: path.enumerated().map { ($1.id, $0) })
        counted = pipeline.stages.filter { $0.kind != .lost } + missing
        countedIndex = Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1.id, $0) })
        firstDay = period.first.map { $0.start(utcOffset: utcOffset) } ?? .distantPast
        afterLast = period.last.adding(days: 1).start(utcOffset: utcOffset)
        var earlier: [(first: Date, afterLast: Date)] = []
        var p = period
        while period.first != nil, earlier.count < ReportBuilder.trailingPeriods, let before = p.previous, let first = before.first {
            earlier.append((first.start(utcOffset: utcOffset), before.last.adding(days: 1).start(utcOffset: utcOffset)))
            p = before
        }
        self.earlier = earlier
        self.now = now
    }

    func inPeriod(_ date: Date) -> Bool { date >= firstDay && date < afterLast }
    func overlaps(_ start: Date, _ end: Date) -> Bool { start < afterLast && end >= firstDay }
    func kind(_ id: String?) -> StageKind? { id.flatMap { stagesByID[$0]?.kind } }
    func limit(_ id: String) -> Int? { stagesByID[id]?.stuckAfterDays }
    func stage(of deal: Deal) -> Stage? { stagesByID[deal.stage] }
}
