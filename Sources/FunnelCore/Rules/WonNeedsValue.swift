import Foundation

/// R8: closing as won (or entering any stage that requires it) needs a deal value.
public struct WonNeedsValue: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.entersStage, let stage = context.targetStage,
            stage.entryRequirements.contains(.value), context.after.value == nil
        else { return nil }
        return Refusal(.needsValue(stage: stage.name))
    }
}
