import Foundation
import FunnelCore

/// Finding a mail template for a deal in the data directory: `NAME.txt`, else the one in the
/// deal's language, `NAME-he.txt`, `NAME-ar.txt` or `NAME-en.txt` (`MailLanguage`).
extension Session {
    /// The template `name` for `deal`, parsed; a usage error (exit 2) when there is none, a data
    /// error (exit 4) naming the file when it is not a good template.
    func mailTemplate(_ name: String, for deal: Deal, language: MailLanguage?) throws -> MailTemplate {
        guard MailTemplate.isValidName(name) else {
            throw CommandFailure.usage("“\(name)” is not a template name (letters, digits, - and _)")
        }
        let language = language ?? MailLanguage.of(deal)
        for candidate in [name, "\(name)-\(language.rawValue)"] {
            guard let text = try data({ try store.readMailTemplate(named: candidate) }) else { continue }
            switch MailTemplate.parse(name: candidate, text: text) {
            case .success(let template): return template
            case .failure(let refusal):
                throw CommandFailure.data("\(refusal.message.localized) — \(store.mailTemplateDirectory)/\(candidate).txt")
            }
        }
        let known = try data { try store.mailTemplateNames() }
        var message = "no mail template “\(name)” (looked for \(name).txt and \(name)-\(language.rawValue).txt in \(store.mailTemplateDirectory))"
        message += known.isEmpty ? "; funnel init writes no-answer-he, -ar and -en" : "; templates are: \(known.joined(separator: ", "))"
        throw CommandFailure.usage(message)
    }
}
