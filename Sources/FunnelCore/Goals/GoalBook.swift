import Foundation

/// Every goal (`goals.json`): at most one per month, seller (or team) and kind.
public struct GoalBook: Codable, Hashable, Sendable {
    public var goals: [Goal]

    public init(goals: [Goal] = []) { self.goals = goals }

    /// The most goals kept.
    public static let maximumGoals = 10_000

    /// The book with `goal` set, replacing one for the same month, seller and kind; or why not.
    public func setting(_ goal: Goal) -> Result<GoalBook, Refusal> {
        if let problem = goal.violation { return .failure(Refusal(problem)) }
        var next = self
        next.goals.removeAll { $0.month == goal.month && $0.seller == goal.seller && $0.kind == goal.kind }
        guard next.goals.count < Self.maximumGoals else { return .failure(Refusal(.tooManyGoals(limit: Self.maximumGoals))) }
        next.goals.append(goal)
        next.goals.sort { ($0.month, $0.seller ?? "", $0.kind.rawValue) < ($1.month, $1.seller ?? "", $1.kind.rawValue) }
        return .success(next)
    }

    /// The book without the goals of `month` for `seller` (nil: the team), of `kind` (nil: every kind);
    /// refused when there is none.
    public func removing(month: Month, seller: String?, kind: GoalKind?) -> Result<GoalBook, Refusal> {
        var next = self
        next.goals.removeAll { $0.month == month && $0.seller == seller && (kind == nil || $0.kind == kind) }
        guard next.goals.count < goals.count else {
            return .failure(Refusal(.noSuchGoal(month: month.iso, who: seller ?? "the team")))
        }
        return .success(next)
    }

    /// Stored as the array of goals; two goals for one month, seller and kind, or more than
    /// `maximumGoals`, are refused (the file is reported as corrupt).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        goals = try container.decode([Goal].self)
        guard goals.count <= Self.maximumGoals else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "more than \(Self.maximumGoals) goals")
        }
        var seen = Set<String>()
        for goal in goals where !seen.insert("\(goal.month) \(goal.seller ?? "") \(goal.kind.rawValue)").inserted {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "two \(goal.kind.rawValue) goals for \(goal.seller ?? "the team") in \(goal.month)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(goals)
    }
}
