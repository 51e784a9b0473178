import Foundation

/// R21: a module is billed once per deal.
public struct ModuleBilledOnce: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard let before = context.before else { return nil }
        for billed in context.after.modules.dropFirst(before.modules.count) where before.isBilled(billed.module) {
            return Refusal(.alreadyBilled(module: billed.module))
        }
        return nil
    }
}
