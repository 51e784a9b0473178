import Foundation
import FunnelCore

/// The `--json` shape of a deal: field names are a contract, documented in docs/cli.md.
enum DealJSON {
    /// A deal as a JSON object; `full` adds notes, history and activities (`show`).
    static func make(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int, full: Bool) -> JSONOut {
        .object(fields(deal, funnel: funnel, now: now, utcOffset: utcOffset, full: full))
    }

    static func fields(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int, full: Bool) -> [(String, JSONOut)] {
        // One array filled in place: joining three made three more per deal (100,000 for `list --all --json`).
        var fields: [(String, JSONOut)] = []
        fields.reserveCapacity(full ? 36 : 29)
        fields += contact(deal)
        fields += place(deal, funnel: funnel)
        fields += work(deal, funnel: funnel, now: now, utcOffset: utcOffset)
        if full {
            fields.append(("notes", .string(deal.notes)))
            fields.append(("history", .array(deal.history.map(change))))
            fields.append(("activities", .array(deal.activities.map(activity))))
            fields += logs(deal)
        }
        return fields
    }

    /// Who the deal is with.
    static func contact(_ deal: Deal) -> [(String, JSONOut)] {
        [
            ("id", .string(deal.id)),
            ("title", .string(deal.title)),
            ("company", .string(deal.company)),
            ("contact", .string(deal.contact)),
            ("phone", .string(deal.phone)),
            ("email", .string(deal.email)),
        ]
    }

    /// Where the deal stands: stage, owner, value, next action, times.
    static func place(_ deal: Deal, funnel: Funnel) -> [(String, JSONOut)] {
        let stage = funnel.pipeline.stage(id: deal.stage)
        return [
            ("stage", .string(deal.stage)),
            ("stage_name", .optional(stage?.name)),
            ("stage_kind", .optional(stage?.kind.rawValue)),
            ("owner", .optional(deal.owner)),
            ("value", .optional(deal.valuePlain)),
            ("currency", .string(deal.currency)),
            ("next_action_date", .optional(deal.nextAction?.date.iso)),
            ("next_action", .optional(deal.nextAction?.text)),
            ("lost_reason", .optional(deal.lostReason)),
            ("created", .string(Timestamp.format(deal.created))),
            ("stage_entered", .string(Timestamp.format(deal.stageEntered))),
            ("updated", .string(Timestamp.format(deal.updated))),
            ("revision", .number(deal.revision)),
            ("source", .string(deal.source)),
        ]
    }

    /// The work on the deal: flags, attempts, call steps, terms, priority, forecast.
    static func work(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int) -> [(String, JSONOut)] {
        let pipeline = funnel.pipeline
        return [
            ("flags", .array(DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset).map { .string($0.rawValue) })),
            ("attempts", .number(Attempts.unanswered(deal))),
            ("call_steps", .array(CallStep.allCases.filter(deal.callSteps.contains).map { .string($0.rawValue) })),
            (
                "payment_terms",
                deal.paymentTerms.map { terms in
                    .object([("installments", .number(terms.installments)), ("method", .string(terms.method.rawValue))])
                } ?? .null
            ),
            ("priority", .string(deal.priority.rawValue)),
            ("pipeline", .string(funnel.pipelineID)),
            ("probability", deal.probability.map { .number($0) } ?? .null),
            ("expected_close", .optional(deal.expectedClose?.iso)),
            ("weighted_value", .optional(WeightedValue.plain(deal, in: pipeline.stage(id: deal.stage)))),
        ]
    }

    /// One entry of `show --json`'s history.
    static func change(_ change: StageChange) -> JSONOut {
        .object([
            ("at", .string(Timestamp.format(change.at))),
            ("by", .string(change.by)),
            ("from", .optional(change.from)),
            ("to", .string(change.to)),
            ("pipeline", .optional(change.pipeline)),
        ])
    }

    /// One entry of `show --json`'s activities.
    static func activity(_ activity: Activity) -> JSONOut {
        .object([
            ("at", .string(Timestamp.format(activity.at))),
            ("by", .string(activity.by)),
            ("kind", .string(activity.kind.rawValue)),
            ("outcome", .optional(activity.outcome?.rawValue)),
            ("note", .string(activity.note)),
            ("module", .optional(activity.module)),
        ])
    }

    /// `show --json`'s owners' log (R16), billed modules and trainings (R21).
    static func logs(_ deal: Deal) -> [(String, JSONOut)] {
        [
            (
                "assignments",
                .array(
                    deal.assignments.map { assignment in
                        .object([
                            ("at", .string(Timestamp.format(assignment.at))),
                            ("by", .string(assignment.by)),
                            ("from", .optional(assignment.from)),
                            ("to", .optional(assignment.to)),
                        ])
                    })
            ),
            (
                "modules",
                .array(
                    deal.modules.map { billed in
                        .object([("module", .string(billed.module)), ("at", .string(Timestamp.format(billed.at))), ("by", .string(billed.by))])
                    })
            ),
            (
                "trainings",
                .array(
                    deal.activities.filter { $0.kind == .training }.map { activity in
                        .object([
                            ("module", .optional(activity.module)), ("at", .string(Timestamp.format(activity.at))),
                            ("by", .string(activity.by)), ("note", .string(activity.note)),
                        ])
                    })
            ),
        ]
    }
}
