import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FunnelStore {
    /// A cheap summary of the data directory's modification times (the directories a deal
    /// write renames into, and the pipeline and team files). When it changes, another process
    /// (or this one) has written; the board reloads.
    public func fingerprint() -> String {
        var parts: [String] = []
        func add(_ path: String, _ found: stat?) {
            if let info = found {
                parts.append("\(path):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size):\(info.st_ino)")
            } else {
                parts.append("\(path):-")
            }
        }
        // The entries themselves, never what a link points at: a folder swapped for a link to a
        // copy of itself changes the fingerprint (and the link is then refused, never read).
        func add(_ path: String) {
            var info = stat()
            add(path, lstat(path, &info) == 0 ? info : nil)
        }
        add(pipelinePath)
        add(teamPath)
        add(inboxDirectory)
        add(dealsDirectory)
        for name in ((try? AtomicFile.list(pipelinesDirectory)) ?? []).sorted() where !name.hasPrefix(".") {
            add("\(pipelinesDirectory)/\(name)")
        }
        // Each seller's folder looked up from the deals folder, not from `/`: a thousand of them.
        let owners = ((try? AtomicFile.list(dealsDirectory)) ?? []).sorted().filter { !$0.hasPrefix(".") }
        for (owner, found) in zip(owners, AtomicFile.stats(in: dealsDirectory, of: owners)) {
            add("\(dealsDirectory)/\(owner)", found)
        }
        return parts.joined(separator: "|")
    }
}
