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
    /// What became of a finding.
    public enum Outcome: Sendable, Equatable {
        /// Advice (R1's few stages), not a failure: printed as `advice:`, and no reason to exit ≠ 0.
        case advice
        /// Left for a person, or for `--repair`: the action says what to do.
        case toDo
        /// `--repair` moved the file into `quarantine/`.
        case movedAside
        /// `--repair` put it right where it is (made a file private, wrote it again, added lines).
        case repaired

        /// Whether `--repair` dealt with it.
        public var isRepaired: Bool { self == .movedAside || self == .repaired }
    }

    /// What was done about a finding, or what to do, in words for people, and its outcome.
    public struct Remedy: Sendable, Equatable {
        public let text: String
        public let outcome: Outcome

        /// Something a person (or `--repair`) does.
        static func toDo(_ text: String) -> Remedy { Remedy(text: text, outcome: .toDo) }
        /// Something `--repair` did.
        static func repaired(_ text: String) -> Remedy { Remedy(text: text, outcome: .repaired) }
    }

    /// One problem found.
    public struct Finding: Sendable, Equatable {
        public let path: String
        public let problem: String
        /// What `--repair` did about it, or what a person should do.
        public var action: String
        public var outcome: Outcome

        public init(path: String, problem: String, action: String, outcome: Outcome = .toDo) {
            self.path = path
            self.problem = problem
            self.action = action
            self.outcome = outcome
        }

        init(path: String, problem: String, remedy: Remedy) {
            self.init(path: path, problem: problem, action: remedy.text, outcome: remedy.outcome)
        }

        /// Advice, not a failure (`Outcome.advice`).
        public var isAdvice: Bool { outcome == .advice }
    }

    let store: FunnelStore

    public init(store: FunnelStore) { self.store = store }

    /// Examines the directory; a repair holds the writers' lock, a look needs none (like every
    /// reader, it must not wait for a teammate who holds it).
    public func run(repair: Bool) throws -> [Finding] {
        guard FileManager.default.fileExists(atPath: store.root) else { throw StoreError.notInitialized(path: store.root) }
        guard repair else { return try examine(repair: false) }
        return try store.lock.withLock { try examine(repair: true) }
    }

    private func examine(repair: Bool) throws -> [Finding] {
        let quarantine = Quarantine(root: store.root)
        var findings: [Finding] = []
        var pipeline: Pipeline?
        var team: Team?
        do { pipeline = try store.loadPipeline() } catch {
            findings.append(
                Finding(
                    path: store.pipelinePath, problem: "\(error)",
                    action: "restore pipeline.json from a backup (funnel cannot work without it)"))
        }
        do { team = try store.loadTeam() } catch {
            findings.append(Finding(path: store.teamPath, problem: "\(error)", action: "restore team.json from a backup"))
        }
        if let pipeline { findings += Self.advice(pipeline, path: store.pipelinePath) }
        let pipelines = pipeline == nil ? nil : pipelineFindings(&findings)
        do { _ = try store.loadGoals() } catch {
            findings.append(
                Finding(
                    path: store.goalsPath, problem: "\(error)",
                    action: "fix goals.json by hand or restore it from a backup (funnel goals list shows what it reads)"))
        }
        let links = linkedFolders()
        findings += links
        // Deals behind a link are never read: there is nothing more to examine of them.
        if links.contains(where: { $0.path == store.dealsDirectory || $0.path == store.inboxDirectory }) { return findings }
        findings += try leftovers(repair: repair, quarantine: quarantine)
        findings += try quoteFolderFindings(repair: repair, quarantine: quarantine)
        findings += try syncFindings(repair: repair)
        var deals = DealExamination(store: store, pipeline: pipeline, team: team, repair: repair, quarantine: quarantine)
        deals.pipelines = pipelines
        try deals.run()
        findings += deals.findings
        if repair { findings = restoreSynced(findings) }
        if repair { store.cache.discard() }
        return findings
    }

    /// The data directory's folders that are symbolic links: funnel refuses to read or write
    /// through them (`StorePaths.checkNoLink`), so their files are in no list.
    private func linkedFolders() -> [Finding] {
        // Owners' folders that are links are named with the deals' other findings (`leftovers`).
        let cache = StorePaths.isLink(store.cache.directory) ? [store.cache.directory] : []
        return (StorePaths.linkedFolders(root: store.root, owners: false) + cache).map {
            Finding(
                path: $0, problem: "is a symbolic link: funnel never follows one, so nothing there is read or written",
                action: "a person makes it a real folder holding the files (or removes the link)")
        }
    }

    /// The pipelines besides the first (`pipelines/ID.json`): a file that cannot be read is named
    /// (and left untouched); each readable one gets R1's advice. nil when one cannot be read.
    private func pipelineFindings(_ findings: inout [Finding]) -> PipelineSet? {
        do {
            let set = try store.loadPipelineSet()
            for entry in set.entries.dropFirst() {
                let path = (try? store.pipelineFile(id: entry.id)) ?? store.pipelinesDirectory
                findings += Self.advice(entry.pipeline, path: path).map { advice in
                    Finding(
                        path: path, problem: "pipeline \(entry.pipeline.name) (\(entry.id)): " + advice.problem,
                        action: advice.action.replacingOccurrences(of: "--to OTHER", with: "--to OTHER --pipeline \(entry.id)"),
                        outcome: .advice)
                }
            }
            for name in set.sharedNames {
                let ids = set.entries.filter { PipelineSet.folded($0.pipeline.name) == PipelineSet.folded(name) }.map(\.id)
                findings.append(
                    Finding(
                        path: store.pipelinesDirectory,
                        problem:
                            "pipelines \(ids.joined(separator: ", ")) are all named “\(name)” (a sync or a hand edit): --pipeline “\(name)” means more than one",
                        action: "rename all but one: funnel pipelines rename \(ids.last ?? "ID") NEW_NAME"))
            }
            return set
        } catch let error as StoreError {
            var path = store.pipelinesDirectory
            if case .corrupt(let named, _) = error { path = named }
            if case .io(let named, _) = error { path = named }
            if case .newerVersion(let named, _, _) = error { path = named }
            findings.append(
                Finding(
                    path: path, problem: "\(error)",
                    action: "restore it from a backup or move it aside (funnel reads no pipeline until then)"))
        } catch {
            findings.append(Finding(path: store.pipelinesDirectory, problem: "\(error)", action: "restore it from a backup"))
        }
        return nil
    }

    /// R1's advice on the number of stages: past 8 stages in all, and past 5 open ones (3-5 is healthy).
    static func advice(_ pipeline: Pipeline, path: String) -> [Finding] {
        var advice = pipeline.warnings.map {
            Finding(path: path, problem: $0.text, action: "consider fewer stages: funnel stages remove STAGE --to OTHER (R1)", outcome: .advice)
        }
        if let open = pipeline.openStagesPastAdvice {
            advice.append(
                Finding(
                    path: path, problem: "\(open) open stages; a healthy funnel has 3-5",
                    action: "merge stages that mean the same step: funnel stages remove STAGE --to OTHER (R1)",
                    outcome: .advice))
        }
        return advice
    }

    /// A finding for each of `names` in `folder` that is a temporary file left by an interrupted
    /// write: moved into quarantine with `repair`, otherwise reported as harmless.
    static func leftoverTempFiles(_ folder: String, names: [String], repair: Bool, quarantine: Quarantine) -> [Finding] {
        names.filter(StorePaths.isTempFileName).map { name in
            let path = folder + "/" + name
            return Finding(
                path: path, problem: "a temporary file left by an interrupted write (readers ignore it)",
                remedy: repair ? quarantine.moveAside(path) : .toDo("harmless; --repair moves it to quarantine/"))
        }
    }

    /// Leftover temp files from interrupted writes, names funnel cannot read, owners' folders
    /// this process cannot read.
    private func leftovers(repair: Bool, quarantine: Quarantine) throws -> [Finding] {
        var findings: [Finding] = []
        let unreadable = try store.dealListing().unreadableFolders
        let owners = ((try? AtomicFile.list(store.dealsDirectory)) ?? []).map { store.dealsDirectory + "/" + $0 }
            .filter { !unreadable.contains($0) }
        for folder in unreadable {
            if StorePaths.isLink(folder) {
                findings.append(
                    Finding(
                        path: folder, problem: "is a symbolic link: funnel never follows one, so the deals there are in no list",
                        action: "a person makes it a real folder holding the deal files"))
                continue
            }
            findings.append(
                Finding(
                    path: folder, problem: "this folder cannot be read: its deals are missing from every list",
                    action: "as root: funnel team-init (it sets the folder's owner, mode and ACL again)"))
        }
        for directory in [store.root, store.inboxDirectory, store.dealsDirectory] + owners {
            let odd = (try? AtomicFile.undecodableNames(in: directory, following: directory == store.root)) ?? 0
            guard odd > 0 else { continue }
            findings.append(
                Finding(
                    path: directory, problem: "\(odd) name(s) here are not valid UTF-8: funnel never reads those files",
                    action: "a person renames or removes them (ls -b shows them)"))
        }
        for directory in [store.root, store.inboxDirectory] + owners {
            // The data directory itself was named by the person running doctor: it may be a link.
            let names = try AtomicFile.list(directory, following: directory == store.root)
            findings += Self.leftoverTempFiles(directory, names: names, repair: repair, quarantine: quarantine)
        }
        return findings
    }
}

/// `quarantine/<time>/`, where `doctor --repair` moves what it will not keep, at the same
/// relative path. Its folders are reached through descriptors opened without following links,
/// from the data directory's own descriptor: `quarantine/` must be a real folder no one else
/// may write (a member who could would plant a link for the next repair), and each repair gets
/// a new folder of its own, made by this process (mode 0700). A rename moves the entry itself,
/// never what a symbolic link points to.
final class Quarantine {
    let root: String
    private var folder: (fd: Int32, path: String)?

    init(root: String) { self.root = root }

    deinit { if let folder { close(folder.fd) } }

    /// Moves `path` (inside the data directory) aside; what was done, for the report. A move
    /// that fails is reported in the finding, never stops the repair.
    func moveAside(_ path: String) -> Doctor.Remedy {
        do {
            let relative = String(path.dropFirst(root.count + 1)).split(separator: "/").map(String.init)
            let base = try repairFolder()
            var fd = dup(base.fd)
            defer { close(fd) }
            for component in relative.dropLast() {
                let next = try Self.subfolder(component, in: fd, path: base.path)
                close(fd)
                fd = next
            }
            guard let name = relative.last, renameat(AT_FDCWD, path, fd, name) == 0 else {
                throw StoreError.errno(path, "moving into quarantine")
            }
            try AtomicFile.syncDirectory((path as NSString).deletingLastPathComponent)
            return Doctor.Remedy(text: "moved to \(base.path)/\(relative.joined(separator: "/"))", outcome: .movedAside)
        } catch {
            return .toDo("could not move it to quarantine/ (\(error)); a person moves or removes it")
        }
    }

    /// This repair's own folder, `quarantine/<time>[-n]/`, made on first use.
    private func repairFolder() throws -> (fd: Int32, path: String) {
        if let folder { return folder }
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard rootFD >= 0 else { throw StoreError.errno(root, "opening the data directory") }
        defer { close(rootFD) }
        let top = try Self.subfolder("quarantine", in: rootFD, path: root)
        defer { close(top) }
        try Self.requirePrivate(top, path: root + "/quarantine")
        let stamp = Timestamp.format(Date()).replacingOccurrences(of: ":", with: "-")
        for n in 1...100 {
            let name = n == 1 ? stamp : "\(stamp)-\(n)"
            if mkdirat(top, name, 0o700) != 0 {
                if errno == EEXIST { continue }
                throw StoreError.errno(root + "/quarantine/" + name, "creating the directory")
            }
            let fd = openat(top, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { throw StoreError.errno(root + "/quarantine/" + name, "opening the directory") }
            folder = (fd, root + "/quarantine/" + name)
            return (fd, root + "/quarantine/" + name)
        }
        throw StoreError.io(path: root + "/quarantine", detail: "no free folder name for this repair")
    }

    /// `name` in the folder `fd`, made (0700) when missing, opened without following a link.
    static func subfolder(_ name: String, in fd: Int32, path: String) throws -> Int32 {
        if mkdirat(fd, name, 0o700) != 0, errno != EEXIST { throw StoreError.errno(path + "/" + name, "creating the directory") }
        let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw StoreError.errno(path + "/" + name, "opening the directory (not a folder, or a link)") }
        return child
    }

    /// `quarantine/` may be written by its owner only: group and others' write bits are removed
    /// when this process owns it, and a folder others may write is refused otherwise.
    static func requirePrivate(_ fd: Int32, path: String) throws {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.errno(path, "reading") }
        guard info.st_mode & 0o022 != 0 else { return }
        if info.st_uid == geteuid(), fchmod(fd, info.st_mode & 0o7755) == 0 { return }
        throw StoreError.io(path: path, detail: "others may write in it; as its owner or root: chmod go-w \(path)")
    }
}
