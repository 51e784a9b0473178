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
        func add(_ path: String) {
            var info = stat()
            if stat(path, &info) == 0 {
                parts.append("\(path):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size):\(info.st_ino)")
            } else {
                parts.append("\(path):-")
            }
        }
        add(pipelinePath)
        add(teamPath)
        add(inboxDirectory)
        add(dealsDirectory)
        for name in ((try? AtomicFile.list(pipelinesDirectory)) ?? []).sorted() where !name.hasPrefix(".") {
            add("\(pipelinesDirectory)/\(name)")
        }
        for owner in ((try? AtomicFile.list(dealsDirectory)) ?? []).sorted() where !owner.hasPrefix(".") {
            add("\(dealsDirectory)/\(owner)")
        }
        return parts.joined(separator: "|")
    }
}
