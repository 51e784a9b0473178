import Foundation

/// R8, after closing: an edit leaves a won deal with a value.
public struct EditKeepsWonValue: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .edit? = context.change, let stage = context.targetStage, stage.kind == .won, context.after.value == nil
        else { return nil }
        return Refusal(.needsValue(stage: stage.name))
    }
}
