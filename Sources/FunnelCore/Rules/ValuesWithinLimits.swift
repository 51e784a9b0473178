import Foundation

/// Every value of the deal within `Limits`: money, dates and times, counters, text lengths.
/// The same check guards the readers, so a change that passes it can always be read back.
public struct ValuesWithinLimits: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        Self.violation(in: context.after).map(Refusal.init)
    }

    /// The first value of `deal` outside `Limits`, as a message naming the limit; nil when all fit.
    public static func violation(in deal: Deal) -> Message? {
        violation(in: deal, valueInRange: false)
    }

    /// `violation(in:)` for a deal whose value its reader already checked (`valueInRange`: read
    /// as whole hundredths no greater than `Limits.maximumCents`).
    public static func violation(in deal: Deal, valueInRange: Bool) -> Message? {
        (valueInRange ? nil : money(deal)) ?? times(deal) ?? counters(deal) ?? text(deal) ?? QuoteLinesAreValid.violation(in: deal)
    }

    static func money(_ deal: Deal) -> Message? { money(deal.value) }

    static func money(_ value: Decimal?) -> Message? {
        guard let value else { return nil }
        if value.isNaN || value < 0 { return .negativeValue }
        if value > Limits.maximumAmount { return .valueTooLarge(limit: Limits.maximumAmount) }
        if !Limits.isStorable(value) { return .tooManyDecimals(places: Limits.amountDecimals) }
        return nil
    }

    static func times(_ deal: Deal) -> Message? {
        if let day = deal.nextAction?.date, !Limits.days.contains(day) {
            return .dayOutOfRange(field: "next action date", day: day)
        }
        if let day = deal.expectedClose, !Limits.days.contains(day) {
            return .dayOutOfRange(field: "expected close date", day: day)
        }
        if !Limits.isStorable(deal.created) { return .timeOutOfRange(field: "created") }
        if !Limits.isStorable(deal.stageEntered) { return .timeOutOfRange(field: "stage entered") }
        if !Limits.isStorable(deal.updated) { return .timeOutOfRange(field: "updated") }
        if !deal.log.isHistoryPacked, deal.history.contains(where: { !Limits.isStorable($0.at) }) {
            return .timeOutOfRange(field: "stage change")
        }
        if !deal.log.packedWithinLimits, deal.activities.contains(where: { !Limits.isStorable($0.at) }) {
            return .timeOutOfRange(field: "activity")
        }
        if deal.assignments.contains(where: { !Limits.isStorable($0.at) }) { return .timeOutOfRange(field: "assignment") }
        if deal.modules.contains(where: { !Limits.isStorable($0.at) }) { return .timeOutOfRange(field: "billed module") }
        return nil
    }

    /// Whether a report's row (read from the cache, `ReportRows`) keeps the limits a deal keeps
    /// in what the report reads: its value (unless its reader checked it: `valueInRange`), its days
    /// and times, its chance, and its texts within `fieldLength`.
    public static func fits(_ row: ReportRows.Row, changes: ArraySlice<ReportRows.Change>, valueInRange: Bool) -> Bool {
        guard valueInRange || money(row.value) == nil,
            row.nextAction.map(Limits.days.contains) ?? true, row.expectedClose.map(Limits.days.contains) ?? true,
            Limits.isStorable(row.created), Limits.isStorable(row.stageEntered),
            row.probability.map(Limits.probability.contains) ?? true
        else { return false }
        return changes.allSatisfy { Limits.isStorable($0.at) }
    }

    /// Whether every text of a report's rows is within `fieldLength`.
    public static func fit(_ texts: [String]) -> Bool { texts.allSatisfy { Limits.fits($0, Limits.fieldLength) } }

    static func counters(_ deal: Deal) -> Message? {
        if !Limits.revisions.contains(deal.revision) {
            return .revisionOutOfRange(revision: deal.revision, limit: Limits.maximumRevision)
        }
        if let problem = PaymentTermsAreValid.violation(in: deal) { return problem }
        if let percent = deal.probability, !Limits.probability.contains(percent) {
            return .settingOutOfRange(setting: "probability", value: percent, range: Limits.probability)
        }
        return nil
    }

    static func text(_ deal: Deal) -> Message? {
        guard !bytesFit(deal) else { return nil }
        let fields: [(String, String?)] = [
            ("title", deal.title), ("company", deal.company), ("contact", deal.contact), ("phone", deal.phone),
            ("email", deal.email), ("next action", deal.nextAction?.text), ("currency", deal.currency),
            ("owner", deal.owner), ("stage", deal.stage), ("lost reason", deal.lostReason), ("source", deal.source),
            ("id", deal.id),
        ]
        for (field, text) in fields {
            if let text, !Limits.fits(text, Limits.fieldLength) { return .fieldTooLong(field: field, limit: Limits.fieldLength) }
        }
        if !Limits.fits(deal.notes, Limits.notesLength) { return .fieldTooLong(field: "notes", limit: Limits.notesLength) }
        for change in deal.history {
            for text in [change.by, change.from ?? "", change.to] where !Limits.fits(text, Limits.fieldLength) {
                return .fieldTooLong(field: "stage change", limit: Limits.fieldLength)
            }
        }
        for activity in deal.activities {
            if !Limits.fits(activity.by, Limits.fieldLength) {
                return .fieldTooLong(field: "activity author", limit: Limits.fieldLength)
            }
            if !Limits.fits(activity.note, Limits.activityNoteLength) {
                return .fieldTooLong(field: "activity note", limit: Limits.activityNoteLength)
            }
            if let module = activity.module, !Limits.fits(module, Limits.fieldLength) {
                return .fieldTooLong(field: "module", limit: Limits.fieldLength)
            }
        }
        return logText(deal)
    }

    /// Whether every text of `deal` is within its limit by its UTF-8 length alone (a code point
    /// takes a byte at least), checked without building a list: the cache reads 100,000 deals
    /// through this. False sends `text` the long way, which names the field.
    static func bytesFit(_ deal: Deal) -> Bool {
        let field = Limits.fieldLength
        func fits(_ text: String) -> Bool { text.utf8.count <= field }
        func fits(_ text: String?) -> Bool { text.map(fits) ?? true }
        guard fits(deal.title), fits(deal.company), fits(deal.contact), fits(deal.phone), fits(deal.email),
            fits(deal.nextAction?.text), fits(deal.currency), fits(deal.owner), fits(deal.stage), fits(deal.lostReason),
            fits(deal.source), fits(deal.id), deal.notes.utf8.count <= Limits.notesLength
        else { return false }
        if !deal.log.isHistoryPacked {
            for change in deal.history where !(fits(change.by) && fits(change.from) && fits(change.to)) { return false }
        }
        if !deal.log.packedWithinLimits {
            for activity in deal.activities
            where !(fits(activity.by) && fits(activity.module) && activity.note.utf8.count <= Limits.activityNoteLength) {
                return false
            }
        }
        for assignment in deal.assignments where !(fits(assignment.by) && fits(assignment.from) && fits(assignment.to)) { return false }
        for billed in deal.modules where !(fits(billed.module) && fits(billed.by)) { return false }
        return true
    }

    /// The owners' log (R16) and the billed modules (R21): every name within `fieldLength`.
    static func logText(_ deal: Deal) -> Message? {
        for assignment in deal.assignments {
            for text in [assignment.by, assignment.from ?? "", assignment.to ?? ""] where !Limits.fits(text, Limits.fieldLength) {
                return .fieldTooLong(field: "assignment", limit: Limits.fieldLength)
            }
        }
        for billed in deal.modules where !Limits.fits(billed.module, Limits.fieldLength) || !Limits.fits(billed.by, Limits.fieldLength) {
            return .fieldTooLong(field: "module", limit: Limits.fieldLength)
        }
        return nil
    }
}
