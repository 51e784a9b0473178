import Foundation

/// An email template (R11): a `Subject:` line, then the body, with placeholders for the deal's
/// contact, company and title and the sending rep. Templates live in the data directory as
/// `templates/mail/NAME.txt`; their text is untrusted, so a template is parsed and checked here.
public struct MailTemplate: Sendable, Hashable {
    /// The placeholders a template may use, each written `{name}`.
    public static let placeholders = ["contact", "company", "title", "rep", "rep_email"]
    /// The largest template file read, in bytes.
    public static let maximumBytes = 64 * 1024

    public var name: String
    /// The subject with its placeholders, one line.
    public var subject: String
    /// The body with its placeholders; lines end in "\n".
    public var body: String

    public init(name: String, subject: String, body: String) {
        self.name = name
        self.subject = subject
        self.body = body
    }

    /// Whether `name` may name a template file: letters, digits, `-` and `_`, up to 64, so a
    /// name never reaches outside `templates/mail/`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 64, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Reads a template's text: the first line is `Subject: …` (any case), one blank line may
    /// follow, the rest is the body. Unknown `{placeholders}` are refused, naming them.
    public static func parse(name: String, text: String) -> Result<MailTemplate, Refusal> {
        guard text.utf8.count <= maximumBytes else { return .failure(Refusal(.mailTemplateTooLong(name: name, limit: maximumBytes))) }
        switch split(name: name, text: text) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let template):
            for part in [template.subject, template.body] {
                if let unknown = placeholderNames(in: part).first(where: { !placeholders.contains($0) }) {
                    return .failure(Refusal(.mailTemplateUnknownPlaceholder(name: name, placeholder: unknown)))
                }
            }
            return .success(template)
        }
    }

    /// The subject line and body of `text`, without looking at placeholders (an edited draft).
    public static func split(name: String, text: String) -> Result<MailTemplate, Refusal> {
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.lowercased().hasPrefix("subject:") else {
            return .failure(Refusal(.mailTemplateNoSubject(name: name)))
        }
        let subject = String(first.dropFirst("subject:".count)).trimmingCharacters(in: .whitespaces)
        guard !subject.isEmpty else { return .failure(Refusal(.mailTemplateNoSubject(name: name))) }
        lines.removeFirst()
        if lines.first?.isBlank == true { lines.removeFirst() }
        var body = lines.joined(separator: "\n")
        if !body.isEmpty, !body.hasSuffix("\n") { body += "\n" }
        return .success(MailTemplate(name: name, subject: subject, body: body))
    }

    /// The `{word}` names in `text` (lower-case letters and `_`).
    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" {
                current = ""
            } else if ch == "}", let name = current {
                if !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                if ch.isASCII, ch.isLowercase || ch == "_" { current?.append(ch) } else { current = nil }
            }
        }
        return names
    }

    /// `text` with every known placeholder replaced by its value.
    public static func fill(_ text: String, values: [String: String]) -> String {
        var out = text
        for name in placeholders { out = out.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "") }
        return out
    }

    /// The names a person picks a template by, from the files' names: a language ending
    /// (`-he`, `-ar`, `-en`) is taken off, so `no-answer-he` and `no-answer-en` are one choice,
    /// `no-answer`, and the deal's language picks the file. Sorted, each once.
    public static func choices(from names: [String]) -> [String] {
        let endings = MailLanguage.allCases.map { "-" + $0.rawValue }
        let bases = names.map { name in
            endings.first { name.hasSuffix($0) && name.count > $0.count }.map { String(name.dropLast($0.count)) } ?? name
        }
        return Array(Set(bases)).sorted()
    }

    /// The text as a file holds it: `Subject: …`, a blank line, the body.
    public var fileText: String { "Subject: \(subject)\n\n\(body)" }
}

/// The languages funnel ships templates in; a template `NAME` with no file of its own is
/// looked for as `NAME-he`, `NAME-ar` or `NAME-en`, after the deal's language.
public enum MailLanguage: String, CaseIterable, Sendable {
    case he, ar, en

    /// The language of the first letter in the deal's contact, else its title, else its company:
    /// Hebrew letters → he, Arabic → ar, anything else (or nothing) → en.
    public static func of(_ deal: Deal) -> MailLanguage {
        for text in [deal.contact, deal.title, deal.company] {
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                switch scalar.value {
                case 0x0590...0x05FF, 0xFB1D...0xFB4F: return .he
                case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .ar
                default: return .en
                }
            }
        }
        return .en
    }
}
