import Foundation
import FunnelCore

/// Opening a figure of the report screen: Tab chooses a figure, Enter lists its deals (the same
/// `ReportDrill` as `funnel report --deals`), Enter on one opens its detail pane.
enum ReportDrillFlow {
    /// Moves the chosen figure by `step` (wrapping), scrolling it into view.
    static func choose(_ step: Int, _ screen: inout ReportScreen, _ state: BoardState) {
        let report = screen.report ?? state.report(screen)
        let lines = ReportView.lines(report, width: state.width - 2, state: state)
        let rows = ReportView.figureRows(lines)
        guard !rows.isEmpty else { return }
        let next = screen.selected.map { ($0 + step + rows.count) % rows.count } ?? (step > 0 ? 0 : rows.count - 1)
        screen.selected = next
        let line = rows[next], page = max(1, state.height - 2)
        if line < screen.scroll { screen.scroll = line }
        if line >= screen.scroll + page { screen.scroll = line - page + 1 }
        screen.scroll = min(screen.scroll, ReportView.lastScroll(screen, state: state))
    }

    /// The chosen figure's deals as a list, or why there is none.
    static func open(_ screen: ReportScreen, _ state: inout BoardState) -> [Effect] {
        let report = screen.report ?? state.report(screen)
        let lines = ReportView.lines(report, width: state.width - 2, state: state)
        guard let chosen = screen.selected, let row = ReportView.figureRows(lines).dropFirst(chosen).first,
            let figure = lines[row].figure
        else {
            state.status = StatusMessage(text: state.text(.statusChooseAFigure), isError: false)
            return []
        }
        let deals = ReportDrill.deals(
            figure, in: state.reportDeals(screen), pipeline: state.pipeline,
            period: ReportPeriod.trailing(screen.period, today: state.today), now: state.now,
            utcOffset: state.utcOffset)
        guard !deals.isEmpty else {
            state.status = StatusMessage(text: state.text(.statusNoDealsBehind), isError: false)
            return []
        }
        let options = deals.map { deal in
            let stage = state.pipeline.stage(id: deal.stage)?.name ?? deal.stage
            let owner = deal.owner.map { state.funnel.team.user($0)?.shortName ?? $0 } ?? "—"
            return PickerOption(value: deal.id, label: "\(deal.title) · \(stage) · \(owner)")
        }
        state.open(
            .picker(
                Picker(
                    title: state.text(.pickerFigureDeals, ["figure": figure.name, "count": "\(deals.count)"]),
                    options: options, selected: 0, purpose: .reportDeals(screen))))
        return []
    }
}

extension BoardState {
    /// The deals the report screen counts: a rep's own, or the chosen seller's, or everyone's.
    func reportDeals(_ screen: ReportScreen) -> [Deal] {
        let mine = actor.role != .manager
        return deals.values.filter { deal in
            if mine { return deal.owner == actor.account }
            return screen.seller.map { deal.owner == $0 } ?? true
        }
    }
}
