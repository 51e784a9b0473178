import Foundation

/// A move goes somewhere: to a stage the deal is not in (the same stage of another pipeline
/// counts as another stage: the move takes the deal into this pipeline).
public struct MoveChangesStage: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .move? = context.change, !context.entersStage, let stage = context.targetStage else { return nil }
        return Refusal(.alreadyInStage(stage: stage.name))
    }
}
