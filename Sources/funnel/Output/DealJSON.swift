import Foundation
import FunnelCore

/// The `--json` shape of a deal: field names are a contract, documented in docs/cli.md. Written
/// straight into bytes (`JSONWriter`): `list --all --json` makes no tree of values per deal.
enum DealJSON {
    /// The deal as a JSON object; `full` adds notes, history and activities (`show`). `leading`
    /// writes members that go before the deal's own (`today`'s group).
    static func write(
        _ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int, full: Bool, to w: inout JSONWriter,
        leading: (inout JSONWriter) -> Void = { _ in }
    ) {
        w.openObject()
        leading(&w)
        contact(deal, to: &w)
        place(deal, funnel: funnel, to: &w)
        work(deal, funnel: funnel, now: now, utcOffset: utcOffset, to: &w)
        if full {
            w.field("notes", deal.notes)
            w.key("history")
            list(deal.history, to: &w, change)
            w.key("activities")
            list(deal.activities, to: &w, activity)
            logs(deal, to: &w)
        }
        w.closeObject()
    }

    /// Who the deal is with.
    static func contact(_ deal: Deal, to w: inout JSONWriter) {
        w.field("id", deal.id)
        w.field("title", deal.title)
        w.field("company", deal.company)
        w.field("contact", deal.contact)
        w.field("phone", deal.phone)
        w.field("email", deal.email)
    }

    /// Where the deal stands: stage, owner, value, next action, times.
    static func place(_ deal: Deal, funnel: Funnel, to w: inout JSONWriter) {
        let stage = funnel.pipeline.stage(id: deal.stage)
        w.field("stage", deal.stage)
        w.field("stage_name", stage?.name)
        w.field("stage_kind", stage?.kind.rawValue)
        w.field("owner", deal.owner)
        w.field("value", deal.valuePlain)
        w.field("currency", deal.currency)
        w.field("next_action_date", deal.nextAction?.date.iso)
        w.field("next_action", deal.nextAction?.text)
        w.field("lost_reason", deal.lostReason)
        w.field("created", Timestamp.format(deal.created))
        w.field("stage_entered", Timestamp.format(deal.stageEntered))
        w.field("updated", Timestamp.format(deal.updated))
        w.field("revision", deal.revision)
        w.field("source", deal.source)
    }

    /// The work on the deal: flags, attempts, call steps, terms, priority, forecast.
    static func work(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int, to w: inout JSONWriter) {
        let pipeline = funnel.pipeline
        w.key("flags")
        w.strings(DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset).map(\.rawValue))
        w.field("attempts", Attempts.unanswered(deal))
        w.key("call_steps")
        w.strings(CallStep.allCases.filter(deal.callSteps.contains).map(\.rawValue))
        w.key("payment_terms")
        if let terms = deal.paymentTerms {
            w.openObject()
            w.field("installments", terms.installments)
            w.field("method", terms.method.rawValue)
            w.closeObject()
        } else {
            w.null()
        }
        w.field("priority", deal.priority.rawValue)
        w.field("pipeline", funnel.pipelineID)
        w.field("probability", deal.probability)
        w.field("expected_close", deal.expectedClose?.iso)
        w.field("weighted_value", WeightedValue.plain(deal, in: pipeline.stage(id: deal.stage)))
    }

    /// An array of `items`, each written as an object by `write`.
    static func list<T>(_ items: [T], to w: inout JSONWriter, _ write: (T, inout JSONWriter) -> Void) {
        w.openArray()
        for item in items {
            w.element()
            w.openObject()
            write(item, &w)
            w.closeObject()
        }
        w.closeArray()
    }

    /// One entry of `show --json`'s history.
    static func change(_ change: StageChange, to w: inout JSONWriter) {
        w.field("at", Timestamp.format(change.at))
        w.field("by", change.by)
        w.field("from", change.from)
        w.field("to", change.to)
        w.field("pipeline", change.pipeline)
    }

    /// One entry of `show --json`'s activities.
    static func activity(_ activity: Activity, to w: inout JSONWriter) {
        w.field("at", Timestamp.format(activity.at))
        w.field("by", activity.by)
        w.field("kind", activity.kind.rawValue)
        w.field("outcome", activity.outcome?.rawValue)
        w.field("note", activity.note)
        w.field("module", activity.module)
    }

    /// `show --json`'s owners' log (R16), billed modules and trainings (R21).
    static func logs(_ deal: Deal, to w: inout JSONWriter) {
        w.key("assignments")
        list(deal.assignments, to: &w) { assignment, w in
            w.field("at", Timestamp.format(assignment.at))
            w.field("by", assignment.by)
            w.field("from", assignment.from)
            w.field("to", assignment.to)
        }
        w.key("modules")
        list(deal.modules, to: &w) { billed, w in
            w.field("module", billed.module)
            w.field("at", Timestamp.format(billed.at))
            w.field("by", billed.by)
        }
        w.key("trainings")
        list(deal.activities.filter { $0.kind == .training }, to: &w) { activity, w in
            w.field("module", activity.module)
            w.field("at", Timestamp.format(activity.at))
            w.field("by", activity.by)
            w.field("note", activity.note)
        }
    }
}
