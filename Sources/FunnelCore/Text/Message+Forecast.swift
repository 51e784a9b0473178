import Foundation

extension Message {
    /// The goals' messages (issue #16).
    var goalEntry: (TextKey, [String: String]) {
        switch self {
        case .goalNegative: return (.goalNegative, [:])
        case .goalCountInvalid(let limit): return (.goalCountInvalid, ["limit": "\(limit)"])
        case .tooManyGoals(let limit): return (.tooManyGoals, ["limit": "\(limit)"])
        case .noSuchGoal(let month, let who): return (.noSuchGoal, ["month": month, "who": who])
        case .onlyManagersSetGoals: return (.onlyManagersSetGoals, [:])
        default: return (.goalNegative, [:])
        }
    }
}
