import Foundation

/// R4, R7: a lead turned down from the inbox needs a reason; any reason will do (it need not be
/// on the pipeline's list).
public struct RejectNeedsReason: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .reject(let reason)? = context.change, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            let stage = context.targetStage
        else { return nil }
        return Refusal(.needsLostReason(stage: stage.name, reasons: context.pipeline.lostReasons))
    }
}
