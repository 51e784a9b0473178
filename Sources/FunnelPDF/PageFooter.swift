internal import CPangoCairo

/// The footer line at the foot of every page, centred under a thin rule.
enum PageFooter {
    /// `template` with `{page}` and `{pages}` replaced by the numbers.
    static func text(_ template: String, page: Int, pages: Int) -> String {
        template.replacing("{page}", with: String(page)).replacing("{pages}", with: String(pages))
    }

    /// Draws page `page` of `pages`' footer; nothing when the template is empty.
    static func draw(_ template: String, page: Int, pages: Int, in document: DocumentContext) {
        let geometry = document.page
        let text = text(PlainText.paragraph(template), page: page, pages: pages)
        guard !text.allSatisfy(\.isWhitespace) else { return }
        let block = TextBlock(
            text, style: .footer, width: geometry.contentWidth, side: .center,
            maxHeight: 20, in: document)
        let top = geometry.contentBottom + 22
        let cairo = document.cairo
        funnel_lazy_cairo_set_source_rgb()!(cairo, 0.8, 0.8, 0.8)
        funnel_lazy_cairo_set_line_width()!(cairo, 0.4)
        funnel_lazy_cairo_move_to()!(cairo, geometry.marginSide, top - 5)
        funnel_lazy_cairo_line_to()!(cairo, geometry.marginSide + geometry.contentWidth, top - 5)
        funnel_lazy_cairo_stroke()!(cairo)
        block.draw(on: cairo, x: geometry.marginSide, y: top)
    }
}
