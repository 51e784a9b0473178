import Foundation
import FunnelCore
#if canImport(Glibc)
import Glibc
#endif

/// The email templates of R11 in the data directory: `templates/mail/NAME.txt`. Reading never
/// follows a symbolic link (neither the file nor its two folders) and never waits on a FIFO;
/// the text is handed to `MailTemplate.parse`, which treats it as untrusted.
extension FunnelStore {
    /// `templates/mail` under the data directory.
    public var mailTemplateDirectory: String { root + "/templates/mail" }

    /// Writes `templates` as `NAME.txt` files, keeping any file already there (`funnel init`).
    public func writeMailTemplates(_ templates: [MailTemplate]) throws {
        try AtomicFile.makeDirectory(mailTemplateDirectory)
        try checkTemplateFolders()
        for template in templates where MailTemplate.isValidName(template.name) {
            let path = "\(mailTemplateDirectory)/\(template.name).txt"
            // A template someone already wrote (or anything else at that name) is kept.
            var info = stat()
            if lstat(path, &info) == 0 { continue }
            let mode = isShared ? AtomicFile.sharedSettingsMode : AtomicFile.newFileMode
            try AtomicFile.write(Data(template.fileText.utf8), to: path, mode: mode, replacing: .nothing)
        }
    }

    /// The text of template `name`, or nil when there is no such file. A name that is not a
    /// template name (`MailTemplate.isValidName`) is nil too: it never becomes a path.
    public func readMailTemplate(named name: String) throws -> String? {
        guard MailTemplate.isValidName(name) else { return nil }
        try checkTemplateFolders()
        let path = "\(mailTemplateDirectory)/\(name).txt"
        guard let data = try AtomicFile.readFile(path)?.data else { return nil }
        guard data.count <= MailTemplate.maximumBytes else {
            throw StoreError.io(path: path, detail: "is larger than \(MailTemplate.maximumBytes) bytes; it was left untouched")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.io(path: path, detail: "is not UTF-8 text; it was left untouched")
        }
        return text
    }

    /// The names of the templates present, sorted.
    public func mailTemplateNames() throws -> [String] {
        try checkTemplateFolders()
        return try AtomicFile.list(mailTemplateDirectory)
            .filter { $0.hasSuffix(".txt") && MailTemplate.isValidName(String($0.dropLast(4))) }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    /// `templates` and `templates/mail`, where present, are real folders, not links.
    func checkTemplateFolders() throws {
        for path in [root + "/templates", mailTemplateDirectory] {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError.io(path: path, detail: "is not a folder (a symbolic link is never followed)")
            }
        }
    }
}
