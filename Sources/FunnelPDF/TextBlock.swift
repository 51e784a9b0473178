internal import CPangoCairo

/// Plain text shaped by Pango at a fixed width (bidi, Arabic joining and line breaking done by
/// Pango and HarfBuzz), drawn line by line so a paragraph can continue on the next page.
final class TextBlock {
    /// One laid-out line: its top, bottom and baseline in points from the block's top.
    struct Line {
        let top: Double
        let bottom: Double
        let baseline: Double
    }

    private let layout: OpaquePointer
    private let grey: Double
    /// The box width the text wraps at.
    let width: Double
    /// The edge every line hugs.
    let side: HorizontalSide
    let lines: [Line]

    /// Height of all lines.
    var height: Double { lines.last?.bottom ?? 0 }

    /// Lays out `text` (untrusted, cleaned here, one paragraph) in `style`, in the direction
    /// `ParagraphDirection` gives it. With `maxHeight`, lines beyond it are dropped and the last
    /// shown one ends in an ellipsis.
    init(
        _ text: String, style: TextStyle, width: Double, side: HorizontalSide,
        maxHeight: Double? = nil, in document: DocumentContext
    ) {
        let clean = PlainText.paragraph(text)
        layout = funnel_lazy_pango_cairo_create_layout()!(document.cairo)!
        grey = style.grey
        self.width = max(width, 1)
        self.side = side
        document.configure(
            funnel_lazy_pango_layout_get_context()!(layout),
            rightToLeft: ParagraphDirection.isRightToLeft(clean, pageRightToLeft: document.page.rightToLeft))
        funnel_lazy_pango_layout_set_auto_dir()!(layout, 0)
        funnel_lazy_pango_layout_context_changed()!(layout)
        let font = style.fontDescription(document.fonts)
        funnel_lazy_pango_layout_set_font_description()!(layout, font)
        funnel_lazy_pango_font_description_free()!(font)
        funnel_lazy_pango_layout_set_width()!(layout, Int32(self.width * Double(PANGO_SCALE)))
        funnel_lazy_pango_layout_set_wrap()!(layout, PANGO_WRAP_WORD_CHAR)
        if let maxHeight {
            funnel_lazy_pango_layout_set_height()!(layout, Int32(max(maxHeight, 1) * Double(PANGO_SCALE)))
            funnel_lazy_pango_layout_set_ellipsize()!(layout, PANGO_ELLIPSIZE_END)
        }
        funnel_lazy_pango_layout_set_text()!(layout, clean, -1)
        lines = TextBlock.measure(layout)
    }

    deinit { funnel_lazy_g_object_unref()!(UnsafeMutableRawPointer(layout)) }

    /// Draws `range` of the lines with the first one's top at `y`, in the box starting at `x`.
    func draw(lines range: Range<Int>, on cairo: OpaquePointer, x: Double, y: Double) {
        guard let first = range.first, range.upperBound <= lines.count else { return }
        funnel_lazy_cairo_set_source_rgb()!(cairo, grey, grey, grey)
        let scale = Double(PANGO_SCALE)
        for index in range {
            guard let line = funnel_lazy_pango_layout_get_line_readonly()!(layout, Int32(index)) else { continue }
            var logical = PangoRectangle()
            funnel_lazy_pango_layout_line_get_extents()!(line, nil, &logical)
            let lineWidth = Double(logical.width) / scale
            let offset: Double
            switch side {
            case .left: offset = 0
            case .right: offset = width - lineWidth
            case .center: offset = (width - lineWidth) / 2
            }
            funnel_lazy_cairo_move_to()!(
                cairo, x + offset - Double(logical.x) / scale,
                y + lines[index].baseline - lines[first].top)
            funnel_lazy_pango_cairo_show_layout_line()!(cairo, line)
        }
    }

    /// Draws every line with the block's top at `y`.
    func draw(on cairo: OpaquePointer, x: Double, y: Double) {
        draw(lines: 0..<lines.count, on: cairo, x: x, y: y)
    }

    private static func measure(_ layout: OpaquePointer) -> [Line] {
        guard let iter = funnel_lazy_pango_layout_get_iter()!(layout) else { return [] }
        defer { funnel_lazy_pango_layout_iter_free()!(iter) }
        let scale = Double(PANGO_SCALE)
        var lines: [Line] = []
        repeat {
            var top: Int32 = 0
            var bottom: Int32 = 0
            funnel_lazy_pango_layout_iter_get_line_yrange()!(iter, &top, &bottom)
            let baseline = funnel_lazy_pango_layout_iter_get_baseline()!(iter)
            lines.append(
                Line(
                    top: Double(top) / scale, bottom: Double(bottom) / scale,
                    baseline: Double(baseline) / scale))
        } while funnel_lazy_pango_layout_iter_next_line()!(iter) != 0
        return lines
    }
}
