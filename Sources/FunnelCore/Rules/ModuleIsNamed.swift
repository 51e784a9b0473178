import Foundation

/// R21: a training for a module, and a billing, name the module (its name cleaned of extra
/// spaces is not empty). A training logged as a plain activity names none, and needs none.
public struct ModuleIsNamed: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        let trainings = context.after.activities.dropFirst(context.before?.activities.count ?? 0).filter { $0.kind == .training }
        let billed = context.after.modules.dropFirst(context.before?.modules.count ?? 0).map(\.module)
        let names = trainings.compactMap(\.module) + billed
        guard names.contains(where: { BilledModule.clean($0).isEmpty }) else { return nil }
        return Refusal(.emptyModule)
    }
}
