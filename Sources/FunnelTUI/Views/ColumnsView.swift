import Foundation
import FunnelCore
import FunnelText

/// The stage columns with their headers, cards and "more" markers.
enum ColumnsView {
    static func draw(_ state: BoardState, _ grid: inout Grid) {
        let stageCount = state.stages.count
        let shown = BoardLayout.visibleColumns(width: state.width, stages: stageCount)
        let width = BoardLayout.columnWidth(width: state.width, stages: stageCount)
        let visible = state.visibleCards
        for slot in 0..<shown {
            let index = state.firstColumn + slot
            guard state.stages.indices.contains(index) else { break }
            let x = BoardLayout.columnX(slot: slot, width: state.width, stages: stageCount)
            if slot > 0 {
                for y in 1..<(state.height - 1) { grid.put("│", x: x - 1, y: y, style: CellStyle(.dim)) }
            }
            let cards = cardsShown(in: index, state)
            let scroll = state.drag?.target == index ? 0 : state.scrolls[index]
            columnHeader(state.stages[index], cards: cards, scroll: scroll, selected: index == state.column,
                         x: x, width: width, state: state, &grid)
            for slotRow in 0..<visible {
                let row = scroll + slotRow
                guard cards.indices.contains(row) else { break }
                let deal = cards[row]
                let dragged = state.drag?.dealID == deal.id
                let selected = !dragged && state.drag == nil && index == state.column && row == state.rows[index]
                CardView.draw(deal, state: state, x: x, y: BoardLayout.cardY(slot: slotRow), width: width,
                              selected: selected, dragged: dragged, &grid)
            }
            let below = cards.count - scroll - visible
            var markers: [String] = []
            if below > 0 { markers.append("↓ \(below) more") }
            if scroll > 0 { markers.append("↑ \(scroll) above") }
            if !markers.isEmpty {
                grid.put(fitting: markers.joined(separator: " · "), x: x, y: BoardLayout.markerY(height: state.height), width: width,
                         style: CellStyle(.dim))
            } else if cards.isEmpty {
                grid.put(fitting: " (no cards)", x: x, y: BoardLayout.top, width: width, style: CellStyle(.dim))
            }
        }
    }

    /// A column's cards, with a carried card shown in the column it would land in (at the top).
    static func cardsShown(in index: Int, _ state: BoardState) -> [Deal] {
        guard let drag = state.drag, let deal = state.deals[drag.dealID] else { return state.columns[index] }
        var cards = state.columns[index].filter { $0.id != drag.dealID }
        if index == drag.target { cards.insert(deal, at: 0) }
        return cards
    }

    static func columnHeader(_ stage: Stage, cards: [Deal], scroll: Int, selected: Bool, x: Int, width: Int,
                             state: BoardState, _ grid: inout Grid) {
        let style = CellStyle(selected ? .columnHeaderSelected : .columnHeader, bold: true)
        grid.fill(x: x, y: 1, width: width, height: 2, style: CellStyle(selected ? .columnHeaderSelected : .columnHeader))
        grid.put(fitting: " " + stage.name, x: x, y: 1, width: width, style: style)
        var summary = " \(cards.count)"
        let currency = state.pipeline.defaultCurrency
        let total = cards.reduce(Decimal(0)) { $0 + ($1.currency == currency ? ($1.value ?? 0) : 0) }
        if total > 0 { summary += " · " + Money.display(total, currency: currency) }
        if cards.contains(where: { $0.currency != currency && $0.value != nil }) { summary += " +" }
        grid.put(fitting: summary, x: x, y: 2, width: width, style: CellStyle(selected ? .columnHeaderSelected : .columnHeader))
    }
}
