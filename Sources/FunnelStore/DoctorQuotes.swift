import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// The quote folders, checked where the deals' folders are: in a team's shared directory each is
/// made by `funnel team-init` (a missing one stops quotes of those deals with exit 4); one this
/// process cannot read while it reads the deals it belongs with is out of place; temporary files
/// left by an interrupted write are reported (and moved aside by a repair) as for deals.
extension Doctor {
    func quoteFolderFindings(repair: Bool, quarantine: Quarantine) throws -> [Finding] {
        let quotes = store.quotesDirectory
        var folders = [quotes, quotes + "/inbox"]
        let unreadableDeals = Set(try store.dealListing().unreadableFolders)
        for owner in try AtomicFile.list(store.dealsDirectory).sorted() where User.isValidAccount(owner) {
            if !unreadableDeals.contains(store.dealsDirectory + "/" + owner) { folders.append(quotes + "/deals/" + owner) }
        }
        let teamInit = "as root: funnel team-init (it makes the quote folders with the permissions of the deals they belong with)"
        var findings: [Finding] = []
        if store.isShared {
            for folder in folders + [quotes + "/numbers"] where !Self.isFolder(folder) {
                findings.append(
                    Finding(
                        path: folder, problem: "missing, or not a folder: quotes of these deals cannot be issued",
                        action: teamInit))
            }
        }
        for folder in folders where Self.isFolder(folder) {
            guard let names = try? AtomicFile.list(folder) else {
                findings.append(Finding(path: folder, problem: "this folder cannot be read: its quote PDFs are out of reach", action: teamInit))
                continue
            }
            findings += Self.leftoverTempFiles(folder, names: names, repair: repair, quarantine: quarantine)
        }
        return findings
    }

    /// Whether `path` is a folder (a symbolic link is not one).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
