import Foundation
import FunnelCore
import FunnelStore

/// Finding a mail template for a deal in the data directory: `NAME.txt`, else the one in the
/// deal's language, `NAME-he.txt`, `NAME-ar.txt` or `NAME-en.txt` (`MailLanguage`). The same
/// lookup for `funnel mail --template NAME` and the board's `e`.
extension FunnelStore {
    /// The template `name` for `deal`, parsed: a usage error when there is none, a data error
    /// naming the file when it is not a good template. Store errors are thrown as they are.
    public func mailTemplate(_ name: String, for deal: Deal, language: MailLanguage?) throws -> MailTemplate {
        guard MailTemplate.isValidName(name) else {
            throw MailError(.usage, ["“\(name)” is not a template name (letters, digits, - and _)"])
        }
        let language = language ?? MailLanguage.of(deal)
        for candidate in [name, "\(name)-\(language.rawValue)"] {
            guard let text = try readMailTemplate(named: candidate) else { continue }
            switch MailTemplate.parse(name: candidate, text: text) {
            case .success(let template): return template
            case .failure(let refusal):
                throw MailError.data("\(refusal.message.text) — \(mailTemplateDirectory)/\(candidate).txt")
            }
        }
        let known = try mailTemplateNames()
        var message = "no mail template “\(name)” (looked for \(name).txt and \(name)-\(language.rawValue).txt in \(mailTemplateDirectory))"
        message += known.isEmpty ? "; funnel init writes no-answer-he, -ar and -en" : "; templates are: \(known.joined(separator: ", "))"
        throw MailError(.usage, [message])
    }

    /// The names to choose a template by: each file's name, with a language ending (`-he`,
    /// `-ar`, `-en`) taken off, so `no-answer-he` and `no-answer-en` are one choice, `no-answer`.
    public func mailTemplateChoices() throws -> [String] {
        MailTemplate.choices(from: try mailTemplateNames())
    }
}
