import Foundation
import FunnelCore

/// What the board's screens ask of its state: today, the report, the team as a list, the
/// selected card's situation, today's call list.
extension BoardState {
    public var today: Day { Day(now, utcOffset: utcOffset) }

    /// The report for the screen's period and seller: a manager's team, a rep's own deals.
    public func report(_ screen: ReportScreen) -> FunnelReport {
        let mine = actor.role != .manager
        let chosen = reportDeals(screen)
        let people = funnel.team.users.filter { user in
            if mine { return user.account == actor.account }
            return screen.seller.map { user.account == $0 } ?? true
        }
        var report = ReportBuilder.build(
            deals: Array(chosen), pipeline: pipeline, team: Team(users: people),
            period: ReportPeriod.trailing(screen.period, today: today), now: now, utcOffset: utcOffset)
        var shown = GoalProgress.visible(goals, month: Month(today), to: actor)
        if let seller = screen.seller { shown = shown.filter { $0.seller == seller } }
        // A goal counts every deal it covers (every pipeline's), as `funnel report` does.
        report.goals = goalStatuses(shown)
        return report
    }

    /// The team as list entries ("Name (account)"), optionally after an "Every seller" entry.
    public func peopleOptions(everyone: Bool) -> [PickerOption] {
        (everyone ? [PickerOption(value: nil, label: text(.peopleEvery))] : [])
            + funnel.team.users.map { PickerOption(value: $0.account, label: "\($0.name) (\($0.account))") }
    }

    /// Whether the selected card is stuck (R13): the footer then offers its prompt.
    public var selectedIsStuck: Bool {
        guard let deal = selectedDeal, let stage = pipeline.stage(id: deal.stage), stage.kind == .open else { return false }
        return DealFlags.isStuck(deal, in: stage, now: now)
    }

    /// Whether the selected card is an inbox lead (the footer then offers accept and reject).
    public var inInbox: Bool {
        guard let deal = selectedDeal else { return false }
        return pipeline.stage(id: deal.stage)?.kind == .inbox
    }

    /// Today's call list for the cards this user sees (R9).
    public var callList: [CallList.Entry] {
        let visible = deals.values.filter { Visibility.includes($0, scope: scope, actor: actor) }
        return CallList.compute(Array(visible), pipeline: pipeline, now: now, utcOffset: utcOffset)
    }
}
