import Foundation

/// R4: only a lead in the inbox (Unsorted) is accepted or rejected.
public struct AcceptOnlyFromInbox: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        switch context.change {
        case .accept?, .reject?: break
        default: return nil
        }
        guard let before = context.before, context.pipeline.stage(id: before.stage)?.kind != .inbox else { return nil }
        return Refusal(.notInInbox(dealTitle: before.title))
    }
}
