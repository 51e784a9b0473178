import Foundation
import FunnelCore

/// A data directory that is a git repository shared with a team through a remote (`funnel sync`,
/// docs/sync.md). Every step runs under the data lock; files are written the store's way
/// (atomically, never following a link), git only keeps the history and talks to the remote.
public struct SyncRepository {
    public let store: FunnelStore
    public let git: Git
    /// How many times a push refused because someone pushed first is retried.
    public static let attemptsLimit = 5

    public init(store: FunnelStore, git: Git) {
        self.store = store
        self.git = git
    }

    var root: String { store.root }
    var gitDirectory: String { root + "/.git" }

    /// Whether the data directory is a sync repository.
    public var isSetUp: Bool {
        var info = stat()
        return lstat(gitDirectory, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The configured remote's URL, or nil.
    public func remoteURL() throws -> String? { try git.value(["config", "--get", "remote.origin.url"]) }

    /// Git's `-c` options `funnel sync`'s merge runs with. Every funnel file changed on both sides
    /// is merged by funnel itself, in this process, with the driver's own code (`FileMerge`): git
    /// only takes what one side changed, and is told to leave the rest (a driver that declines),
    /// instead of starting one `funnel merge-deal` per file.
    var mergeOptions: [String] { ["-c", "merge.\(SyncFiles.driverName).driver=false"] }

    /// `.git/info/attributes` while sync's merge runs (it outranks `.gitattributes`): funnel's files
    /// changed on both sides are left to funnel at once, no process started per file.
    static let mergeAttributes = "# funnel sync: merging; removed when done\n*.json merge=binary\n"

    /// Runs `body` with `mergeAttributes` in place, unless the repository has attributes of its own.
    func withFunnelMerges<T>(_ body: () throws -> T) throws -> T {
        let path = gitDirectory + "/info/attributes"
        guard AtomicFile.identity(path) == nil else { return try body() }
        try AtomicFile.makeDirectory(gitDirectory + "/info")
        try AtomicFile.write(Data(Self.mergeAttributes.utf8), to: path, replacing: .nothing, durable: false)
        defer { unlink(path) }
        return try body()
    }

    /// Writes the repository's ignore and attribute files and its config (driver, no symlinks).
    func configure() throws {
        try AtomicFile.write(Data(SyncFiles.ignore.utf8), to: root + "/.gitignore")
        try AtomicFile.write(Data(SyncFiles.attributes.utf8), to: root + "/.gitattributes")
        // The repository's own config names `funnel` on PATH for a person running git by hand;
        // funnel sync always passes its own path (`driverOptions`).
        try git.check(["config", "merge.\(SyncFiles.driverName).driver", "funnel merge-deal %O %A %B"])
        try git.check(["config", "merge.\(SyncFiles.driverName).name", "funnel field-by-field merge"])
        try git.check(["config", "core.symlinks", "false"])
        try git.check(["config", "core.autocrlf", "false"])
        // git keeps no empty folder: a clone or a checkout makes them again.
        for folder in ["inbox", "deals"] { try AtomicFile.makeDirectory("\(root)/\(folder)") }
    }

    /// Whether `remote` can be reached, and whether it holds commits already.
    func probe(_ remote: String) throws -> Bool {
        let output = try git.run(["ls-remote", "--heads", remote], in: FileManager.default.temporaryDirectory.path)
        guard output.status == 0 else { throw SyncError.offline(remote: remote, detail: output.reason) }
        return !output.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// `funnel sync init REMOTE` in a data directory with data: makes it a repository, commits
    /// everything and pushes. Refuses a remote that holds data already (clone it instead).
    public func share(to remote: String, author: String) throws -> SyncReport {
        try StorePaths.checkNoLinkedFolders(root: root)
        guard !isSetUp else { throw SyncError.refused("\(root) is synced already (remote: \((try? remoteURL()) ?? nil ?? "none")); run funnel sync") }
        if try probe(remote) {
            throw SyncError.refused(
                "\(remote) holds data already: to join the team, run funnel sync init \(remote) with an empty --data-dir, and bring your deals over with funnel export/import"
            )
        }
        return try store.lock.withLock {
            try git.check(["init", "-q", "-b", "main"])
            try configure()
            try git.check(["remote", "add", "origin", remote])
            var report = SyncReport()
            report.remote = remote
            report.branch = "main"
            report.committed = try commitLocal(author: author, report: &report)
            guard try push(report: &report, remote: remote, branch: "main", from: nil) else {
                // Someone shared other data there in the meantime: this directory is left unsynced.
                for name in [".git", ".gitignore", ".gitattributes"] { try? FileManager.default.removeItem(atPath: "\(root)/\(name)") }
                throw SyncError.refused(
                    "\(remote) holds data already (shared a moment ago): to join the team, run funnel sync init \(remote) with an empty --data-dir")
            }
            try recordSeries("")
            report.quoteSeries = ""
            return report
        }
    }

    /// Clones a `sync init` killed midway left beside the data directory (`.NAME.clone.PID` whose
    /// process is gone): each holds every deal of the team, and nothing else will remove it.
    func removeAbandonedClones(in parent: String) {
        let prefix = ".\((root as NSString).lastPathComponent).clone."
        for name in (try? AtomicFile.list(parent, following: true)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            var info = stat()
            guard lstat("\(parent)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { continue }
            try? FileManager.default.removeItem(atPath: "\(parent)/\(name)")
        }
    }

    /// `funnel sync init REMOTE` where there is no data: clones the team's repository into the
    /// data directory (a fresh folder beside it, renamed into place only when whole).
    public func join(_ remote: String, account: String) throws -> SyncReport {
        let parent = (root as NSString).deletingLastPathComponent
        try AtomicFile.makeDirectory(parent)
        let temporary = "\(parent)/.\((root as NSString).lastPathComponent).clone.\(getpid())"
        removeAbandonedClones(in: parent)
        let output = try git.run(["clone", "-q", "-c", "core.symlinks=false", "-c", "core.autocrlf=false", remote, temporary], in: parent)
        guard output.status == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SyncError.offline(remote: remote, detail: output.reason)
        }
        // A bare repository made by `git init` points HEAD at a branch nobody pushed: take main.
        let cloned = Git(directory: temporary, environment: git.environment, executable: git.executable)
        if try cloned.value(["rev-parse", "-q", "--verify", "HEAD^{commit}"]) == nil,
            try cloned.value(["rev-parse", "-q", "--verify", "refs/remotes/origin/main^{commit}"]) != nil
        {
            try cloned.check(["checkout", "-q", "-B", "main", "--track", "origin/main"])
        }
        guard AtomicFile.identity(temporary + "/pipeline.json") != nil else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SyncError.refused("\(remote) holds no funnel data: run funnel sync init \(remote) in the data directory that has it")
        }
        // The clone's quote series, registered before it is put in place (offline: nothing is).
        let series: String
        do {
            // Only a member of the team takes a series (and a clone).
            guard (try? FunnelStore(root: temporary).loadTeam())?.user(account) != nil else {
                throw SyncError.refused(
                    "\(account) is not on the team of \(remote): ask a manager to add you (funnel team add \(account)) and to sync, then try again")
            }
            let branch = try cloned.value(["symbolic-ref", "--short", "HEAD"]) ?? "main"
            series = try SyncRepository(store: FunnelStore(root: temporary), git: cloned)
                .registerSeries(account: account, branch: branch, remote: remote)
            // The fresh clone (nothing of its own yet) takes the commit that registered it.
            try cloned.check(["reset", "-q", "--hard", "refs/remotes/origin/\(branch)"])
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if AtomicFile.identity(root) != nil { rmdir(root) }  // empty (checked by the caller)
        guard rename(temporary, root) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw StoreError.io(path: root, detail: "could not put the clone in place: \(reason)")
        }
        let joined = SyncRepository(store: store, git: Git(directory: root, environment: git.environment, executable: git.executable))
        try joined.git.check(["config", "merge.\(SyncFiles.driverName).driver", "funnel merge-deal %O %A %B"])
        try joined.git.check(["config", "merge.\(SyncFiles.driverName).name", "funnel field-by-field merge"])
        for folder in ["inbox", "deals"] { try AtomicFile.makeDirectory("\(root)/\(folder)") }
        var report = SyncReport()
        report.remote = remote
        report.quoteSeries = series
        report.branch = (try? joined.git.value(["symbolic-ref", "--short", "HEAD"])) ?? nil ?? "main"
        report.received = try joined.git.check(["ls-files", "-z"]).text.split(separator: "\0").map(String.init)
        return report
    }

}
