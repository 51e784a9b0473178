import Foundation

/// A quote template (R19), one per language in the data directory (`templates/quote/LANG.txt`):
/// plain text in sections, each started by a line `[name]`. Lines starting with `#` are
/// comments. Placeholders `{name}` are filled from the deal and the quote; an unknown one is
/// refused, naming it. The words of the table and sums come from the catalogue in the
/// template's language.
///
///     [company]     the seller's block, one line each (name, address, tax id…)
///     [logo]        a PNG's path (absolute, or relative to the data directory); optional
///     [greeting]    paragraphs before the lines
///     [terms]       paragraphs after the sums
///     [signature]   the closing lines
public struct QuoteTemplate: Sendable, Hashable {
    /// The sections a template may have.
    public enum Section: String, CaseIterable, Sendable {
        case company, logo, greeting, terms, signature
    }

    /// The placeholders a template may use, each written `{name}`.
    public static let placeholders = [
        "number", "date", "valid_until", "title", "customer", "company", "contact", "rep", "rep_email",
        "subtotal", "vat", "total", "currency", "installments", "installment", "payment_method",
    ]
    /// The largest template file read, in bytes.
    public static let maximumBytes = 64 * 1024

    public var language: Language
    /// Each section's text, lines joined with "\n", outer blank lines trimmed.
    public var sections: [Section: String]

    public init(language: Language, sections: [Section: String]) {
        self.language = language
        self.sections = sections
    }

    /// The text of `section` ("" when absent).
    public func text(_ section: Section) -> String { sections[section] ?? "" }

    /// Reads a template's text; refuses an unknown section or placeholder, naming it.
    public static func parse(language: Language, text: String) -> Result<QuoteTemplate, Refusal> {
        let code = language.rawValue
        guard text.utf8.count <= maximumBytes else { return .failure(Refusal(.quoteTemplateTooLong(language: code, limit: maximumBytes))) }
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        var collected: [Section: [String]] = [:]
        var current: Section?
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("#") { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count > 2 {
                let name = String(trimmed.dropFirst().dropLast())
                guard let section = Section(rawValue: name.lowercased()) else {
                    return .failure(Refusal(.quoteTemplateUnknownSection(language: code, section: name)))
                }
                current = section
                continue
            }
            guard let current else { continue }
            collected[current, default: []].append(line)
        }
        var sections: [Section: String] = [:]
        for (section, lines) in collected {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
            if let unknown = MailTemplate.placeholderNames(in: text).first(where: { !placeholders.contains($0) }) {
                return .failure(Refusal(.quoteTemplateUnknownPlaceholder(language: code, placeholder: unknown)))
            }
            if !text.isEmpty { sections[section] = text }
        }
        return .success(QuoteTemplate(language: language, sections: sections))
    }

    /// `text` with every known placeholder replaced by its value.
    public static func fill(_ text: String, values: [String: String]) -> String {
        var out = text
        for name in placeholders { out = out.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "") }
        return out
    }

    /// The text as a file holds it.
    public var fileText: String {
        var parts = ["# funnel quote template (\(language.rawValue)): see docs/quotes.md for the sections and {placeholders}."]
        for section in Section.allCases {
            parts.append("[\(section.rawValue)]\n" + text(section) + "\n")
        }
        return parts.joined(separator: "\n")
    }
}
