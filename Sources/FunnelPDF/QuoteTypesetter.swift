internal import CPangoCairo

/// Lays a quote out on A4 pages and draws it: first every block is shaped and the flow broken
/// into pages, so the page count is known when each page and its footer are drawn.
enum QuoteTypesetter {
    /// The PDF of `layout` as bytes.
    static func render(_ layout: QuoteLayout) throws -> [UInt8] {
        let fonts = try QuoteFonts.installed()
        let logo = try layout.logoPath.map {
            try LogoImage(path: $0, maxWidth: QuoteHeader.logoMaxWidth, maxHeight: QuoteHeader.logoMaxHeight)
        }
        let page = PageGeometry(rightToLeft: layout.rightToLeft)
        let sink = PDFByteSink()
        guard let surface = sink.makeSurface(width: page.width, height: page.height) else {
            throw QuotePDFError.renderingFailed(reason: "out of memory")
        }
        // Destroying an unfinished surface finishes it, writing into the sink: keep the sink alive.
        defer { withExtendedLifetime(sink) { funnel_lazy_cairo_surface_destroy()!(surface) } }
        try check(funnel_lazy_cairo_surface_status()!(surface))
        funnel_lazy_cairo_pdf_surface_set_metadata()!(surface, CAIRO_PDF_METADATA_TITLE, PlainText.paragraph(layout.title))
        funnel_lazy_cairo_pdf_surface_set_metadata()!(surface, CAIRO_PDF_METADATA_CREATOR, "funnel")
        guard let cairo = funnel_lazy_cairo_create()!(surface) else { throw QuotePDFError.renderingFailed(reason: "out of memory") }
        defer { funnel_lazy_cairo_destroy()!(cairo) }
        let document = DocumentContext(cairo: cairo, fonts: fonts, page: page, language: layout.language)
        let pages = PageFlow.paginate(
            flow(layout, logo: logo, in: document),
            top: page.contentTop, bottom: page.contentBottom)
        for (index, placed) in pages.enumerated() {
            for item in placed { item.drawable.draw(item.top) }
            PageFooter.draw(layout.pageFooter, page: index + 1, pages: pages.count, in: document)
            funnel_lazy_cairo_show_page()!(cairo)
        }
        try check(funnel_lazy_cairo_status()!(cairo))
        funnel_lazy_cairo_surface_finish()!(surface)
        try check(funnel_lazy_cairo_surface_status()!(surface))
        return sink.bytes
    }

    /// The page's content in reading order.
    static func flow(_ layout: QuoteLayout, logo: LogoImage?, in document: DocumentContext) -> [FlowItem] {
        var items = QuoteHeader.logoAndSeller(layout, logo: logo, in: document)
        items.append(.space(18))
        items += QuoteHeader.title(layout.title, in: document)
        items.append(.space(10))
        items += QuoteHeader.facts(layout.facts, in: document)
        items.append(.space(14))
        items += ParagraphFlow.items(layout.intro, style: .body, gap: 6, in: document)
        items.append(.space(14))
        items += LinesTable.items(layout, in: document)
        items += TotalsBlock.items(layout, in: document)
        items.append(.space(18))
        items += ParagraphFlow.items(layout.closing, style: .body, gap: 6, in: document)
        return items
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw QuotePDFError.renderingFailed(reason: String(cString: funnel_lazy_cairo_status_to_string()!(status)!))
        }
    }
}
