import Foundation
import FunnelCore
import FunnelText

/// The quote being prepared (R19): the deal's lines and totals, the filter, the issue row and
/// the products on sale to add.
enum QuoteView {
    static func draw(_ builder: QuoteBuilder, state: BoardState, _ grid: inout Grid) {
        guard let deal = state.deals[builder.dealID] else { return }
        let shown = builder.shown
        let lineRows = min(deal.quoteLines.count, 6)
        let listRows = max(3, min(shown.count + 1, state.height - lineRows - 12))
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 76, height: lineRows + listRows + 7)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: state.text(.quoteBoardTitle, ["title": deal.title]))
        let width = rect.width - 2
        var y = rect.y + 1
        for line in deal.quoteLines.suffix(lineRows) {
            let text = "  \(DecimalText.short(line.quantity)) × \(line.text)"
            put(
                text, right: Money.display(line.total, currency: deal.currency), x: rect.x + 1, y: y, width: width,
                style: CellStyle(.overlay), state: state, &grid)
            y += 1
        }
        grid.put(
            fitting: " " + QuoteFlow.preview(deal, state: state), x: rect.x + 1, y: y, width: width,
            alignRight: state.rightToLeft, style: CellStyle(.overlay, bold: true))
        y += 2
        grid.put(fitting: " " + state.text(.quoteFilterLabel), x: rect.x + 1, y: y, width: 20, style: CellStyle(.dim))
        ModalView.inputLine(builder.filter, x: rect.x + 21, y: y, width: width - 21, &grid)
        y += 1
        let rows = [state.text(.quoteIssueRow)] + (shown.isEmpty ? [] : shown.map { "\($0.code)  \($0.name)" })
        let top = max(0, min(builder.selected - listRows + 1, rows.count - listRows))
        for row in 0..<listRows {
            let index = top + row
            guard rows.indices.contains(index) else { break }
            let selected = index == builder.selected
            let price = index == 0 ? "" : Money.display(shown[index - 1].price, currency: shown[index - 1].currency)
            put(
                (selected ? " ▸ " : "   ") + rows[index], right: price, x: rect.x + 1, y: y + row, width: width,
                style: CellStyle(selected ? .selection : .overlay, bold: selected || index == 0), state: state, &grid)
        }
        if shown.isEmpty {
            grid.put(fitting: "   " + state.text(.quoteNoProducts), x: rect.x + 1, y: y + 1, width: width, style: CellStyle(.dim))
        }
        grid.put(
            fitting: " " + KeyHints.line(for: .quote, inbox: false, width: width - 2, language: state.language),
            x: rect.x + 1, y: rect.y + rect.height - 2, width: width, style: CellStyle(.dim))
    }

    /// A row with `left` at the start and `right` (an amount) at the end, mirrored right to left.
    static func put(
        _ left: String, right: String, x: Int, y: Int, width: Int, style: CellStyle, state: BoardState,
        _ grid: inout Grid
    ) {
        grid.fill(x: x, y: y, width: width, height: 1, style: style)
        let amountWidth = min(DisplayWidth.of(right) + 1, width / 3)
        if state.rightToLeft {
            grid.put(
                fitting: left.trimmingCharacters(in: .whitespaces) + " ", x: x + amountWidth, y: y, width: width - amountWidth,
                alignRight: true, style: style)
            grid.put(fitting: " " + right, x: x, y: y, width: amountWidth, style: style)
        } else {
            grid.put(fitting: left, x: x, y: y, width: width - amountWidth, style: style)
            grid.put(fitting: right, x: x + width - amountWidth, y: y, width: amountWidth, alignRight: true, style: style)
        }
    }
}
