import Foundation

/// R21: customer training is logged as an activity before a module is billed. Every module a
/// change bills needs a training activity for that module on the deal.
public struct TrainingBeforeBilling: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        let alreadyBilled = context.before?.modules.count ?? 0
        for billed in context.after.modules.dropFirst(alreadyBilled) where !context.after.isTrained(billed.module) {
            return Refusal(.needsTraining(module: billed.module))
        }
        return nil
    }
}
