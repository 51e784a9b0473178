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
    /// Stages a deal can be counted in: everything but lost (the inbox, open, won, missing).
    let counted: [Stage]
    /// Every stage (the pipeline's, then the missing) by slot (`slot(_:)`), with its rank on the
    /// path (-1: off it) and its place among the counted stages (-1: not counted).
    let slots: [Stage]
    let slotRank: [Int]
    let slotCounted: [Int]
    /// Each slot's kind, limit in days and chance, side by side (read for every deal).
    let slotKind: [StageKind]
    let slotLimit: [Int?]
    let slotChance: [Int?]
    /// The slots by id, for a pipeline of more stages than `slot` compares one by one.
    private let slotByID: [String: Int]
    /// The period's moments.
    let bounds: Bounds
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
        counted = pipeline.stages.filter { $0.kind != .lost } + missing
        slots = pipeline.stages + missing
        let rank = Dictionary(uniqueKeysWithValues: path.enumerated().map { ($1.id, $0) })
        let countedIndex = Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1.id, $0) })
        slotRank = slots.map { rank[$0.id] ?? -1 }
        slotCounted = slots.map { countedIndex[$0.id] ?? -1 }
        (slotKind, slotLimit, slotChance) = (slots.map(\.kind), slots.map(\.stuckAfterDays), slots.map(\.probability))
        slotByID = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1.id, $0) })
        bounds = Bounds(
            first: period.first.map { $0.start(utcOffset: utcOffset) } ?? .distantPast,
            afterLast: period.last.adding(days: 1).start(utcOffset: utcOffset))
        var earlier: [(first: Date, afterLast: Date)] = []
        var p = period
        while period.first != nil, earlier.count < ReportBuilder.trailingPeriods, let before = p.previous, let first = before.first {
            earlier.append((first.start(utcOffset: utcOffset), before.last.adding(days: 1).start(utcOffset: utcOffset)))
            p = before
        }
        self.earlier = earlier
        self.now = now
    }

    /// A frame equal to `other`, its own object: each core's tally counts with its own copy, so
    /// the cores do not take turns at one object's reference count (every closure the tally
    /// passes for a deal retains its frame).
    init(copying other: ReportFrame) {
        (currency, stagesByID, openStages, path, counted) = (other.currency, other.stagesByID, other.openStages, other.path, other.counted)
        (slots, slotRank, slotCounted, slotByID) = (other.slots, other.slotRank, other.slotCounted, other.slotByID)
        (slotKind, slotLimit, slotChance) = (other.slotKind, other.slotLimit, other.slotChance)
        (bounds, earlier, now) = (other.bounds, other.earlier, other.now)
    }

    /// A period's first moment and the moment after its last, as plain values: a closure over
    /// them retains no frame (the tally passes them for every deal).
    struct Bounds: Sendable {
        let first: Date
        let afterLast: Date

        func contains(_ date: Date) -> Bool { date >= first && date < afterLast }
        /// Whether a stay from `start` to `end` overlaps the period.
        func overlaps(_ start: Date, _ end: Date) -> Bool { start < afterLast && end >= first }
    }

    /// The slot of stage `id`, nil for a stage the frame lacks. A few stages are compared one by
    /// one (a short id is compared as two words): hashing the id took a tenth of a report.
    func slot(_ id: String) -> Int? {
        guard slots.count <= 32 else { return slotByID[id] }
        for i in slots.indices where slots[i].id == id { return i }
        return nil
    }

    /// Each of `texts` taken as a stage id: its slot, looked up once per text.
    func slots(of texts: [String]) -> Slots {
        Slots(slot: texts.map { self.slot($0) ?? -1 }, currency: texts.firstIndex(of: currency).map(Int32.init) ?? -1)
    }

    /// The frame's slot of each text of `ReportRows` by the text's index (-1: no such stage in
    /// the frame), and the index of the report's currency (-1: no deal has it).
    struct Slots: ReportLookup {
        let slot: [Int]
        let currency: Int32

        func slot(_ i: Int32) -> Int { slot[Int(i)] }
        func isReportCurrency(_ i: Int32) -> Bool { i == currency }
    }
}
