import Foundation

/// R4, R16: Unsorted holds new leads nobody has taken yet. Once a deal has left it, a rep
/// cannot put it back — by a move, or by an undo that would; only a manager returns a deal
/// to the inbox. Creating a lead in Unsorted is not "putting it back".
public struct InboxOnlyForNewLeads: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.actor.role == .rep, context.before != nil, context.entersStage,
            let stage = context.targetStage, stage.kind == .inbox
        else { return nil }
        return Refusal(.cannotReturnToInbox(stage: stage.name))
    }
}
