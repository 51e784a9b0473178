import Foundation
import FunnelCore

/// The email templates of R11 in the data directory: `templates/mail/NAME.txt`, read like every
/// template (`TemplateFiles`); the text is handed to `MailTemplate.parse`, which treats it as untrusted.
extension FunnelStore {
    /// `templates/mail` under the data directory.
    public var mailTemplateDirectory: String { templateDirectory("mail") }

    /// Writes `templates` as `NAME.txt` files, keeping any file already there (`funnel init`).
    public func writeMailTemplates(_ templates: [MailTemplate]) throws {
        try writeTemplateFiles(templates.filter { MailTemplate.isValidName($0.name) }.map { ($0.name, $0.fileText) }, kind: "mail")
    }

    /// The text of template `name`, or nil when there is no such file. A name that is not a
    /// template name (`MailTemplate.isValidName`) is nil too: it never becomes a path.
    public func readMailTemplate(named name: String) throws -> String? {
        guard MailTemplate.isValidName(name) else { return nil }
        return try readTemplateFile(name, kind: "mail", limit: MailTemplate.maximumBytes)
    }

    /// The names of the templates present, sorted.
    public func mailTemplateNames() throws -> [String] {
        try checkTemplateFolders("mail")
        return try AtomicFile.list(mailTemplateDirectory)
            .filter { $0.hasSuffix(".txt") && MailTemplate.isValidName(String($0.dropLast(4))) }
            .map { String($0.dropLast(4)) }
            .sorted()
    }
}
