import Foundation
import FunnelCore

/// The columns a board's first frame does not show (docs/performance.md, "The columns beyond the
/// first frame"): the board opens on its first open stage, and at a terminal's width the columns
/// past the last that fits are off the screen — with a simple pipeline, the closed ones, where
/// most deals lie. Their deals are put off at the opening (`FunnelStore.loadDealSet(where:
/// holding:deferring:)`) and read right after the first frame, on a thread of their own while the
/// keys that move within the columns shown are answered (`answers(_:before:)`): a frame the same
/// as the whole board's, drawn from a fraction of the deals.
public struct DeferredColumns: Sendable {
    /// The first column put off: it and those after it are off the first frame.
    public let firstColumn: Int
    /// Whether a deal's head is of a column put off (and may be put off).
    public let test: @Sendable (DealHead) -> Bool

    /// What an opening `width` columns wide on pipeline `id` may put off; nil, nothing, when
    /// every column fits, when the board would open scrolled, or when a goal of this month
    /// counts activities (an old deal's call logged today counts in the header). With another
    /// goal of this month, only deals that entered their stage before the month began: the
    /// header counts this month's closes.
    public static func opening(
        pipelines: PipelineSet, pipeline id: String, width: Int, goals: [Goal], today: Day, utcOffset: Int
    ) -> DeferredColumns? {
        let entry = pipelines.entry(id: id) ?? pipelines.first
        let stages = entry.pipeline.stages
        let shown = BoardLayout.visibleColumns(width: width, stages: stages.count)
        // `BoardState`'s opening column: its first open stage.
        let opensOn = stages.firstIndex { $0.kind == .open } ?? 0
        guard width >= BoardLayout.minWidth, shown < stages.count, opensOn < shown else { return nil }
        let month = Month(today)
        guard !goals.contains(where: { $0.kind == .activities && $0.month == month }) else { return nil }
        let monthBegan = goals.contains { $0.month == month } ? month.firstDay : nil
        let later = Set(stages[shown...].map(\.id))
        let home = entry.id, one = pipelines.entries.count == 1
        let test: @Sendable (DealHead) -> Bool = { head in
            guard later.contains(head.stage), one || pipelines.home(ofPipeline: head.pipeline) == home else { return false }
            guard let monthBegan else { return true }
            return Day(head.stageEntered, utcOffset: utcOffset) < monthBegan
        }
        return DeferredColumns(firstColumn: shown, test: test)
    }

    /// Whether `state`'s frame shows a column put off (the terminal was not the width it said,
    /// or the board opened elsewhere): the deals put off are then read before it is drawn.
    public func shows(_ state: BoardState) -> Bool {
        state.firstColumn + BoardLayout.visibleColumns(width: state.width, stages: state.stages.count) > firstColumn
    }
}

extension DeferredColumns {
    /// Whether `key` may be answered while the columns put off are being read: it moves within
    /// the column shown, or quits, and reads and changes no deal (a board too small to work
    /// answers only q). Any other key, a resize or the mouse waits for them.
    public static func answers(_ key: KeyPress, before state: BoardState) -> Bool {
        if BoardLayout.isTooSmall(width: state.width, height: state.height) { return true }
        guard state.keyContext == .board, case .board = state.focus else { return false }
        switch KeyTable.action(for: key, in: .board) {
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .quit: return true
        default: return false
        }
    }
}

extension BoardState {
    /// The columns the opening put off, read (`Action.deferredRead`): `all` is the board's deals
    /// with theirs beside (`FunnelStore.loadDeferred(_:into:)`, the board's own kept), read
    /// before any key changed one; the columns built again.
    mutating func takeDeferred(_ all: [String: Deal]) {
        let focusID = selectedDeal?.id
        deals = pipelines.map { $0.entries.count > 1 } == true ? all.filter { belongs($0.value) } : all
        rebuildColumns(keeping: focusID)
    }

    /// The columns built again from scratch, the selection kept on `focusID`.
    mutating func rebuildColumns(keeping focusID: String?) {
        // The old columns go before the new are built: both at once were a fifth more memory.
        index = CardIndex.none
        recompute(keeping: focusID)
    }
}
