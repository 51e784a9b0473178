import Foundation

/// A deal merged from two versions changed apart (two clones of a team's data, `funnel sync`),
/// field by field against their common `base` (docs/sync.md):
///
/// - a field changed on one side takes that side;
/// - changed on both sides, the later change wins: a stage by the time of each side's last stage
///   change, an owner by its last assignment, anything else by the deal's `updated`. At equal
///   times the side with the later `updated` wins, and at equal `updated` the side whose file
///   sorts later as text, so the result does not depend on who merges. The value set aside is kept
///   as a note in the timeline (`conflictAuthor`), never dropped;
/// - the stage history, activities, assignments and billed modules are unions ordered by time
///   (an entry on both sides once);
/// - the revision moves past both; `updated` is the later of the two.
///
/// Rules are not re-run: a merged deal that breaks one (won without a value) is kept as merged
/// and flagged (`DealFlag.breaksRule`). Pure: no clock, no files.
public enum DealMerge {
    /// The `by` of a conflict note.
    public static let conflictAuthor = "sync"

    /// Every field of a deal file this merge decides; a test compares it with `Deal.CodingKeys`,
    /// so a field added to `Deal` is not silently taken from one side only.
    static let mergedFields: Set<String> = [
        "id", "title", "company", "contact", "phone", "email", "value", "currency", "owner", "stage", "created",
        "stage_entered", "next_action", "lost_reason", "notes", "history", "revision", "updated", "activities",
        "call_steps", "payment_terms", "source", "priority", "assignments", "modules", "quote_lines", "quotes",
        "pipeline",
        "probability", "expected_close",
    ]

    public static func merge(base: Deal?, ours: Deal, theirs: Deal) throws(DealMergeError) -> DealMergeResult {
        guard ours.id == theirs.id else { throw .differentDeals(ours: ours.id, theirs: theirs.id) }
        var m = FieldMerger(base: base?.id == ours.id ? base : nil, ours: ours, theirs: theirs)
        var deal = ours
        deal.title = m.field("title", \.title)
        deal.company = m.field("company", \.company)
        deal.contact = m.field("contact", \.contact)
        deal.phone = m.field("phone", \.phone)
        deal.email = m.field("email", \.email)
        deal.source = m.field("source", \.source)
        deal.notes = m.field("notes", \.notes)
        deal.priority = m.field("priority", \.priority) { $0.rawValue }
        deal.nextAction = m.field("next_action", \.nextAction) { $0.map { "\($0.date) \($0.text)" } ?? "none" }
        deal.probability = m.field("probability", \.probability) { $0.map { "\($0)%" } ?? "none" }
        deal.expectedClose = m.field("expected_close", \.expectedClose) { $0?.iso ?? "none" }
        deal.paymentTerms = m.field("payment_terms", \.paymentTerms) {
            $0.map { "\($0.installments) × \($0.method.rawValue)" } ?? "none"
        }
        let money = m.field("value", \.moneyFields) { money in
            money.value.map { Money.plain($0) + " " + money.currency } ?? "none"
        }
        deal.value = money.value
        deal.currency = money.currency
        let placement = m.field("stage", \.placement, time: \.lastStageChange) { $0.description }
        deal.stage = placement.stage
        deal.stageEntered = placement.entered
        deal.lostReason = placement.lostReason
        deal.pipeline = placement.pipeline  // a stage id means something only in its pipeline
        deal.owner = m.field("owner", \.owner, time: \.lastAssignment) { $0 ?? "inbox" }
        deal.created = min(ours.created, theirs.created)
        deal.callSteps = ThreeWay.set(base: m.base?.callSteps, ours: ours.callSteps, theirs: theirs.callSteps)
        deal.history = ThreeWay.timeline(ours.history, theirs.history, at: \.at)
        deal.assignments = ThreeWay.timeline(ours.assignments, theirs.assignments, at: \.at)
        deal.modules = ThreeWay.timeline(ours.modules, theirs.modules, at: \.at)
        // The lines being prepared are one value; issued quotes are records, never lost.
        deal.quoteLines = m.field("quote_lines", \.quoteLines) { lines in
            lines.map { "\($0.quantity) × \($0.text)" }.joined(separator: "; ")
        }
        deal.quotes = ThreeWay.timeline(ours.quotes, theirs.quotes, at: \.issued)
        deal.updated = max(ours.updated, theirs.updated)
        let notes = m.conflicts.map { conflictNote($0, at: deal.updated) }
        deal.activities = ThreeWay.timeline(ThreeWay.timeline(ours.activities, theirs.activities, at: \.at), notes, at: \.at)
        deal.revision = min(max(ours.revision, theirs.revision) + 1, Limits.maximumRevision)
        return DealMergeResult(deal: deal, conflicts: m.conflicts)
    }

    /// The note a conflict leaves in the timeline: "Sync conflict on title: kept “B”; the other
    /// change was “A”." Values are cut so the note stays within its limit.
    public static func conflictNote(_ conflict: DealMergeConflict, at time: Date) -> Activity {
        func cut(_ text: String) -> String {
            let scalars = text.unicodeScalars
            guard scalars.count > 3_000 else { return text }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars.prefix(3_000))
            return String(out) + "…"
        }
        let text = "Sync conflict on \(conflict.field): kept “\(cut(conflict.kept))”; the other change was “\(cut(conflict.other))”."
        return Activity(at: time, by: conflictAuthor, kind: .note, note: text)
    }
}

/// Where a deal stands: its stage, since when, and why it was lost, in which pipeline; merged as one.
struct Placement: Equatable {
    var stage: String
    var entered: Date
    var lostReason: String?
    var pipeline: String? = nil

    var description: String { (pipeline.map { $0 + ": " } ?? "") + stage + (lostReason.map { " (\($0))" } ?? "") }
}

/// A value and its currency, merged as one.
struct MoneyFields: Equatable {
    var value: Decimal?
    var currency: String
}

extension Deal {
    var placement: Placement { Placement(stage: stage, entered: stageEntered, lostReason: lostReason, pipeline: pipeline) }
    var moneyFields: MoneyFields { MoneyFields(value: value, currency: currency) }
    var lastStageChange: Date { history.map(\.at).max() ?? stageEntered }
    var lastAssignment: Date { assignments.map(\.at).max() ?? created }
}

/// Settles one field at a time and collects the conflicts.
struct FieldMerger {
    let base: Deal?
    let ours: Deal
    let theirs: Deal
    private(set) var conflicts: [DealMergeConflict] = []
    /// Which side wins a conflict at equal times, once asked (`oursWinsTies`).
    private var tieBreak: Bool?

    init(base: Deal?, ours: Deal, theirs: Deal) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// Which side wins a conflict at equal times: the later `updated`, then the file that sorts
    /// later (encoded only when needed: most merges never ask).
    mutating func oursWinsTies() -> Bool {
        if let tieBreak { return tieBreak }
        let answer =
            ours.updated != theirs.updated
            ? ours.updated > theirs.updated
            : !Self.sortKey(ours).lexicographicallyPrecedes(Self.sortKey(theirs))
        tieBreak = answer
        return answer
    }

    static func sortKey(_ deal: Deal) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Array((try? encoder.encode(deal)) ?? Data())
    }

    mutating func field<T: Equatable>(
        _ name: String, _ key: KeyPath<Deal, T>, time: KeyPath<Deal, Date> = \.updated,
        show: (T) -> String = { "\($0)" }
    ) -> T {
        let o = ours[keyPath: key]
        let t = theirs[keyPath: key]
        if let merged = ThreeWay.pick(base: base?[keyPath: key], ours: o, theirs: t) { return merged }
        let ourTime = ours[keyPath: time]
        let theirTime = theirs[keyPath: time]
        let oursWins = ourTime == theirTime ? oursWinsTies() : ourTime > theirTime
        let (kept, other) = oursWins ? (o, t) : (t, o)
        conflicts.append(DealMergeConflict(field: name, kept: show(kept), other: show(other)))
        return kept
    }
}
