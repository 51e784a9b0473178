import Foundation
import FunnelCore
#if canImport(Glibc)
import Glibc
#endif

/// Checks a data directory and explains each problem; with `repair`, moves what cannot be read
/// into `quarantine/` and rebuilds what can be rebuilt. Nothing is ever deleted, and nothing is
/// written outside the data directory: a path built from a file's content (an owner, an id) is
/// used only when it is a valid name (`StorePaths`) and, for an owner, a member of the team.
public struct Doctor {
    /// One problem found.
    public struct Finding: Sendable, Equatable {
        public let path: String
        public let problem: String
        /// What `--repair` did about it, or what a person should do.
        public var action: String
    }

    let store: FunnelStore

    public init(store: FunnelStore) { self.store = store }

    /// Examines the directory (and repairs when asked), under the writers' lock.
    public func run(repair: Bool) throws -> [Finding] {
        guard FileManager.default.fileExists(atPath: store.root) else { throw StoreError.notInitialized(path: store.root) }
        return try store.lock.withLock { try examine(repair: repair) }
    }

    private func examine(repair: Bool) throws -> [Finding] {
        let quarantine = Quarantine(root: store.root)
        var findings: [Finding] = []
        var pipeline: Pipeline?
        var team: Team?
        do { pipeline = try store.loadPipeline() } catch {
            findings.append(Finding(path: store.pipelinePath, problem: "\(error)",
                                    action: "restore pipeline.json from a backup (funnel cannot work without it)"))
        }
        do { team = try store.loadTeam() } catch {
            findings.append(Finding(path: store.teamPath, problem: "\(error)", action: "restore team.json from a backup"))
        }
        for warning in pipeline?.warnings ?? [] {
            findings.append(Finding(path: store.pipelinePath, problem: warning.text, action: "consider fewer stages (R1)"))
        }
        findings += try leftovers(repair: repair, quarantine: quarantine)
        var deals = DealExamination(store: store, pipeline: pipeline, team: team, repair: repair, quarantine: quarantine)
        try deals.run()
        findings += deals.findings
        if repair { store.cache.discard() }
        return findings
    }

    /// Leftover temp files from interrupted writes.
    private func leftovers(repair: Bool, quarantine: Quarantine) throws -> [Finding] {
        var findings: [Finding] = []
        let owners = ((try? AtomicFile.list(store.dealsDirectory)) ?? []).map { store.dealsDirectory + "/" + $0 }
        for directory in [store.root, store.inboxDirectory] + owners {
            for name in try AtomicFile.list(directory) where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                let path = directory + "/" + name
                findings.append(Finding(path: path, problem: "a temporary file left by an interrupted write (readers ignore it)",
                                        action: repair ? try quarantine.moveAside(path) : "harmless; --repair moves it to quarantine/"))
            }
        }
        return findings
    }
}

/// `quarantine/<time>/`, where `doctor --repair` moves what it will not keep, at the same
/// relative path. A rename moves the entry itself, never what a symbolic link points to.
struct Quarantine {
    let root: String
    let directory: String

    init(root: String) {
        self.root = root
        directory = root + "/quarantine/" + Timestamp.format(Date()).replacingOccurrences(of: ":", with: "-")
    }

    /// Moves `path` (inside the data directory) aside; what was done, for the report.
    func moveAside(_ path: String) throws -> String {
        let relative = String(path.dropFirst(root.count + 1))
        let target = directory + "/" + relative
        try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
        guard rename(path, target) == 0 else { throw StoreError.errno(path, "moving into quarantine") }
        try AtomicFile.syncDirectory((path as NSString).deletingLastPathComponent)
        return "moved to \(target)"
    }
}
