import Foundation
import FunnelCore

/// Moving a card by carrying it: with the keyboard (Space, ←/→, Space; Esc puts it back) or by
/// pressing it with the mouse and releasing it over another column.
enum CarryUpdate {
    /// Keys while a card is carried.
    static func apply(_ action: Action, _ drag: Drag, _ state: inout BoardState) -> [Effect] {
        var drag = drag
        switch action {
        case .left, .right: drag.target = max(0, min(state.stages.count - 1, drag.target + BoardUpdate.step(action, state)))
        case .drop, .pickUpOrDrop, .submit:
            state.focus = .board
            state.status = nil
            if drag.target == drag.origin { return [] }
            return MoveFlow.attempt(drag.dealID, to: state.stages[drag.target].id, extras: MoveExtras(), &state)
        case .cancel:
            state.focus = .board
            state.status = StatusMessage(text: state.text(.statusPutBack), isError: false)
            state.clampScroll()
            return []
        default:
            return []
        }
        state.focus = .carrying(drag)
        state.clampScroll()
        return []
    }

    /// A press on the columns selects the column, and the card under it, which is then held.
    static func mousePress(x: Int, y: Int, _ state: inout BoardState) -> [Effect] {
        switch state.focus {
        case .board, .pressing: break
        case .carrying, .detail, .modal: return []
        }
        guard
            let hit = BoardLayout.hit(
                x: x, y: y, width: state.width, height: state.height, stages: state.stages.count,
                rightToLeft: state.rightToLeft)
        else { return [] }
        let column = state.firstColumn + hit.column
        guard state.stages.indices.contains(column) else { return [] }
        state.column = column
        if let card = hit.card {
            let row = state.scrolls[column] + card
            if let deal = state.deal(column: column, row: row) {
                state.rows[column] = row
                state.focus = .pressing(dealID: deal.id)
            }
        }
        state.clampScroll()
        return []
    }

    /// A release over another column than the held card's moves it there.
    static func mouseRelease(x: Int, y: Int, _ state: inout BoardState) -> [Effect] {
        guard let dealID = state.mouseDrag else { return [] }
        state.focus = .board
        guard let deal = state.deals[dealID],
            let hit = BoardLayout.hit(
                x: x, y: y, width: state.width, height: state.height, stages: state.stages.count,
                rightToLeft: state.rightToLeft)
        else { return [] }
        let column = state.firstColumn + hit.column
        guard state.stages.indices.contains(column), state.stages[column].id != deal.stage else { return [] }
        return MoveFlow.attempt(dealID, to: state.stages[column].id, extras: MoveExtras(), &state)
    }
}
