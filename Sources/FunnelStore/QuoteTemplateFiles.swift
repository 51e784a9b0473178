import Foundation
import FunnelCore

/// The quote templates of R19 in the data directory: `templates/quote/LANG.txt` (he, ar, en),
/// read like every template (`TemplateFiles`); the text is handed to `QuoteTemplate.parse`.
extension FunnelStore {
    /// `templates/quote` under the data directory.
    public var quoteTemplateDirectory: String { templateDirectory("quote") }

    /// Writes `templates` as `LANG.txt`, keeping any file already there (`funnel init`).
    public func writeQuoteTemplates(_ templates: [QuoteTemplate]) throws {
        try writeTemplateFiles(templates.map { ($0.language.rawValue, $0.fileText) }, kind: "quote")
    }

    /// The text of the template for `language`, or nil when there is no file.
    public func readQuoteTemplate(_ language: Language) throws -> String? {
        try readTemplateFile(language.rawValue, kind: "quote", limit: QuoteTemplate.maximumBytes)
    }
}
