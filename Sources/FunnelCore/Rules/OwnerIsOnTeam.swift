import Foundation

/// A deal's owner is a member of the team, and deals outside the inbox have one (R4).
public struct OwnerIsOnTeam: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        if let owner = context.after.owner, context.team.user(owner) == nil {
            return Refusal(.unknownOwner(account: owner))
        }
        if context.after.owner == nil, context.targetStage?.kind != .inbox {
            return Refusal(.outsideInboxNeedsOwner)
        }
        return nil
    }
}
