internal import CPangoCairo

/// The totals under the table, on the end side: each label beside its value (value in the
/// width of the table's last column), the last total bold under a rule. Kept together.
enum TotalsBlock {
    static func items(_ layout: QuoteLayout, in document: DocumentContext) -> [FlowItem] {
        guard !layout.totals.isEmpty else { return [] }
        let page = document.page
        let geometry = TableGeometry(layout.columns, page: page)
        let lastColumn = geometry.columns.last?.width ?? 0
        let valueWidth = max(lastColumn, page.contentWidth * 0.25) - 2 * TableGeometry.padding
        let labelWidth = page.contentWidth * 0.3
        let valueOffset = page.contentWidth - valueWidth - TableGeometry.padding
        let valueX = page.x(startOffset: valueOffset, width: valueWidth)
        let labelX = page.x(startOffset: valueOffset - labelWidth - 12, width: labelWidth)
        var rows: [(label: TextBlock, value: TextBlock, baseline: SharedBaseline)] = []
        for (index, total) in layout.totals.enumerated() {
            let style: TextStyle = index == layout.totals.count - 1 ? .grandTotal : .total
            let label = TextBlock(
                total.label, style: style, width: labelWidth, side: page.endSide,
                maxHeight: 60, in: document)
            let value = TextBlock(
                total.value, style: style, width: valueWidth, side: page.endSide,
                maxHeight: 60, in: document)
            rows.append((label, value, SharedBaseline([label, value])))
        }
        let ruleGap = 4.0
        let height = rows.reduce(ruleGap) { $0 + $1.baseline.height + 4 }
        let cairo = document.cairo
        return [
            .space(6),
            .block(
                Drawable(height: height) { top in
                    var y = top
                    for (index, row) in rows.enumerated() {
                        if index == rows.count - 1 {
                            funnel_lazy_cairo_set_source_rgb()!(cairo, 0.3, 0.3, 0.3)
                            funnel_lazy_cairo_set_line_width()!(cairo, 0.8)
                            funnel_lazy_cairo_move_to()!(cairo, min(labelX, valueX), y + 1)
                            funnel_lazy_cairo_line_to()!(cairo, max(labelX + labelWidth, valueX + valueWidth), y + 1)
                            funnel_lazy_cairo_stroke()!(cairo)
                            y += ruleGap
                        }
                        row.label.draw(on: cairo, x: labelX, y: y + 2 + row.baseline.offsets[0])
                        row.value.draw(on: cairo, x: valueX, y: y + 2 + row.baseline.offsets[1])
                        y += row.baseline.height + 4
                    }
                }),
        ]
    }
}
