import Foundation
import FunnelCore

/// The files of a data directory that travel with `funnel sync`, and the ones that never do.
public enum SyncFiles {
    /// `.gitignore`: the cache, the lock, quarantine, temporary files and sync's own scratch.
    public static let ignore = """
        # funnel sync: never shared (docs/sync.md)
        /cache/
        /.lock
        /quarantine/
        .*.tmp
        *.tmp

        """

    /// `.gitattributes`: funnel's JSON files merge through `funnel merge-deal`, never as text.
    public static let attributes = """
        # funnel sync: JSON files are merged field by field by funnel merge-deal (docs/sync.md)
        *.json -text merge=\(driverName)
        *.txt -text
        *.pdf binary

        """

    /// The merge driver's name in `.gitattributes` and git's config.
    public static let driverName = "funnel-deal"

    /// Where a path of the shared tree may be written in the data directory: the settings and the
    /// catalogue, a deal file in the inbox or an owner's folder, a mail or quote template, a quote's
    /// PDF beside its deal, a used quote number, a clone's quote series, the two git files (valid
    /// names only). Anything else a teammate commits is left in the repository, never written here.
    public static func isSyncable(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return ["pipeline.json", "team.json", "products.json", "goals.json", ".gitignore", ".gitattributes"].contains(parts[0])
        case 2:
            switch parts[0] {
            case "inbox": return StorePaths.isDealFileName(parts[1])
            case "quotes": return isPDFName(parts[1])
            case "pipelines": return isOtherPipelineName(parts[1])
            default: return false
            }
        case 3:
            switch parts[0] {
            case "deals": return User.isValidAccount(parts[1]) && StorePaths.isDealFileName(parts[2])
            case "templates": return (parts[1] == "mail" || parts[1] == "quote") && isTemplateName(parts[2])
            case "quotes": return isQuoteFile(folder: parts[1], name: parts[2])
            default: return false
            }
        case 4: return parts[0] == "quotes" && parts[1] == "deals" && User.isValidAccount(parts[2]) && isPDFName(parts[3])
        default: return false
        }
    }

    /// Whether git may hold `path` in this data directory's index: relative, no empty, `.` or
    /// `..` part, no `.git` folder (any case). A teammate's tree may hold anything.
    public static func isSafePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.lowercased() == ".git" }
    }

    /// `quotes/inbox/Q-….pdf`, `quotes/numbers/Q-…` (a number used), `quotes/series/S` (a clone's series).
    static func isQuoteFile(folder: String, name: String) -> Bool {
        switch folder {
        case "inbox": return isPDFName(name)
        case "numbers": return QuoteNumber(name) != nil
        case "series": return QuoteNumber.isSeries(name)
        default: return false
        }
    }

    static func isPDFName(_ name: String) -> Bool { StorePaths.quoteNumber(ofPDF: name) != nil }

    /// Whether a checkout writes an entry of git `mode` into the data directory: a regular file,
    /// never a link or a submodule (`SyncRepository.checkout`, `neverCheckedOut`).
    static func isWritten<S: StringProtocol>(mode: S) -> Bool { mode == "100644" || mode == "100755" }

    /// The largest file of `path`'s kind a sync writes into the data directory: a quote PDF up to
    /// 64 MiB, any other file up to what the store reads.
    public static func largest(_ path: String) -> Int {
        path.hasSuffix(".pdf") ? 64 << 20 : FunnelStore.maximumFileBytes
    }

    /// Where the clones' quote series are registered: one file per series, named after it.
    public static let seriesFolder = "quotes/series"

    /// Whether `path` (relative to the data directory, or ending so) names a pipeline's file:
    /// `pipeline.json`, or `pipelines/ID.json` with a pipeline id (merged as pipeline.json is).
    public static func isPipelineFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last else { return false }
        if name == "pipeline.json" { return true }
        return parts.count >= 2 && parts[parts.count - 2] == "pipelines" && isOtherPipelineName(name)
    }

    /// `ID.json` with a pipeline id other than the first's: a file of `pipelines/`.
    static func isOtherPipelineName(_ name: String) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        let id = String(name.dropLast(5))
        return PipelineSet.isValidID(id) && id != PipelineSet.firstID
    }

    /// The deal id of a deal file's path (`inbox/ID.json`, `deals/OWNER/ID.json`), or nil.
    public static func dealID(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard (parts.count == 2 && parts[0] == "inbox") || (parts.count == 3 && parts[0] == "deals"),
            let name = parts.last, StorePaths.isDealFileName(String(name))
        else { return nil }
        return String(name.dropLast(5))
    }

    /// The path of deal `id` for `owner`, relative to the data directory.
    public static func dealPath(id: String, owner: String?) -> String {
        owner.map { "deals/\($0)/\(id).json" } ?? "inbox/\(id).json"
    }

    static func isTemplateName(_ name: String) -> Bool {
        guard name.hasSuffix(".txt") else { return false }
        let stem = name.dropLast(4)
        return !stem.isEmpty && stem.count <= 64 && stem.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
