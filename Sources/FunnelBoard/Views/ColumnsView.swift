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
            let x = BoardLayout.columnX(slot: slot, width: state.width, stages: stageCount, rightToLeft: state.rightToLeft)
            if slot > 0 {
                let line = BoardLayout.separatorX(slot: slot, width: state.width, stages: stageCount, rightToLeft: state.rightToLeft)
                for y in 1..<(state.height - 1) { grid.put("│", x: line, y: y, style: CellStyle(.dim)) }
            }
            let cards = CarriedColumn(index: index, state: state)
            let scroll = state.drag?.target == index ? 0 : state.scrolls[index]
            columnHeader(
                state.stages[index], count: cards.count, total: state.index.totals[index] + cards.extraValue,
                weighted: weighted(index, state: state),
                foreign: state.index.foreign[index] > 0, scroll: scroll, selected: index == state.column,
                x: x, width: width, state: state, &grid)
            for slotRow in 0..<visible {
                let row = scroll + slotRow
                guard row < cards.count, let deal = cards.deal(at: row) else { break }
                let dragged = state.drag?.dealID == deal.id
                let selected = !dragged && state.drag == nil && index == state.column && row == state.rows[index]
                CardView.draw(
                    deal, state: state, x: x, y: BoardLayout.cardY(slot: slotRow), width: width,
                    selected: selected, dragged: dragged, &grid)
            }
            let below = cards.count - scroll - visible
            var markers: [String] = []
            // The archived count first: its key, "(z)", is never the part cut off.
            let archived = hiddenArchived(index, state: state)
            if archived > 0 { markers.append(state.text(.columnArchived, count: archived)) }
            if below > 0 { markers.append(state.text(.columnMoreBelow, count: below)) }
            if scroll > 0 { markers.append(state.text(.columnMoreAbove, count: scroll)) }
            if cards.count == 0, archived > 0 {
                grid.put(
                    fitting: " " + state.text(.columnArchived, count: archived), x: x, y: BoardLayout.top, width: width,
                    alignRight: state.rightToLeft, style: CellStyle(.dim))
            } else if !markers.isEmpty {
                grid.put(
                    fitting: markers.joined(separator: " · "), x: x, y: BoardLayout.markerY(height: state.height), width: width,
                    alignRight: state.rightToLeft, style: CellStyle(.dim))
            } else if cards.count == 0 {
                grid.put(
                    fitting: " " + state.text(.columnNoCards), x: x, y: BoardLayout.top, width: width,
                    alignRight: state.rightToLeft, style: CellStyle(.dim))
            }
        }
    }

    /// A column's cards as ids, with a carried card shown in the column it would land in (at
    /// the top) and taken out of the one it came from; only the visible rows are looked up.
    struct CarriedColumn {
        let ids: CardIDs
        /// The row of `ids` the carried card is taken out of, when it was in this column.
        let taken: Int?
        let carried: Deal?
        let state: BoardState
        /// The carried card's value, added to the total of the column it would land in.
        let extraValue: Decimal

        init(index: Int, state: BoardState) {
            self.state = state
            ids = state.columnIDs[index]
            var carried: Deal?
            var taken: Int?
            var extra = Decimal(0)
            if let drag = state.drag, let deal = state.deals[drag.dealID] {
                let value = deal.currency == state.pipeline.defaultCurrency ? (deal.value ?? 0) : 0
                taken = ids.firstIndex(of: drag.dealID)
                if index == drag.target {
                    carried = deal
                    if taken == nil { extra += value }
                } else if taken != nil {
                    extra -= value
                }
            }
            self.taken = taken
            self.carried = carried
            extraValue = extra
        }

        var count: Int { ids.count - (taken == nil ? 0 : 1) + (carried == nil ? 0 : 1) }

        func deal(at row: Int) -> Deal? {
            var row = row
            if carried != nil {
                if row == 0 { return carried }
                row -= 1
            }
            if let taken, row >= taken { row += 1 }
            return row < ids.count ? state.deals[ids[row]] : nil
        }
    }

    /// The column's archived cards kept off it: none while they are shown or a text is searched.
    static func hiddenArchived(_ index: Int, state: BoardState) -> Int {
        guard !state.showArchived, state.filter.isBlank else { return 0 }
        return state.archivedCount(index)
    }

    /// The weighted value shown beside an open column's total: only when a stage of the pipeline
    /// has a probability or a card of the column has its own; a carried card counts with its own
    /// probability, else this column's.
    static func weighted(_ index: Int, state: BoardState) -> Decimal? {
        let stage = state.stages[index]
        let anyOwn = index < state.index.weightedCount.count && state.index.weightedCount[index] > 0
        guard stage.kind == .open, anyOwn || state.pipeline.stages.contains(where: { $0.probability != nil }) else { return nil }
        var sum = state.index.weighted[index]
        if let drag = state.drag, let deal = state.deals[drag.dealID], deal.currency == state.pipeline.defaultCurrency {
            let here = state.columnIDs[index].contains(drag.dealID)
            if index == drag.target, !here { sum += WeightedValue.of(deal, in: stage) ?? 0 }
            if index != drag.target, here { sum -= WeightedValue.of(deal, in: stage) ?? 0 }
        }
        return sum
    }

    static func columnHeader(
        _ stage: Stage, count: Int, total: Decimal, weighted: Decimal?, foreign: Bool, scroll: Int, selected: Bool, x: Int,
        width: Int, state: BoardState, _ grid: inout Grid
    ) {
        let style = CellStyle(selected ? .columnHeaderSelected : .columnHeader, bold: true)
        grid.fill(x: x, y: 1, width: width, height: 2, style: CellStyle(selected ? .columnHeaderSelected : .columnHeader))
        // A column of a stage the pipeline does not have says so, with the stage's id.
        let title = state.pipeline.stage(id: stage.id) == nil ? state.text(.columnStageMissing, ["id": stage.id]) : stage.name
        let name = state.rightToLeft ? title + " " : " " + title
        grid.put(fitting: name, x: x, y: 1, width: width, alignRight: state.rightToLeft, style: style)
        var summary = "\(count)"
        if total > 0 { summary += " · " + Money.display(total, currency: state.pipeline.defaultCurrency) }
        if let weighted, total > 0 {
            // Shown whole or not at all: a cut amount would read as another number.
            let more = state.text(.columnWeighted, ["value": Money.display(weighted, currency: state.pipeline.defaultCurrency)])
            if DisplayWidth.of(summary + more) + (foreign ? 2 : 0) + 1 <= width { summary += more }
        }
        if foreign { summary += " +" }
        summary = state.rightToLeft ? summary + " " : " " + summary
        grid.put(
            fitting: summary, x: x, y: 2, width: width, alignRight: state.rightToLeft,
            style: CellStyle(selected ? .columnHeaderSelected : .columnHeader))
    }
}
