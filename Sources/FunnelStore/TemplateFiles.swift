import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Template files under `templates/KIND/` (mail, quote): written once by `funnel init`, edited by
/// people, read as untrusted text. One implementation for every kind: never through a symbolic
/// link (neither the file nor its two folders), never waiting on a FIFO, never a file too large.
extension FunnelStore {
    /// `templates/KIND` under the data directory.
    func templateDirectory(_ kind: String) -> String { root + "/templates/" + kind }

    /// Writes each `(name, text)` as `templates/KIND/NAME.txt`, keeping any file already there.
    func writeTemplateFiles(_ files: [(name: String, text: String)], kind: String) throws {
        let directory = templateDirectory(kind)
        try AtomicFile.makeDirectory(directory)
        try checkTemplateFolders(kind)
        for file in files {
            let path = "\(directory)/\(file.name).txt"
            // A template someone already wrote (or anything else at that name) is kept.
            var info = stat()
            if lstat(path, &info) == 0 { continue }
            let mode = isShared ? AtomicFile.sharedSettingsMode : AtomicFile.newFileMode
            try AtomicFile.write(Data(file.text.utf8), to: path, mode: mode, replacing: .nothing)
        }
    }

    /// The text of `templates/KIND/NAME.txt` (a name already checked by the caller), or nil when
    /// there is no such file; a file over `limit` bytes or not UTF-8 is an error naming it.
    func readTemplateFile(_ name: String, kind: String, limit: Int) throws -> String? {
        try checkTemplateFolders(kind)
        let path = "\(templateDirectory(kind))/\(name).txt"
        guard let data = try AtomicFile.readFile(path, limit: limit)?.data else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.io(path: path, detail: "is not UTF-8 text; it was left untouched")
        }
        return text
    }

    /// `templates` and `templates/KIND`, where present, are real folders, not links.
    func checkTemplateFolders(_ kind: String) throws {
        for path in [root + "/templates", templateDirectory(kind)] {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError.io(path: path, detail: "is not a folder (a symbolic link is never followed)")
            }
        }
    }
}
