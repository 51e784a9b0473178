import Foundation
import FunnelCore

/// The board's pure update: a state and an action give the next state and the effects to run.
/// Every change to a deal is computed by `Funnel.apply`/`create`, the same call the command line uses.
/// News from the world is handled in every focus (`WorldUpdate`); a key goes to the update of
/// the focus (`Focus`): the columns, a carried card, the detail pane or the overlay on top.
public enum BoardUpdate {
    /// Turns a key into an action for the current context, then applies it.
    public static func key(_ key: KeyPress, _ state: inout BoardState) -> [Effect] {
        // A board too small to see is not worked blind: only quitting works.
        if BoardLayout.isTooSmall(width: state.width, height: state.height) {
            return key == .char("q") || key == .ctrl("c") ? [.quit] : []
        }
        guard let action = KeyTable.action(for: key, in: state.keyContext) else {
            // Esc and a key typed fast arrive as Alt plus the key: where Alt means nothing, both count.
            if case .alt(let c) = key { return self.key(.escape, &state) + self.key(.char(c), &state) }
            return []
        }
        return apply(action, &state)
    }

    public static func apply(_ action: Action, _ state: inout BoardState) -> [Effect] {
        if let effects = WorldUpdate.apply(action, &state) { return effects }
        // The archived deals held back are read first when the key needs them (`HeldArchive`).
        if state.needsArchive(action) { return [.readArchive(then: action)] }
        switch state.focus {
        case .board, .pressing: return ColumnsUpdate.apply(action, &state)
        case .carrying(let drag): return CarryUpdate.apply(action, drag, &state)
        case .detail: return DetailUpdate.apply(action, &state)
        case .modal: return ModalUpdate.apply(action, &state)
        }
    }

    /// Runs `body` on the selected card; without one, says there is none.
    static func withSelectedDeal(_ state: inout BoardState, _ body: (Deal, inout BoardState) -> [Effect]) -> [Effect] {
        guard let deal = state.selectedDeal else { return noCard(&state) }
        return body(deal, &state)
    }

    /// Runs `body` when the user is a manager; anyone else sees `refusal` as an error and nothing changes.
    static func requireManager(
        _ refusal: (BoardState) -> String, _ state: inout BoardState, _ body: (inout BoardState) -> [Effect]
    ) -> [Effect] {
        guard state.actor.role == .manager else {
            state.status = StatusMessage(text: refusal(state), isError: true)
            return []
        }
        return body(&state)
    }

    static func noCard(_ state: inout BoardState) -> [Effect] {
        state.status = StatusMessage(text: state.text(.statusNoCard), isError: true)
        return []
    }

    /// Which way ← and → (and Shift with them) go through the stages: as the eye sees, so on a
    /// right-to-left board ← goes to the next stage.
    static func step(_ action: Action, _ state: BoardState) -> Int {
        let towardsLeft = action == .left || action == .moveStageLeft
        return towardsLeft == state.rightToLeft ? 1 : -1
    }
}
