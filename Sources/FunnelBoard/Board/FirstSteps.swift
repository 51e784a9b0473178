import FunnelCore
import FunnelText

/// A first step a new user is shown in the footer until they have done it once (issue #20).
public enum FirstStep: String, CaseIterable, Sendable {
    case addDeal = "add-deal"
    case logCall = "log-call"
    case today

    /// The footer's words for it: the key, then what it does.
    var textKey: TextKey {
        switch self {
        case .addDeal: return .firstStepAddDeal
        case .logCall: return .firstStepLogCall
        case .today: return .firstStepToday
        }
    }
}

/// Which first steps an update did, and how the footer shows the ones left. Pure.
public enum FirstSteps {
    /// The steps done by an update that asked for `effects` and left the board as `state`:
    /// a deal created, a call logged (saved), today's list open.
    public static func done(by effects: [Effect], state: BoardState) -> Set<FirstStep> {
        var steps: Set<FirstStep> = []
        for effect in effects {
            switch effect {
            case .create: steps.insert(.addDeal)
            case .save(let before, let after):
                let calls = { (deal: Deal) in deal.activities.filter { $0.kind == .call }.count }
                if calls(after) > calls(before) { steps.insert(.logCall) }
            default: break
            }
        }
        if case .today = state.modal { steps.insert(.today) }
        return steps
    }

    /// The footer's first part while steps are left: "first steps: n add a deal · c log a call · …".
    static func line(_ remaining: [FirstStep], language: Language) -> String {
        language.text(.firstStepsTitle) + " " + remaining.map { language.text($0.textKey) }.joined(separator: " · ")
    }
}
