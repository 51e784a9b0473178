import Foundation
import FunnelCore

/// Boss mode's goal in the header: this month's goal of the cards shown (the team's, or the
/// chosen seller's), its progress kept one deal at a time so a key press stays cheap.
extension BoardState {
    /// The goal the header follows: managers only; the scope's seller (nil: the team); won value
    /// first, then deals won, then activities.
    var headerGoalChoice: Goal? {
        guard actor.role == .manager else { return nil }
        let seller: String?
        switch scope {
        case .everyone: seller = nil
        case .seller(let account): seller = account
        case .mine: seller = actor.account
        }
        let month = Month(today)
        return GoalKind.allCases.lazy.compactMap { kind in
            self.goals.first { $0.month == month && $0.seller == seller && $0.kind == kind }
        }.first
    }

    /// The pipelines goals count over: every pipeline of the data directory (the one shown alone
    /// when the board knows no other).
    var goalPipelines: PipelineSet { pipelines ?? PipelineSet(first: pipeline) }

    /// Progress of `goals` over every pipeline's deals the actor may read: the shown pipeline's
    /// live, the others' as read at the last open or reload (`dealsElsewhere`).
    func goalStatuses(_ goals: [Goal]) -> [GoalStatus] {
        GoalProgress.statuses(
            goals, deals: GoalProgress.readable(Array(deals.values) + dealsElsewhere, by: actor), pipelines: goalPipelines,
            team: funnel.team, today: today, utcOffset: utcOffset)
    }

    /// Computes the header's goal and its progress over every deal.
    mutating func refreshHeaderGoal() {
        guard let goal = headerGoalChoice else {
            headerGoal = nil
            return
        }
        headerGoal = goalStatuses([goal]).first
    }

    /// One deal changed: its old part of the goal out, its new part in.
    mutating func adjustHeaderGoal(old: Deal?, new: Deal?) {
        guard var status = headerGoal else { return }
        let pipelines = goalPipelines, team = funnel.team, offset = utcOffset, goal = status.goal, actor = self.actor
        func part(_ deal: Deal?) -> Decimal {
            guard let deal, Visibility.canSee(deal, actor: actor) else { return 0 }
            return GoalProgress.part(of: deal, in: goal, pipelines: pipelines, team: team, utcOffset: offset)
        }
        status.actual += part(new) - part(old)
        status.gap = max(0, status.goal.target - status.actual)
        headerGoal = status
    }

    /// "Goal Nov: ₪120,000 of ₪200,000 · ₪80,000 to go · 12 days left", or nil without a goal this month.
    var headerGoalText: String? {
        guard let status = headerGoal, status.goal.month == Month(today) else { return nil }
        let amount = { (value: Decimal) in
            status.goal.kind.isMoney
                ? Money.display(value, currency: status.currency)
                : Goal.targetText(value, kind: status.goal.kind)
        }
        let days = text(.pluralDays, count: status.goal.month.daysLeft(today: today))
        return text(
            status.reached ? .headerGoalReached : .headerGoal,
            [
                "month": dates.month(status.goal.month), "actual": amount(status.actual), "target": amount(status.goal.target),
                "gap": amount(status.gap), "days": days,
            ])
    }
}
