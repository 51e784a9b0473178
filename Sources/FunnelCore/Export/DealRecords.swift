import Foundation

/// Deals, their activities and their stage history as flat records: the columns of
/// `funnel export` (docs/export.md). Every text is exact; `nil` is a field with no value.
public enum DealRecords {
    /// Every field of a deal, in the order exported.
    public static let dealColumns = [
        "id", "title", "company", "contact", "phone", "email", "stage", "stage_name", "stage_kind", "owner", "value",
        "currency", "next_action_date", "next_action", "lost_reason", "created", "stage_entered", "updated", "revision",
        "source", "call_steps", "installments", "payment_method", "probability", "expected_close", "notes",
    ]

    public static let activityColumns = ["deal_id", "at", "by", "kind", "outcome", "note"]
    public static let historyColumns = ["deal_id", "at", "by", "from", "to"]

    /// A deal's fields by column; nil where the deal has no value.
    public static func deal(_ deal: Deal, pipeline: Pipeline) -> [String: String?] {
        let stage = pipeline.stage(id: deal.stage)
        return [
            "id": deal.id, "title": deal.title, "company": deal.company, "contact": deal.contact, "phone": deal.phone,
            "email": deal.email, "stage": deal.stage, "stage_name": stage?.name, "stage_kind": stage?.kind.rawValue,
            "owner": deal.owner, "value": deal.value.map(Money.plain), "currency": deal.currency,
            "next_action_date": deal.nextAction?.date.iso, "next_action": deal.nextAction?.text,
            "lost_reason": deal.lostReason, "created": Timestamp.format(deal.created),
            "stage_entered": Timestamp.format(deal.stageEntered), "updated": Timestamp.format(deal.updated),
            "revision": String(deal.revision), "source": deal.source,
            "call_steps": CallStep.allCases.filter(deal.callSteps.contains).map(\.rawValue).joined(separator: ","),
            "installments": deal.paymentTerms.map { String($0.installments) }, "payment_method": deal.paymentTerms?.method.rawValue,
            "probability": deal.probability.map { String($0) }, "expected_close": deal.expectedClose?.iso,
            "notes": deal.notes,
        ]
    }

    /// The deal's activities, oldest first, each as `activityColumns`.
    public static func activities(_ deal: Deal) -> [[String?]] {
        deal.activities.map { [deal.id, Timestamp.format($0.at), $0.by, $0.kind.rawValue, $0.outcome?.rawValue, $0.note] }
    }

    /// The deal's stage changes, oldest first, each as `historyColumns` (`from` is nil for the creation).
    public static func history(_ deal: Deal) -> [[String?]] {
        deal.history.map { [deal.id, Timestamp.format($0.at), $0.by, $0.from, $0.to] }
    }
}
