import Foundation

/// R6: entering a stage that requires it (the first-contact stage) needs a next action;
/// the refusal proposes a follow-up `followUpDays` (two) days from today.
public struct EnteringStageNeedsNextAction: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.entersStage, let stage = context.targetStage,
            stage.entryRequirements.contains(.nextAction), context.after.nextAction == nil
        else { return nil }
        let proposed = context.today.adding(days: context.pipeline.followUpDays)
        return Refusal(.needsNextAction(stage: stage.name, proposed: proposed))
    }
}
