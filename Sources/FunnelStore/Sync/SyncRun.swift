import Foundation
import FunnelCore

extension SyncRepository {
    /// `funnel sync`: commits local changes (one commit), fetches, merges field by field, puts the
    /// result in the data directory, pushes; again when someone pushed in between. Holds the data
    /// lock throughout. Unreachable remote: `SyncError.offline`, local data untouched and usable.
    public func sync(author: String) throws -> SyncReport {
        guard isSetUp else { throw SyncError.notSetUp(path: root) }
        // One sync at a time (the board's and a command's); the data lock only while the data
        // directory, HEAD or the index change, never across the network: a slow remote never
        // keeps the team's writers waiting.
        var syncLock = DataLock(directory: gitDirectory)
        syncLock.timeout = store.lock.timeout
        syncLock.onWait = store.lock.onWait
        return try syncLock.withLock {
            try StorePaths.checkNoLinkedFolders(root: root)
            var report = SyncReport()
            guard let remote = try remoteURL() else { throw SyncError.notSetUp(path: root) }
            report.remote = remote
            let branch = try git.value(["symbolic-ref", "--short", "HEAD"]) ?? "main"
            report.branch = branch
            // The folders' times after our own commit: a later round looks for new local changes
            // (git's full scan of the directory) only when a writer has been here since.
            var seen = ""
            let scanner = LocalScan(file: gitDirectory + "/funnel-scanned", now: Date())
            try store.lock.withLock {
                try recover()
                // A file held while a change to it came in is looked for until it is merged.
                if scanner.needsScan(localFingerprint()) || !HeldBases(gitDirectory: gitDirectory).load().isEmpty {
                    report.committed = try commitLocal(author: author, report: &report)
                    scanner.scanned()
                }
                seen = localFingerprint()
            }
            // A clone made before quote series existed is given one first (docs/sync.md).
            if !hasSeries { report.quoteSeries = try registerSeries(account: author, branch: branch, remote: remote) }
            while report.attempts < Self.attemptsLimit {
                report.attempts += 1
                try fetchOrigin(remote: remote)
                let theirs = try git.value(["rev-parse", "-q", "--verify", "refs/remotes/origin/\(branch)^{commit}"])
                try store.lock.withLock {
                    // What was saved while we fetched goes into this round.
                    if localFingerprint() != seen {
                        let already = Set(report.committed)
                        report.committed += try commitLocal(author: author, report: &report).filter { !already.contains($0) }
                    }
                    if let theirs { try integrate(theirs, author: author, report: &report) }
                    seen = localFingerprint()
                    scanner.record(seen)
                }
                if try push(report: &report, remote: remote, branch: branch, from: theirs) { return report }
            }
            throw StoreError.io(path: root, detail: "the remote kept changing: \(Self.attemptsLimit) tries; run funnel sync again")
        }
    }

    /// The store's fingerprint (the deal folders, the settings) and the times of the other folders
    /// funnel writes shared files into: the data directory itself (products.json, goals.json), the
    /// templates and the quote folders. A change there moves one of them.
    func localFingerprint() -> String {
        var parts = [store.fingerprint()]
        var folders = [
            root, root + "/templates/mail", root + "/templates/quote", root + "/quotes", root + "/quotes/inbox",
            root + "/quotes/numbers", root + "/quotes/deals",
        ]
        folders += ((try? AtomicFile.list(root + "/quotes/deals")) ?? []).sorted().map { root + "/quotes/deals/" + $0 }
        for folder in folders {
            var info = stat()
            parts.append(lstat(folder, &info) == 0 ? "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)" : "-")
        }
        return parts.joined(separator: "|")
    }

    /// Leftovers of a sync killed midway: git's lock files (no git runs here but funnel's, under
    /// the sync lock and the data lock we hold) and sync's scratch index.
    func recover() throws {
        // A git left running by a sync killed alone (its children live on) finishes in moments:
        // give it two seconds before its lock files count as stale.
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline, !gitLockFiles().isEmpty { usleep(20_000) }
        for path in gitLockFiles() { unlink(path) }
        for name in ["funnel-merge.index", "funnel-merge.index.lock"] { unlink("\(gitDirectory)/\(name)") }
        // A sync killed while it put a merged file in place leaves that write's temporary file
        // (readers ignore it; doctor would report it). The data lock is ours: no write here is
        // under way, so one whose writer is gone is removed.
        let owners = ((try? AtomicFile.folders(in: store.dealsDirectory)) ?? []).map { store.dealsDirectory + "/" + $0 }
        // The data directory was named by the user (it may be a link); the folders in it never are.
        AtomicFile.removeAbandonedTemporaryFiles(in: root, following: true)
        for folder in [store.inboxDirectory] + owners { AtomicFile.removeAbandonedTemporaryFiles(in: folder) }
        let attributes = gitDirectory + "/info/attributes"
        if let data = try? AtomicFile.readFile(attributes, limit: 4_096)?.data, data == Data(Self.mergeAttributes.utf8) {
            unlink(attributes)
        }
    }

    /// The lock files a git writes while it changes the index, HEAD or a branch.
    func gitLockFiles() -> [String] {
        var found = ["index.lock", "HEAD.lock", "packed-refs.lock"].map { "\(gitDirectory)/\($0)" }
            .filter { AtomicFile.identity($0) != nil }
        for folder in ["refs/heads", "refs/remotes/origin"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(gitDirectory)/\(folder)")) ?? []
            where name.hasSuffix(".lock") {
                found.append("\(gitDirectory)/\(folder)/\(name)")
            }
        }
        return found
    }

    /// Fetches origin. A git left running by a sync killed alone may still be updating
    /// `refs/remotes/origin`: a ref lock lost to it is waited out (three seconds), never reported
    /// as an unreachable remote. Unreachable: `SyncError.offline`.
    func fetchOrigin(remote: String) throws {
        let deadline = Date().addingTimeInterval(3)
        while true {
            let fetch = try git.run(["fetch", "-q", "origin"])
            if fetch.status == 0 { return }
            let lockLost = fetch.stderr.contains("cannot lock ref") || fetch.stderr.contains(".lock': File exists")
            guard lockLost else { throw SyncError.offline(remote: remote, detail: fetch.reason) }
            guard Date() < deadline else {
                throw StoreError.io(
                    path: gitDirectory, detail: "another git is updating this clone (\(fetch.reason)); your data is unchanged, run funnel sync again")
            }
            usleep(100_000)
        }
    }

    /// Commits what changed in the data directory since the last sync, in one commit; a file the
    /// store cannot read is not sent (`held`). Returns the paths committed.
    func commitLocal(author: String, report: inout SyncReport) throws -> [String] {
        // funnel's own .gitignore: a teammate's `*` there would keep every new deal from being sent.
        let ignore = root + "/.gitignore"
        if (try? AtomicFile.readFile(ignore, limit: 1 << 16)?.data) ?? nil != Data(SyncFiles.ignore.utf8) {
            try AtomicFile.write(Data(SyncFiles.ignore.utf8), to: ignore)
        }
        try git.check(["add", "-A"])
        let hasHead = try git.value(["rev-parse", "-q", "--verify", "HEAD"]) != nil
        var changes = try stagedChanges(hasHead: hasHead)
        // A file held while a teammate's change to it came in is merged with it, never sent as is.
        if hasHead, try mergeOnceHeld(changes, report: &report) { changes = try stagedChanges(hasHead: hasHead) }
        var committed: [String] = [], held: [String] = [], left: [String] = []
        // What a checkout never wrote here (a teammate's link, a file larger than funnel writes)
        // is missing from the folder, not removed by anyone here: it stays in the repository.
        let neverWritten = try neverCheckedOut(changes.filter { $0.0 == "D" }.map(\.1), hasHead: hasHead)
        for (status, path) in changes {
            // A malformed entry a teammate pushed (`..`, `.git`) is never in the index: it goes.
            guard SyncFiles.isSafePath(path) else {
                committed.append(path)
                continue
            }
            // Only funnel's own files travel: a stray local file is not sent, and a teammate's file
            // that is not funnel's (never written here) is not removed from the repository.
            guard SyncFiles.isSyncable(path), !neverWritten.contains(path) else {
                left.append(path)
                continue
            }
            if status != "D", path.hasSuffix(".json"), let problem = try readProblem(path) {
                held.append("\(path): \(problem)")
                left.append(path)
            } else {
                committed.append(path)
            }
        }
        try unstage(left, hasHead: hasHead)
        report.held = held
        guard !committed.isEmpty else { return [] }
        let sending = Set(committed)
        let message = Self.message(author: author, changes: changes.filter { sending.contains($0.1) })
        // write-tree and commit-tree, not `git commit`: that would look at every file's status
        // again (half a second at 100,000 deals) right after `git add -A` did.
        let tree = try git.check(["write-tree"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = hasHead ? ["-p", "HEAD"] : []
        let commit = try git.check(["commit-tree", tree] + parent + ["-F", "-"], input: Data(message.utf8)).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try git.check(["update-ref", "HEAD", commit])
        return committed
    }

    /// Puts `paths` back in git's index as HEAD has them (or out of it), by entry, never by
    /// pathspec: a name a teammate chose is never read as a pattern or refused as one.
    func unstage(_ paths: [String], hasHead: Bool) throws {
        guard !paths.isEmpty else { return }
        let entries = hasHead ? try headEntries(paths) : [:]
        let zero = "0 " + String(repeating: "0", count: 40)
        func entry(_ path: String) -> String { entries[path].map { "\($0.mode) \($0.sha)" } ?? zero }
        let input = paths.map { "\(entry($0))\t\($0)\0" }.joined()
        try git.check(["update-index", "-z", "--index-info"], input: Data(input.utf8))
    }

    /// Which of `removed` HEAD holds as something a checkout never writes into the folder: not
    /// a regular file (a link, a submodule) or larger than funnel writes (`SyncFiles.largest`).
    func neverCheckedOut(_ removed: [String], hasHead: Bool) throws -> Set<String> {
        let candidates = removed.filter { SyncFiles.isSafePath($0) && SyncFiles.isSyncable($0) }
        guard hasHead, !candidates.isEmpty else { return [] }
        let entries = try headEntries(candidates)
        return Set(
            candidates.filter { path in entries[path].map { !SyncFiles.isWritten(mode: $0.mode) || $0.size > SyncFiles.largest(path) } ?? false })
    }

    /// HEAD's entries for `paths` (mode, object, size; `Int.max` where git gives none, as for a
    /// folder), asked by entry in chunks, never by pattern: a name a teammate chose is never read
    /// as a pattern or refused as one (`--` ends the options).
    func headEntries(_ paths: [String]) throws -> [String: (mode: String, sha: String, size: Int)] {
        var entries: [String: (mode: String, sha: String, size: Int)] = [:]
        for chunk in stride(from: 0, to: paths.count, by: 500).map({ Array(paths[$0..<min($0 + 500, paths.count)]) }) {
            // "mode type sha size\tpath"
            for line in try git.check(["ls-tree", "-l", "-z", "HEAD", "--"] + chunk).text.split(separator: "\0") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                let fields = parts.first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
                guard parts.count == 2, fields.count == 4 else { continue }
                entries[String(parts[1])] = (String(fields[0]), String(fields[2]), Int(fields[3]) ?? Int.max)
            }
        }
        return entries
    }

    func stagedChanges(hasHead: Bool) throws -> [(String, String)] {
        let arguments =
            hasHead
            ? ["diff", "--cached", "--no-renames", "--name-status", "-z", "HEAD"]
            : ["diff", "--cached", "--no-renames", "--name-status", "-z", Self.emptyTree]
        let fields = try git.check(arguments).text.split(separator: "\0").map(String.init)
        return stride(from: 0, to: fields.count - 1, by: 2).map { (fields[$0], fields[$0 + 1]) }
    }

    func readProblem(_ path: String) throws -> String? {
        guard let data = try AtomicFile.readFile("\(root)/\(path)", limit: FunnelStore.maximumFileBytes)?.data else {
            return "cannot be read"
        }
        return FileMerge.problem(in: data, path: "\(root)/\(path)")
    }

    /// "funnel sync by rita: 3 deals (1 new, 1 removed), pipeline".
    static func message(author: String, changes: [(String, String)]) -> String {
        let deals = changes.filter { SyncFiles.dealID($0.1) != nil }
        var parts: [String] = []
        if !deals.isEmpty {
            let added = deals.filter { $0.0 == "A" }.count, removed = deals.filter { $0.0 == "D" }.count
            let detail = [added > 0 ? "\(added) new" : nil, removed > 0 ? "\(removed) moved or removed" : nil].compactMap { $0 }
            parts.append("\(deals.count) deal file\(deals.count == 1 ? "" : "s")" + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))"))
        }
        let settings = ["pipeline.json", "team.json", "products.json", "goals.json"].filter { name in changes.contains { $0.1 == name } }
        parts += settings.map { String($0.dropLast(5)) }
        let others = changes.count - deals.count - settings.count
        if others > 0 { parts.append("\(others) other file\(others == 1 ? "" : "s")") }
        var body = changes.prefix(200).map { "\($0.0) \($0.1)" }.joined(separator: "\n")
        if changes.count > 200 { body += "\n… and \(changes.count - 200) more" }
        return "funnel sync by \(author): \(parts.joined(separator: ", "))\n\n\(body)"
    }

    /// Pushes HEAD unless the remote has it; true when the remote now has it, false when someone
    /// pushed first (fetch and merge again). Unreachable: `SyncError.offline`.
    @discardableResult
    func push(report: inout SyncReport, remote: String, branch: String, from theirs: String?) throws -> Bool {
        let head = try git.value(["rev-parse", "HEAD"])
        guard let head, head != theirs else { return true }
        let output = try git.run(["push", "-q", "origin", "HEAD:refs/heads/\(branch)"])
        if output.status != 0 {
            let text = output.stderr
            // Someone pushed first, or their push landed between the server's check and its update
            // (unless a lock file is stuck there): fetch, merge, push again.
            if isRaceLost(text) { return false }
            // Reached, but it refused (a lock left on the server, no permission): say what it said.
            let said = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("remote:") || $0.hasPrefix("! ") || $0.contains("cannot lock") || $0.contains("denied") }
            if !said.isEmpty {
                throw StoreError.io(
                    path: remote,
                    detail:
                        "the remote refused the push (\(said.prefix(3).joined(separator: "; "))); your data is unchanged, the next funnel sync tries again"
                )
            }
            throw SyncError.offline(remote: remote, detail: output.reason)
        }
        try git.run(["update-ref", "refs/remotes/origin/\(branch)", head])
        report.sent = try changedPaths(from: theirs, to: head)
        return true
    }

    /// The paths that differ between two commits (nil: the empty tree).
    func changedPaths(from old: String?, to new: String) throws -> [String] {
        try rawDiff(from: old, to: new).map(\.path)
    }
}
