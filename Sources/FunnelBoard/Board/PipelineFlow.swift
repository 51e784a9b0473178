import Foundation
import FunnelCore

/// `P` on the board: show another pipeline (docs/keys.md). With two pipelines `P` shows the other
/// at once; with more, a list, the one shown selected. Everything else on the board (columns,
/// filters, the stage editor, the report screen) then acts on the pipeline shown.
public enum PipelineFlow {
    static func open(_ state: inout BoardState) -> [Effect] {
        guard let set = state.pipelines, set.entries.count > 1 else {
            state.status = StatusMessage(text: state.text(.statusOnePipeline), isError: false)
            return []
        }
        let others = set.entries.filter { $0.id != state.funnel.pipelineID }
        if others.count == 1 { return [.openPipeline(others[0].id)] }
        let options = set.entries.map { PickerOption(value: $0.id, label: $0.pipeline.name) }
        let selected = set.entries.firstIndex { $0.id == state.funnel.pipelineID } ?? 0
        state.open(.picker(Picker(title: state.text(.pickPipelineTitle), options: options, selected: selected, purpose: .pipeline)))
        return []
    }

    /// Shows pipeline `entry` of `set`, with `team` and the deals read again (`allDeals`: every
    /// pipeline's; only the entry's stay; `held`: the archived ones not read). The first open
    /// stage is selected.
    public static func show(
        _ entry: PipelineEntry, of set: PipelineSet, team: Team, allDeals: [Deal], held: [DealHead] = [], _ state: inout BoardState
    ) {
        state.pipelines = set
        state.funnel = Funnel(pipeline: entry.pipeline, team: team).on(entry)
        state.hold(held)
        state.deals = BoardData.byID(set.deals(allDeals, in: entry.id))
        state.dealsElsewhere = allDeals.filter { set.home(of: $0) != entry.id }
        state.focus = .board
        state.undo = []
        state.redo = []
        state.rows = []
        state.scrolls = []
        state.firstColumn = 0
        state.column = entry.pipeline.stages.firstIndex { $0.kind == .open } ?? 0
        state.recompute(keeping: nil)
        state.status = StatusMessage(text: state.text(.statusPipelineShown, ["name": entry.pipeline.name]), isError: false)
    }
}

extension BoardState {
    /// Whether `deal` is in the pipeline shown (always, with one pipeline).
    public func belongs(_ deal: Deal) -> Bool {
        guard let pipelines else { return true }
        return pipelines.home(of: deal) == funnel.pipelineID
    }

    /// The name of the pipeline shown, when there is more than one (for the header).
    public var pipelineHeading: String? {
        guard let pipelines, pipelines.entries.count > 1 else { return nil }
        return pipeline.name
    }
}
