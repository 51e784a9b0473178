import Foundation
import FunnelCore

extension BoardState {
    /// The board as it opens for `account` on pipeline `id` of `data` (the first, when there is
    /// none such): a manager sees every seller's cards, a rep their own. Goals only add to the
    /// header: when they could not be read (`goalsProblem`) that is said and nothing is taken
    /// away; a warning about skipped files is said last. nil: `account` is not on the team.
    public static func opening(
        _ data: BoardData, account: String, pipeline id: String, goalsProblem: String?, now: Date, utcOffset: Int,
        seed: UInt64, archive: ArchiveRule = ArchiveRule()
    ) -> BoardState? {
        let entry = data.pipelines.entry(id: id) ?? data.pipelines.first
        let funnel = Funnel(pipeline: entry.pipeline, team: data.team).on(entry)
        guard let actor = funnel.team.user(account) else { return nil }
        // With one pipeline every deal is its (100,000 deals not looked at again, nor keyed again).
        let one = data.pipelines.entries.count == 1
        var state = BoardState(
            funnel: funnel, actor: actor, dealsByID: one ? data.dealsByID : data.dealsByID.filter { data.pipelines.home(of: $0.value) == entry.id },
            now: now, utcOffset: utcOffset, width: 80, height: 24, seed: seed, scope: actor.role == .manager ? .everyone : .mine,
            archive: archive)
        state.pipelines = data.pipelines
        state.dealsElsewhere = one ? [] : data.deals.filter { data.pipelines.home(of: $0) != entry.id }
        if !data.held.isEmpty {
            state.hold(data.held)
            state.countHeld()
        }
        state.goals = data.goals ?? []
        if let goalsProblem { state.status = StatusMessage(text: goalsProblem, isError: true) }
        if let warning = data.warning { state.status = StatusMessage(text: warning, isError: true) }
        return state
    }
}
