import Foundation
import FunnelCore

/// The `--json` shape of a deal: field names are a contract, documented in docs/cli.md.
enum DealJSON {
    static func make(_ deal: Deal, pipeline: Pipeline, withHistory: Bool) -> JSONOut {
        var fields: [(String, JSONOut)] = [
            ("id", .string(deal.id)),
            ("title", .string(deal.title)),
            ("company", .string(deal.company)),
            ("contact", .string(deal.contact)),
            ("phone", .string(deal.phone)),
            ("email", .string(deal.email)),
            ("stage", .string(deal.stage)),
            ("stage_name", .optional(pipeline.stage(id: deal.stage)?.name)),
            ("stage_kind", .optional(pipeline.stage(id: deal.stage)?.kind.rawValue)),
            ("owner", .optional(deal.owner)),
            ("value", .optional(deal.value.map(Money.plain))),
            ("currency", .string(deal.currency)),
            ("next_action_date", .optional(deal.nextAction?.date.iso)),
            ("next_action", .optional(deal.nextAction?.text)),
            ("lost_reason", .optional(deal.lostReason)),
            ("created", .string(Timestamp.format(deal.created))),
            ("stage_entered", .string(Timestamp.format(deal.stageEntered))),
            ("updated", .string(Timestamp.format(deal.updated))),
            ("revision", .number(deal.revision)),
        ]
        if withHistory {
            fields.append(("notes", .string(deal.notes)))
            fields.append(("history", .array(deal.history.map { change in
                .object([
                    ("at", .string(Timestamp.format(change.at))),
                    ("by", .string(change.by)),
                    ("from", .optional(change.from)),
                    ("to", .string(change.to)),
                ])
            })))
        }
        return .object(fields)
    }
}
