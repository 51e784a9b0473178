import Foundation

/// R6, after entering: an edit leaves a deal in a stage that requires a next action (the
/// first-contact stage) with one. The refusal proposes a follow-up `followUpDays` from today,
/// as `EnteringStageNeedsNextAction` does.
public struct EditKeepsNextAction: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .edit? = context.change, let stage = context.targetStage,
            stage.entryRequirements.contains(.nextAction), context.after.nextAction == nil
        else { return nil }
        let proposed = context.today.adding(days: context.pipeline.followUpDays)
        return Refusal(.needsNextAction(stage: stage.name, proposed: proposed))
    }
}
