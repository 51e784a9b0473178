import Foundation
import FunnelCore
#if canImport(Glibc)
import Glibc
#endif

/// Checks a data directory and explains each problem; with `repair`, moves what cannot be read
/// into `quarantine/` and rebuilds what can be rebuilt. Nothing is ever deleted.
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
        var findings: [Finding] = []
        let quarantine = store.root + "/quarantine/" + Timestamp.format(Date()).replacingOccurrences(of: ":", with: "-")
        func moveAside(_ path: String) throws -> String {
            let relative = String(path.dropFirst(store.root.count + 1))
            let target = quarantine + "/" + relative
            try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
            guard rename(path, target) == 0 else { throw StoreError.errno(path, "moving into quarantine") }
            try AtomicFile.syncDirectory((path as NSString).deletingLastPathComponent)
            return "moved to \(target)"
        }

        var pipeline: Pipeline?
        var team: Team?
        do { pipeline = try store.loadPipeline() } catch {
            findings.append(Finding(path: store.pipelinePath, problem: "\(error)",
                                    action: "restore pipeline.json from a backup (funnel cannot work without it)"))
        }
        do { team = try store.loadTeam() } catch {
            findings.append(Finding(path: store.teamPath, problem: "\(error)", action: "restore team.json from a backup"))
        }
        if let pipeline {
            for warning in pipeline.warnings {
                findings.append(Finding(path: store.pipelinePath, problem: warning.text, action: "consider fewer stages (R1)"))
            }
        }

        // Leftover temp files from interrupted writes.
        let owners = ((try? AtomicFile.list(store.dealsDirectory)) ?? []).map { store.dealsDirectory + "/" + $0 }
        for directory in [store.root, store.inboxDirectory] + owners {
            for name in try AtomicFile.list(directory) where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                let path = directory + "/" + name
                findings.append(Finding(path: path, problem: "a temporary file left by an interrupted write (readers ignore it)",
                                        action: repair ? try moveAside(path) : "harmless; --repair moves it to quarantine/"))
            }
        }

        // Every deal file.
        var seen: [String: (path: String, deal: Deal)] = [:]
        for path in try store.dealPaths() {
            let deal: Deal
            do {
                deal = try store.readDeal(at: path).deal
            } catch {
                findings.append(Finding(path: path, problem: "\(error)",
                                        action: repair ? try moveAside(path) : "--repair moves it to quarantine/; restore it from a backup"))
                continue
            }
            if let pipeline, pipeline.stage(id: deal.stage) == nil {
                findings.append(Finding(path: path, problem: "deal \(deal.id) is in stage “\(deal.stage)”, which the pipeline does not have",
                                        action: "add the stage to pipeline.json, or move the deal with funnel move"))
            }
            if let team, let owner = deal.owner, team.user(owner) == nil {
                findings.append(Finding(path: path, problem: "deal \(deal.id) belongs to \(owner), who is not on the team",
                                        action: "funnel team add \(owner) --role rep, or funnel assign \(deal.id) USER"))
            }
            let expected = store.path(id: deal.id, owner: deal.owner)
            if expected != path {
                findings.append(Finding(path: path, problem: "deal \(deal.id) is filed under the wrong owner (it belongs at \(expected))",
                                        action: repair ? try refile(deal, from: path, moveAside: moveAside) : "--repair files it where it belongs"))
            }
            if let other = seen[deal.id] {
                let keepOther = other.deal.revision >= deal.revision
                let olderPath = keepOther ? path : other.path
                let newerPath = keepOther ? other.path : path
                findings.append(Finding(path: olderPath, problem: "deal \(deal.id) is also at \(newerPath) with a newer revision (an interrupted reassignment)",
                                        action: repair ? try moveAside(olderPath) : "--repair keeps the newer one and moves this to quarantine/"))
                if !keepOther { seen[deal.id] = (path, deal) }
            } else {
                seen[deal.id] = (path, deal)
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o004 != 0 {
                findings.append(Finding(path: path, problem: "the file is readable by everyone on this machine",
                                        action: repair ? (chmod(path, info.st_mode & 0o7770) == 0 ? "made it private" : "could not change its mode")
                                                       : "--repair removes the access for others"))
            }
        }
        if repair { store.cache.discard() }
        return findings
    }

    /// Writes a deal where its owner says it belongs, then moves the misplaced copy aside.
    private func refile(_ deal: Deal, from path: String, moveAside: (String) throws -> String) throws -> String {
        let target = store.path(id: deal.id, owner: deal.owner)
        try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
        try store.writeJSON(StoredFile(body: deal), to: target, replacing: .nothing)
        return "filed at \(store.path(id: deal.id, owner: deal.owner)); the old copy " + (try moveAside(path))
    }
}
