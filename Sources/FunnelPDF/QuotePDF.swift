import CPangoCairo

/// Writes a `QuoteLayout` as an A4 PDF.
public enum QuotePDF {
    /// The Pango version linked, for `funnel version` and docs.
    public static var pangoVersion: String { String(cString: pango_version_string()) }
}
