internal import CPangoCairo

/// The table of quote lines as flow items: a shaded heading row repeated on every page the table
/// reaches, then one row per line, each cell wrapping within its column, numbers on the end side.
enum LinesTable {
    static let verticalPadding = 3.5

    /// The rows as `.tableRow` items; only the heading when there are no rows; nothing without columns.
    static func items(_ layout: QuoteLayout, in document: DocumentContext) -> [FlowItem] {
        guard !layout.columns.isEmpty else { return [] }
        let geometry = TableGeometry(layout.columns, page: document.page)
        let heading = row(
            layout.columns.map(\.heading), style: .tableHeading, shaded: true,
            maxCellHeight: 60, layout: layout, geometry: geometry, in: document)
        let page = document.page
        let maxCellHeight = page.contentBottom - page.contentTop - heading.height - 2 * verticalPadding - 2
        guard !layout.rows.isEmpty else { return [.block(heading)] }
        return layout.rows.map { cells in
            .tableRow(
                row(
                    cells, style: .tableCell, shaded: false, maxCellHeight: maxCellHeight,
                    layout: layout, geometry: geometry, in: document), heading: heading)
        }
    }

    /// One row: a cell per column (missing cells empty, extra cells ignored) and a rule beneath.
    private static func row(
        _ cells: [String], style: TextStyle, shaded: Bool, maxCellHeight: Double,
        layout: QuoteLayout, geometry: TableGeometry, in document: DocumentContext
    ) -> Drawable {
        let page = document.page
        let blocks = layout.columns.indices.map { index in
            TextBlock(
                index < cells.count ? cells[index] : "", style: style, width: geometry.textBox(index).width,
                side: layout.columns[index].numeric ? page.endSide : page.startSide,
                maxHeight: maxCellHeight, in: document)
        }
        let baseline = SharedBaseline(blocks)
        let height = baseline.height + 2 * verticalPadding
        let cairo = document.cairo
        return Drawable(height: height) { top in
            if shaded {
                funnel_lazy_cairo_set_source_rgb()!(cairo, 0.92, 0.93, 0.95)
                funnel_lazy_cairo_rectangle()!(cairo, page.marginSide, top, page.contentWidth, height)
                funnel_lazy_cairo_fill()!(cairo)
            }
            for (index, block) in blocks.enumerated() {
                block.draw(on: cairo, x: geometry.textBox(index).x, y: top + verticalPadding + baseline.offsets[index])
            }
            funnel_lazy_cairo_set_source_rgb()!(cairo, 0.78, 0.8, 0.83)
            funnel_lazy_cairo_set_line_width()!(cairo, shaded ? 0.8 : 0.4)
            funnel_lazy_cairo_move_to()!(cairo, page.marginSide, top + height)
            funnel_lazy_cairo_line_to()!(cairo, page.marginSide + page.contentWidth, top + height)
            funnel_lazy_cairo_stroke()!(cairo)
        }
    }
}
