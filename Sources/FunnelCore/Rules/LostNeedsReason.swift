import Foundation

/// R7: closing a deal as lost needs a reason from the pipeline's list. A lead rejected from
/// the inbox may give any reason (R4).
public struct LostNeedsReason: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.entersStage, let stage = context.targetStage,
            stage.entryRequirements.contains(.lostReason)
        else { return nil }
        guard let reason = context.after.lostReason, !reason.isEmpty else {
            return Refusal(.needsLostReason(stage: stage.name, reasons: context.pipeline.lostReasons))
        }
        let fromInbox = context.before.flatMap { context.pipeline.stage(id: $0.stage) }?.kind == .inbox
        guard fromInbox || context.pipeline.lostReasons.isEmpty || context.pipeline.lostReasons.contains(reason) else {
            return Refusal(.unknownLostReason(text: reason, reasons: context.pipeline.lostReasons))
        }
        return nil
    }
}
