import Foundation
import FunnelCore

/// What takes the keys, as one value (taskell's `Mode`): the columns, a carried card, the detail
/// pane, or an overlay on top of one of them. A combination that cannot happen cannot be written.
public enum Focus: Hashable, Sendable {
    /// The columns: move, select, act on the selected card.
    case board
    /// A card carried with the keyboard (Space, ←/→, Space).
    case carrying(Drag)
    /// A card pressed with the mouse (by id): released over another column, it moves there.
    case pressing(dealID: String)
    /// The detail pane of one deal.
    case detail(DetailState)
    /// An overlay taking the keys; `over`: the detail pane it goes back to when closed (nil: the board).
    case modal(Modal, over: DetailState?)
}

extension BoardState {
    /// The overlay on top, if any.
    public var modal: Modal? {
        if case .modal(let modal, _) = focus { return modal }
        return nil
    }

    /// The detail pane, shown alone or under an overlay.
    public var detail: DetailState? {
        switch focus {
        case .detail(let detail): return detail
        case .modal(_, let over): return over
        case .board, .carrying, .pressing: return nil
        }
    }

    /// The card carried with the keyboard, if one is.
    public var drag: Drag? {
        if case .carrying(let drag) = focus { return drag }
        return nil
    }

    /// The card pressed with the mouse, if one is.
    public var mouseDrag: String? {
        if case .pressing(let id) = focus { return id }
        return nil
    }

    /// Puts an overlay on top (over the detail pane when one is open), replacing any other overlay.
    public mutating func open(_ modal: Modal) {
        focus = .modal(modal, over: detail)
    }

    /// Closes the overlay: back to the detail pane under it, or the board.
    public mutating func closeModal() {
        guard case .modal(_, let over) = focus else { return }
        focus = over.map(Focus.detail) ?? .board
    }

    /// Opens a deal's detail pane (closing any overlay).
    public mutating func openDetail(_ detail: DetailState) {
        focus = .detail(detail)
    }

    /// Closes the detail pane; an overlay on top of it stays, over the board.
    public mutating func closeDetail() {
        switch focus {
        case .detail: focus = .board
        case .modal(let modal, _): focus = .modal(modal, over: nil)
        case .board, .carrying, .pressing: break
        }
    }

    /// Keeps the detail pane's new field and scroll, if it is still open (under an overlay or not).
    mutating func updateDetail(_ detail: DetailState) {
        switch focus {
        case .detail: focus = .detail(detail)
        case .modal(let modal, .some): focus = .modal(modal, over: detail)
        case .board, .carrying, .pressing, .modal(_, nil): break
        }
    }
}
