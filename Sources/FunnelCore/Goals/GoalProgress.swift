import Foundation

/// A goal and how far along it is (the board's header in boss mode, `funnel report`, `funnel goals list`).
public struct GoalStatus: Hashable, Sendable {
    public var goal: Goal
    /// Won value (in `currency`), deals won, or activities logged in the goal's month.
    public var actual: Decimal
    /// What is still missing: target − actual, never below zero.
    public var gap: Decimal
    /// Days of the month left, today included (0 for a month past).
    public var daysLeft: Int
    /// The goal's money: the first pipeline's currency (every pipeline's won value counts in it).
    public var currency: String = ""

    /// Whether the target is met.
    public var reached: Bool { actual >= goal.target }
}

/// Progress towards goals, from the deals' stage histories and timelines. Pure.
///
/// A goal counts the deals of every pipeline (a team's won value is the team's, whatever the
/// pipeline), each deal judged by its own pipeline's stages (its history since it entered it):
/// - won value / deals won: deals whose last close in the month (the report's rule) is into a
///   won stage, by the deal's owner now (the team: everyone's); the value counts in the goal's
///   currency (the first pipeline's) only;
/// - activities: calls, emails and meetings logged in the month by the seller (the team: by
///   anyone on the team).
/// Months are calendar months in local time (`utcOffset`). Callers pass the deals the reader may
/// read (`readable`).
public enum GoalProgress {
    /// The activity kinds a goal of activities counts.
    public static let countedActivities: Set<ActivityKind> = [.call, .email, .meeting]

    /// The deals whose progress `actor` may read: a manager every deal, a rep their own and the
    /// unassigned inbox (R15, as `funnel list`).
    public static func readable(_ deals: [Deal], by actor: User) -> [Deal] {
        deals.filter { Visibility.canSee($0, actor: actor) }
    }

    public static func statuses(
        _ goals: [Goal], deals: [Deal], pipelines: PipelineSet, team: Team, today: Day,
        utcOffset: Int
    ) -> [GoalStatus] {
        goals.map { goal in
            let actual = self.actual(goal, deals: deals, pipelines: pipelines, team: team, utcOffset: utcOffset)
            return GoalStatus(
                goal: goal, actual: actual, gap: max(0, goal.target - actual),
                daysLeft: goal.month.daysLeft(today: today), currency: pipelines.first.pipeline.defaultCurrency)
        }
    }

    /// What a goal counts so far: the sum of each deal's part.
    public static func actual(_ goal: Goal, deals: [Deal], pipelines: PipelineSet, team: Team, utcOffset: Int) -> Decimal {
        deals.reduce(Decimal(0)) { $0 + part(of: $1, in: goal, pipelines: pipelines, team: team, utcOffset: utcOffset) }
    }

    /// One deal's part of a goal: its value or 1 when won in the month (by the goal's seller),
    /// or the activities it had logged in the month. The board keeps a goal's progress by adding
    /// and taking away parts as deals change.
    public static func part(of deal: Deal, in goal: Goal, pipelines: PipelineSet, team: Team, utcOffset: Int) -> Decimal {
        let inMonth = { (date: Date) in goal.month.contains(Day(date, utcOffset: utcOffset)) }
        switch goal.kind {
        case .wonValue, .wonDeals:
            let pipeline = pipelines.entry(for: deal).pipeline
            guard goal.seller == nil || deal.owner == goal.seller,
                wonIn(deal.changesInItsPipeline, pipeline: pipeline, inMonth: inMonth)
            else { return 0 }
            if goal.kind == .wonDeals { return 1 }
            return deal.currency == pipelines.first.pipeline.defaultCurrency ? deal.value ?? 0 : 0
        case .activities:
            let counted = deal.activities.filter { activity in
                countedActivities.contains(activity.kind) && inMonth(activity.at)
                    && (goal.seller.map { activity.by == $0 } ?? (team.user(activity.by) != nil))
            }
            return Decimal(counted.count)
        }
    }

    /// Whether the last close of `history` (a deal's, as its pipeline sees it) in the month is into a won stage.
    static func wonIn(_ history: StageSteps, pipeline: Pipeline, inMonth: (Date) -> Bool) -> Bool {
        let close = ReportRules.lastClose(history, inPeriod: inMonth) { pipeline.stage(id: $0)?.kind.isClosed == true }
        return close.map { pipeline.stage(id: history[$0].to)?.kind == .won } ?? false
    }

    /// The goals of `month` an actor's view shows: for a manager every goal (the team's first),
    /// for a rep the team's and their own.
    public static func visible(_ goals: [Goal], month: Month, to actor: User) -> [Goal] {
        goals.filter { $0.month == month && (actor.role == .manager || $0.seller == nil || $0.seller == actor.account) }
            .sorted { ($0.seller ?? "", $0.kind.rawValue) < ($1.seller ?? "", $1.kind.rawValue) }
    }
}
