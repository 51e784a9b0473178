import Foundation
import FunnelCore

/// The names funnel gives to files and folders in a data directory, and the one check every path
/// built from file content goes through: a deal id or an owner read from a (possibly hand-edited)
/// file becomes a path component only when it matches its alphabet, so no `..`, `/` or odd
/// character can lead a write outside the data directory.
public enum StorePaths {
    /// Why a name read from a file cannot be used in a path.
    public struct InvalidName: Error, Equatable, CustomStringConvertible {
        /// "deal id" or "owner".
        public let kind: String
        public let name: String

        public var description: String {
            kind == "owner"
                ? "the owner “\(name)” is not an account name (a letter or _, then letters, digits, _ . -)"
                : "the deal id “\(name)” is not a deal id (letters, digits and -)"
        }
    }

    /// Checks a deal id: letters, digits and `-` only (see `DealID.isWellFormed`).
    public static func checkID(_ id: String) throws(InvalidName) {
        guard DealID.isWellFormed(id) else { throw InvalidName(kind: "deal id", name: id) }
    }

    /// Checks an owner: a login name (see `User.isValidAccount`), which never contains `/` and
    /// never starts with a dot.
    public static func checkOwner(_ owner: String) throws(InvalidName) {
        guard User.isValidAccount(owner) else { throw InvalidName(kind: "owner", name: owner) }
    }

    /// The file deal `id` lives in under `root`: `deals/<owner>/<id>.json`, or `inbox/<id>.json`
    /// without an owner. Throws `StoreError.io`, building nothing, when the id or owner is not a
    /// valid name.
    public static func dealFile(root: String, id: String, owner: String?) throws -> String {
        do {
            try checkID(id)
        } catch {
            throw StoreError.io(path: root, detail: "refused a path built from a deal file: \(error); nothing was written there")
        }
        guard let owner else {
            try checkNoLink("\(root)/inbox")
            return "\(root)/inbox/\(id).json"
        }
        do { try checkOwner(owner) } catch {
            throw StoreError.io(path: root, detail: "refused a path built from a deal file: \(error); nothing was written there")
        }
        try checkNoLink("\(root)/deals")
        try checkNoLink("\(root)/deals/\(owner)")
        return "\(root)/deals/\(owner)/\(id).json"
    }

    /// Refuses every folder of the data directory funnel keeps files in (`inbox/`, `deals/` and
    /// each owner's, `pipelines/`, `quotes/` and its folders, `templates/` and its) that is a
    /// symbolic link. For `funnel sync`, which hands the whole tree to git: git would commit the
    /// link in place of the folder's files, and every teammate's next sync would remove them.
    public static func checkNoLinkedFolders(root: String) throws {
        if let first = linkedFolders(root: root).first { try checkNoLink(first) }
    }

    /// The folders funnel keeps files in under `root` that are symbolic links: `inbox/`, `deals/`,
    /// `pipelines/`, `quotes/` and its folders, `templates/` and its; with `owners`, also each
    /// owner's folder in `deals/` and `quotes/deals/` (looked for only where those are real).
    public static func linkedFolders(root: String, owners: Bool = true) -> [String] {
        let top = [
            "inbox", "deals", "pipelines", "quotes", "quotes/inbox", "quotes/deals", "quotes/numbers", "quotes/series", "templates",
            "templates/mail", "templates/quote",
        ]
        var linked = top.map { root + "/" + $0 }.filter(isLink)
        for parent in ["deals", "quotes/deals"] where owners && !isLink(root + "/" + parent) {
            for name in (try? AtomicFile.list(root + "/" + parent)) ?? [] where !name.hasPrefix(".") && isLink(root + "/" + parent + "/" + name) {
                linked.append(root + "/" + parent + "/" + name)
            }
        }
        return linked
    }

    /// Whether `path` is a symbolic link (not followed to see).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Refuses `path` (under `root`) when a folder on the way to it, below `root`, is a symbolic
    /// link (`checkNoLink`): `quotes/deals/OWNER/Q-….pdf` is never reached through a linked
    /// `quotes/`. `root` itself was named by the user and may be a link.
    public static func checkNoLinkOnTheWay(root: String, to path: String) throws {
        guard path.hasPrefix(root + "/") else { return }
        var folder = root
        for part in path.dropFirst(root.count + 1).split(separator: "/").dropLast() {
            folder += "/" + part
            try checkNoLink(folder)
        }
    }

    /// Refuses a folder of the data directory that is a symbolic link: funnel never follows one
    /// (a deal would be read or written somewhere else). A missing folder is fine.
    public static func checkNoLink(_ folder: String) throws {
        guard isLink(folder) else { return }
        throw StoreError.io(path: folder, detail: "is a symbolic link: funnel never follows one; make it a real folder holding the files")
    }

    /// The file of pipeline `id` (not the first, which is `pipeline.json`) under `root`:
    /// `pipelines/<id>.json`. Throws `StoreError.io`, building nothing, for an id that is not a
    /// pipeline id (`PipelineSet.isValidID`), or when `pipelines/` is a symbolic link.
    public static func pipelineFile(root: String, id: String) throws -> String {
        guard PipelineSet.isValidID(id), id != PipelineSet.firstID else {
            throw StoreError.io(path: root, detail: "refused a path built from the pipeline id “\(id)”; nothing was written there")
        }
        try checkNoLink("\(root)/pipelines")
        return "\(root)/pipelines/\(id).json"
    }

    /// The deal id a deal file's path names: its last part without `.json`.
    public static func dealID(ofPath path: String) -> String {
        let name = AtomicFile.name(of: path)
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// Whether `name` is a deal file's name: `<id>.json` with a well-formed id.
    public static func isDealFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && DealID.isWellFormed(String(name.dropLast(5)))
    }

    /// Whether `name` is a temporary file left by an interrupted write (`AtomicFile.write`):
    /// `.<name>.<pid>.<random>.tmp`.
    public static func isTempFileName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && !name.contains("/")
    }

    /// The folder under `root` holding the quote PDFs of a deal owned by `owner` (nil: an
    /// unassigned lead): `quotes/deals/<owner>`, or `quotes/inbox`, beside the deal's own folder
    /// and with the same permissions on a team server. Throws, building nothing, for an owner
    /// that is not an account name.
    public static func quoteFolder(root: String, owner: String?) throws -> String {
        guard let owner else { return "\(root)/quotes/inbox" }
        do { try checkOwner(owner) } catch {
            throw StoreError.io(path: root, detail: "refused a path built from a deal file: \(error); nothing was written there")
        }
        return "\(root)/quotes/deals/\(owner)"
    }

    /// The PDF of quote `number` on a deal owned by `owner` (see `quoteFolder`).
    public static func quotePDF(root: String, number: QuoteNumber, owner: String?) throws -> String {
        try quoteFolder(root: root, owner: owner) + "/\(number).pdf"
    }

    /// The quote number a quote PDF's name `Q-YYYY-NNNN.pdf` holds, or nil for any other name.
    public static func quoteNumber(ofPDF name: String) -> QuoteNumber? {
        name.hasSuffix(".pdf") ? QuoteNumber(String(name.dropLast(4))) : nil
    }
}
