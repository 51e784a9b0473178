import Foundation

/// R16: only a manager gives a deal to someone; a rep may only take it themselves.
public struct OnlyManagersAssign: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .assign(let owner)? = context.change, context.actor.role != .manager, owner != context.actor.account
        else { return nil }
        return Refusal(.onlyManagersAssign)
    }
}
