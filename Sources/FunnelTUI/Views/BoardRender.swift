import Foundation
import FunnelCore
import FunnelText

/// Draws a board state at its size into a grid. Pure: the same state gives the same grid.
public enum BoardRender {
    public static func render(_ state: BoardState) -> Grid {
        var grid = Grid(width: state.width, height: state.height, display: state.display)
        if BoardLayout.isTooSmall(width: state.width, height: state.height) {
            let lines = ["Terminal too small", "need \(BoardLayout.minWidth)×\(BoardLayout.minHeight)",
                         "have \(state.width)×\(state.height)"]
            for (i, line) in lines.enumerated() where i < state.height {
                grid.put(fitting: line, x: 0, y: i, width: state.width, style: CellStyle(.warning, bold: i == 0))
            }
            return grid
        }
        header(state, &grid)
        ColumnsView.draw(state, &grid)
        statusLine(state, &grid)
        if let detail = state.detail, let deal = state.deals[detail.dealID] {
            DetailView.draw(deal, detail: detail, state: state, &grid)
        }
        if let modal = state.modal { ModalView.draw(modal, state: state, &grid) }
        return grid
    }

    static func header(_ state: BoardState, _ grid: inout Grid) {
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: CellStyle(.header))
        var parts = ["funnel", state.pipeline.name, "\(state.actor.name) (\(state.actor.role.rawValue))"]
        switch state.scope {
        case .mine: parts.append("my deals")
        case .everyone: parts.append("all sellers")
        case .seller(let account): parts.append("seller: " + (state.funnel.team.user(account)?.name ?? account))
        }
        if !state.filter.isEmpty { parts.append("filter “\(state.filter)”") }
        parts.append("sort: \(state.sort.rawValue)")
        let shown = BoardLayout.visibleColumns(width: state.width, stages: state.stages.count)
        let hiddenLeft = state.firstColumn
        let hiddenRight = max(0, state.stages.count - state.firstColumn - shown)
        var right = ""
        if hiddenLeft > 0 || hiddenRight > 0 {
            right = (hiddenLeft > 0 ? "◀ \(hiddenLeft) more" : "") + (hiddenLeft > 0 && hiddenRight > 0 ? " · " : "")
                + (hiddenRight > 0 ? "\(hiddenRight) more ▶" : "")
        }
        let rightWidth = DisplayWidth.of(right)
        grid.put(fitting: " " + parts.joined(separator: " · "), x: 0, y: 0, width: max(0, state.width - rightWidth - 1),
                 style: CellStyle(.header, bold: true))
        if rightWidth > 0 { grid.put(right, x: state.width - rightWidth - 1, y: 0, style: CellStyle(.header)) }
    }

    static func statusLine(_ state: BoardState, _ grid: inout Grid) {
        let y = state.height - 1
        if let status = state.status {
            grid.fill(x: 0, y: y, width: state.width, height: 1, style: CellStyle(status.isError ? .statusError : .status))
            // The interface's message reads left to right even when a quoted title is Hebrew.
            grid.put(fitting: " " + status.text, x: 0, y: y, width: state.width,
                     style: CellStyle(status.isError ? .statusError : .status, bold: status.isError), direction: .leftToRight)
            return
        }
        grid.fill(x: 0, y: y, width: state.width, height: 1, style: CellStyle(.status))
        let hints = " " + KeyHints.line(for: state.keyContext, inbox: state.inInbox,
                                           stuck: state.keyContext == .board && state.selectedIsStuck, width: state.width - 2)
        grid.put(fitting: hints, x: 0, y: y, width: state.width, style: CellStyle(.status))
    }
}
