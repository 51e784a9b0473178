/// A quote as the PDF shows it: every text already formatted and translated, in logical order.
///
/// The domain builds this from an issued quote and its template; `FunnelPDF` only typesets it
/// (Pango shapes and orders the text, Cairo writes the pages). Nothing here knows about deals.
public struct QuoteLayout: Sendable, Hashable {
    /// Right-to-left page (Hebrew, Arabic): columns, blocks and alignment mirror.
    public var rightToLeft: Bool
    /// BCP 47 language tag for shaping and line breaking: "he", "ar", "en".
    public var language: String
    /// The big heading, e.g. "Quote Q-2026-0001".
    public var title: String
    /// The seller's company block (name, address, tax id…), one entry per line.
    public var seller: [String]
    /// Path of a PNG logo drawn at the top, or nil.
    public var logoPath: String?
    /// Label/value pairs under the heading: number, date, valid until, customer, contact.
    public var facts: [LabeledValue]
    /// Paragraphs before the table (the greeting).
    public var intro: [String]
    /// The table's column headings, in logical order (first column is the start side).
    public var columns: [QuoteColumn]
    /// The table rows; each row has one cell per column. The table breaks across pages and
    /// repeats its headings on each page.
    public var rows: [[String]]
    /// Subtotal, VAT, total: label/value pairs under the table, the last one emphasised.
    public var totals: [LabeledValue]
    /// Paragraphs after the totals: payment terms and installments, terms, signature.
    public var closing: [String]
    /// Each page's footer, with `{page}` and `{pages}` filled in by the typesetter,
    /// e.g. "Q-2026-0001 · Page {page} of {pages}".
    public var pageFooter: String

    public init(
        rightToLeft: Bool, language: String, title: String, seller: [String], logoPath: String?,
        facts: [LabeledValue], intro: [String], columns: [QuoteColumn], rows: [[String]],
        totals: [LabeledValue], closing: [String], pageFooter: String
    ) {
        self.rightToLeft = rightToLeft
        self.language = language
        self.title = title
        self.seller = seller
        self.logoPath = logoPath
        self.facts = facts
        self.intro = intro
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.closing = closing
        self.pageFooter = pageFooter
    }
}

/// A label and its value, e.g. ("Valid until", "29 Dec 2026").
public struct LabeledValue: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// One column of the lines table: its heading, its share of the width, and whether it holds
/// numbers (aligned to the end side, digits in reading order).
public struct QuoteColumn: Sendable, Hashable {
    public var heading: String
    /// Relative width; the table's widths are these shares of the text width.
    public var weight: Double
    public var numeric: Bool

    public init(heading: String, weight: Double, numeric: Bool) {
        self.heading = heading
        self.weight = weight
        self.numeric = numeric
    }
}
