internal import CPangoCairo

/// What every part of one quote is laid out and drawn with: the Cairo context on the PDF
/// surface, the fonts, the page, and the language that drives shaping and line breaking.
final class DocumentContext {
    let cairo: OpaquePointer
    let fonts: QuoteFonts
    let page: PageGeometry
    private let language: OpaquePointer?

    init(cairo: OpaquePointer, fonts: QuoteFonts, page: PageGeometry, language: String) {
        self.cairo = cairo
        self.fonts = fonts
        self.page = page
        let tag = PlainText.paragraph(language).filter { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }
        self.language = funnel_lazy_pango_language_from_string()!(tag.isEmpty ? "en" : tag)
    }

    /// Sets a layout's own Pango context to the quote's language and a paragraph's direction,
    /// with glyph positions unrounded: a PDF point is too coarse a grid (rounded advances make
    /// uneven letter spacing, and text extractors then split words at the gaps).
    func configure(_ context: OpaquePointer?, rightToLeft: Bool) {
        guard let context else { return }
        funnel_lazy_pango_context_set_round_glyph_positions()!(context, 0)
        funnel_lazy_pango_context_set_base_dir()!(context, rightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
        funnel_lazy_pango_context_set_language()!(context, language)
    }
}
