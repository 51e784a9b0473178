import Foundation
import FunnelCore
#if canImport(Glibc)
import Glibc
#endif

/// The quote templates of R19 in the data directory: `templates/quote/LANG.txt` (he, ar, en).
/// Read like the mail templates: never through a symbolic link, never waiting on a FIFO; the
/// text is untrusted and handed to `QuoteTemplate.parse`.
extension FunnelStore {
    /// `templates/quote` under the data directory.
    public var quoteTemplateDirectory: String { root + "/templates/quote" }

    /// Writes `templates` as `LANG.txt`, keeping any file already there (`funnel init`).
    public func writeQuoteTemplates(_ templates: [QuoteTemplate]) throws {
        try AtomicFile.makeDirectory(quoteTemplateDirectory)
        try checkQuoteTemplateFolders()
        for template in templates {
            let path = "\(quoteTemplateDirectory)/\(template.language.rawValue).txt"
            var info = stat()
            if lstat(path, &info) == 0 { continue }
            let mode = isShared ? AtomicFile.sharedSettingsMode : AtomicFile.newFileMode
            try AtomicFile.write(Data(template.fileText.utf8), to: path, mode: mode, replacing: .nothing)
        }
    }

    /// The text of the template for `language`, or nil when there is no file.
    public func readQuoteTemplate(_ language: Language) throws -> String? {
        try checkQuoteTemplateFolders()
        let path = "\(quoteTemplateDirectory)/\(language.rawValue).txt"
        guard let data = try AtomicFile.readFile(path, limit: QuoteTemplate.maximumBytes)?.data else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.io(path: path, detail: "is not UTF-8 text; it was left untouched")
        }
        return text
    }

    /// `templates` and `templates/quote`, where present, are real folders, not links.
    func checkQuoteTemplateFolders() throws {
        for path in [root + "/templates", quoteTemplateDirectory] {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError.io(path: path, detail: "is not a folder (a symbolic link is never followed)")
            }
        }
    }
}
