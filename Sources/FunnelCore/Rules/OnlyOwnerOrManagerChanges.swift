import Foundation

/// R15: a rep changes only the deals they own (and unassigned inbox deals); a manager any.
/// Only a manager gives a deal to someone other than themselves (R16). A captured duplicate
/// lead may be attached to anyone's deal: it only adds an activity (R4).
public struct OnlyOwnerOrManagerChanges: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard context.actor.role == .rep else { return nil }
        if case .attachLead? = context.change { return nil }
        let me = context.actor.account
        if let before = context.before, let owner = before.owner, owner != me {
            let ownerName = context.team.user(owner)?.name ?? owner
            return Refusal(.notYourDeal(dealTitle: before.title, owner: ownerName))
        }
        if let owner = context.after.owner, owner != me {
            return Refusal(.onlyManagersAssign)
        }
        return nil
    }
}
