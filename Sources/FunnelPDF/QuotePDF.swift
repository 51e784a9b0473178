internal import CPangoCairo

/// Writes a `QuoteLayout` as an A4 PDF typeset by Pango (shaping, bidi, line breaking) and Cairo.
public enum QuotePDF {
    /// The Pango version loaded, for docs and tests; "not installed" when Pango cannot be loaded.
    public static var pangoVersion: String {
        (try? PangoLibrary.require()) == nil ? "not installed" : String(cString: funnel_lazy_pango_version_string()!()!)
    }

    /// The installed font families a quote is set in, in order of preference (Pango takes each
    /// glyph from the first that has it); throws `QuotePDFError.noFont` when none is installed.
    public static func fontFamilies() throws -> [String] {
        try PangoLibrary.require()
        return try QuoteFonts.installed().families
    }

    /// The PDF of `layout`, as the bytes of a whole file.
    ///
    /// Throws `QuotePDFError`: Pango and Cairo not installed, no usable font, an unreadable logo,
    /// or Cairo failing.
    public static func render(_ layout: QuoteLayout) throws -> [UInt8] {
        try PangoLibrary.require()
        return try QuoteTypesetter.render(layout)
    }

    /// Renders `layout` and writes it to `path` all-or-nothing: a temporary file beside it,
    /// flushed, then renamed over `path` (a symlink at `path` is replaced, never followed).
    ///
    /// Throws `QuotePDFError`, `.cannotWrite` when the file cannot be created or written.
    public static func write(_ layout: QuoteLayout, to path: String) throws {
        try PDFFile.write(render(layout), to: path)
    }
}
