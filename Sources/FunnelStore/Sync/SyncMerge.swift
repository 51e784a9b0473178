import Foundation
import FunnelCore

extension SyncRepository {
    /// git's empty tree, the "before" of a first commit.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Brings the remote's commit `theirs` in: nothing when HEAD has it, a fast-forward when HEAD
    /// is behind, else a merge commit; then the data directory is brought to the result.
    func integrate(_ theirs: String, author: String, report: inout SyncReport, retrying: Bool = false) throws {
        let before = report
        let noted = report.unmerged.count
        let head = try git.value(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
        if let head {
            if head == theirs { return }
            if try isAncestor(theirs, of: head) { return }
        }
        var next: String
        if let head, !(try isAncestor(head, of: theirs)) {
            next = try mergeCommit(head, theirs, report: &report)
        } else {
            next = theirs
        }
        next = try keepingQuotes(of: head, in: next, report: &report)
        // A file changed here since the last commit (edited in place by hand, or a write the quick
        // look missed) is never written over: it is committed first, and the merge made again.
        if let head, !retrying, try !uncommitted(from: head, to: next, held: report.heldPaths).isEmpty {
            report = before
            let already = Set(report.committed)
            report.committed += try commitLocal(author: author, report: &report).filter { !already.contains($0) }
            return try integrate(theirs, author: author, report: &report, retrying: true)
        }
        try checkout(from: head, to: next, report: &report)
        try UnmergedLog(root: root).add(Array(report.unmerged[noted...]))
        // Received: what was written here (not a file left in the repository, nor one held back).
        let skipped = Set(report.received + (report.ignored + report.held).map { String($0.prefix { $0 != " " && $0 != ":" }) })
        report.received += try changedPaths(from: head, to: next).filter { SyncFiles.isSyncable($0) && !skipped.contains($0) }
    }

    /// `next`, or a commit on top of it that puts back the issued quotes' files (PDFs, numbers,
    /// series) it would remove or change: an issued quote is never taken back by a teammate's
    /// commit. A PDF that moved folder with its deal (removed here, added there) moves.
    func keepingQuotes(of head: String?, in next: String, report: inout SyncReport) throws -> String {
        guard let head else { return next }
        var taken: [(path: String, change: TreeChange)] = [], added = Set<String>()
        for change in try rawDiff(from: head, to: next) where change.path.hasPrefix("quotes/") && SyncFiles.isSyncable(change.path) {
            if change.status == "A" { added.insert((change.path as NSString).lastPathComponent) }
            if change.status == "D" || change.status == "M" {
                taken.append((change.path, .blob(mode: change.oldMode, sha: change.oldBlob)))
            }
        }
        let restored = taken.filter { !added.contains(($0.path as NSString).lastPathComponent) }
        guard !restored.isEmpty else { return next }
        for file in restored {
            report.conflicts.append("\(file.path): a teammate's commit removed or changed an issued quote's file; kept (quotes are never taken back)")
        }
        return try CommitWriter(git: git).commit(
            parent: next, changes: restored,
            message: "funnel sync: issued quotes are never taken back (\(restored.count) file\(restored.count == 1 ? "" : "s"))")
    }

    /// The files going from `head` to `next` that differ here from `head`'s version (changed or
    /// removed since the last commit, or there while `head` has none), held ones aside.
    func uncommitted(from head: String, to next: String, held heldPaths: Set<String>) throws -> [String] {
        var dirty: [String] = [], present: [(path: String, sha: String)] = []
        for change in try rawDiff(from: head, to: next) where SyncFiles.isSyncable(change.path) && !heldPaths.contains(change.path) {
            var info = stat()
            if lstat("\(root)/\(change.path)", &info) == 0 {
                if change.isNew { dirty.append(change.path) } else { present.append((change.path, change.oldBlob)) }
            } else if !change.isNew {
                dirty.append(change.path)
            }
        }
        guard !present.isEmpty else { return dirty }
        let hashes = try git.check(
            ["hash-object", "--no-filters", "--stdin-paths"],
            input: Data(present.map { "\(root)/\($0.path)\n" }.joined().utf8)
        )
        .text.split(separator: "\n").map(String.init)
        for (file, hash) in zip(present, hashes) where hash != file.sha { dirty.append(file.path) }
        return dirty
    }

    func isAncestor(_ a: String, of b: String) throws -> Bool {
        try git.run(["merge-base", "--is-ancestor", a, b]).status == 0
    }

    /// The merge of HEAD and `theirs` as a commit: git's merge (deal files through the driver),
    /// then every deal git could not settle, or left in two places, merged again by id.
    func mergeCommit(_ head: String, _ theirs: String, report: inout SyncReport) throws -> String {
        let output = try withFunnelMerges {
            try git.run(mergeOptions + ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", head, theirs])
        }
        guard output.status == 0 || output.status == 1 else {
            throw StoreError.io(path: root, detail: "git merge-tree failed: \(output.reason)")
        }
        let fields = output.text.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        guard let tree = fields.first else { throw StoreError.io(path: root, detail: "git merge-tree gave no tree") }
        let conflicted = Set(fields.dropFirst())
        let base = try git.value(["merge-base", head, theirs])
        let ourChanges = try changes(from: base, to: head), theirChanges = try changes(from: base, to: theirs)
        let both = Set(ourChanges.keys.compactMap(SyncFiles.dealID)).intersection(theirChanges.keys.compactMap(SyncFiles.dealID))
        let added = Set(ourChanges.filter { $0.value == "A" }.keys).union(theirChanges.filter { $0.value == "A" }.keys)
        let settled = try settle(
            tree: tree, conflicted: conflicted, both: both, changed: Set(ourChanges.keys).union(theirChanges.keys),
            added: added, commits: (base, head, theirs), report: &report)
        let message = "funnel sync: merge of \(both.count) deal\(both.count == 1 ? "" : "s") changed on both sides"
        guard !settled.isEmpty else {
            return try git.check(["commit-tree", tree, "-p", head, "-p", theirs, "-m", message]).text
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // git's merged tree, as changes to ours, then funnel's own merges on top.
        return try CommitWriter(git: git).commit(
            parent: head, merge: theirs, changes: try treeChanges(from: head, to: tree) + settled,
            message: message)
    }

    /// How `tree` differs from commit `commit`'s, as changes to it.
    func treeChanges(from commit: String, to tree: String) throws -> [(path: String, change: TreeChange)] {
        try rawDiff(from: commit, to: tree).map { change in
            (change.path, change.isRemoval ? .remove : .blob(mode: change.newMode, sha: change.newBlob))
        }
    }

    /// The changes to `tree` that replace every deal changed on both sides, conflicted or in two
    /// places by one file merged here by id (wherever each side keeps it: a reassigned deal moves
    /// folder), where its owner says; other conflicted files of funnel's merged the same way, else
    /// the version already shared (ours stays in the history). Only the paths the two sides changed
    /// are looked at, never a listing of every deal.
    func settle(
        tree: String, conflicted: Set<String>, both: Set<String>, changed: Set<String>, added: Set<String>,
        commits: (base: String?, head: String, theirs: String), report: inout SyncReport
    ) throws
        -> [(path: String, change: TreeChange)]
    {
        var pathsByID: [String: Set<String>] = [:]
        for path in changed.union(conflicted) { if let id = SyncFiles.dealID(path) { pathsByID[id, default: []].insert(path) } }
        var ids = Set(conflicted.compactMap(SyncFiles.dealID)).union(both)
        // A deal added somewhere (moved to another folder) may now be in two places.
        let movedIDs = Set(added.compactMap(SyncFiles.dealID)).subtracting(ids)
        if !movedIDs.isEmpty {
            var copies: [String: Int] = [:]
            for path in try present(movedIDs.flatMap { pathsByID[$0] ?? [] }, in: tree) {
                if let id = SyncFiles.dealID(path) { copies[id, default: 0] += 1 }
            }
            ids.formUnion(copies.filter { $0.value > 1 }.keys)
        }
        let others = conflicted.filter { SyncFiles.dealID($0) == nil && SyncFiles.isSyncable($0) }
        guard !ids.isEmpty || !others.isEmpty else { return [] }
        var names: [String] = []
        for path in ids.flatMap({ pathsByID[$0] ?? [] }) + others {
            for commit in [commits.base, commits.head, commits.theirs].compactMap({ $0 }) { names.append("\(commit):\(path)") }
        }
        let found = try objects(names)
        var contents: [String: Data] = [:]
        for object in found.values { contents[object.sha] = object.data }
        func blob(_ sha: String) throws -> Data { try contents[sha] ?? self.blob(sha) }
        func version(_ commit: String?, _ paths: [String]) -> (path: String, blob: String)? {
            guard let commit else { return nil }
            let there = paths.sorted().filter { found["\(commit):\($0)"] != nil }
            // An owner's copy counts before the inbox's (as in the store).
            guard let path = there.first(where: { !$0.hasPrefix("inbox/") }) ?? there.first,
                let object = found["\(commit):\(path)"]
            else { return nil }
            return (path, object.sha)
        }
        var removals: [(path: String, change: TreeChange)] = [], additions: [(path: String, change: TreeChange)] = []
        let deals = ids.sorted().map { id in
            let paths = Array(pathsByID[id] ?? [])
            return DealVersions(
                id: id, paths: paths, base: version(commits.base, paths), ours: version(commits.head, paths),
                theirs: version(commits.theirs, paths))
        }
        for (deal, merged) in zip(deals, try mergeDeals(deals, contents: contents)) {
            removals += deal.paths.map { ($0, TreeChange.remove) }
            if let kept = try keep(deal, merged, other: commits.theirs, blob: blob, report: &report) { additions.append(kept) }
        }
        for path in others.sorted() {
            let base = version(commits.base, [path]), ours = version(commits.head, [path]), theirs = version(commits.theirs, [path])
            if let change = try settleOther(path, base: base, ours: ours, theirs: theirs, commits: commits, blob: blob, report: &report) {
                additions.append((path, change))
            }
        }
        // Removals first: a merged deal may go back to a path one side had.
        return removals + additions
    }

    /// A file of funnel's other than a deal that both sides changed: merged like the settings; a
    /// quote's PDF or number (the same number given twice) keeps ours, the issuer's; anything
    /// else that cannot be merged keeps the version already shared. Noted for `funnel doctor`.
    func settleOther(
        _ path: String, base: (path: String, blob: String)?, ours: (path: String, blob: String)?, theirs: (path: String, blob: String)?,
        commits: (base: String?, head: String, theirs: String), blob: (String) throws -> Data, report: inout SyncReport
    ) throws -> TreeChange? {
        let isQuote = path.hasPrefix("quotes/")
        if let ours, let theirs, !isQuote,
            let merged = try? FileMerge.merge(
                base: try base.map { try blob($0.blob) }, ours: try blob(ours.blob), theirs: try blob(theirs.blob), path: path)
        {
            report.conflicts += merged.conflicts
            return .content(merged.data)
        }
        let keepOurs = theirs == nil || (isQuote && ours != nil)
        guard let kept = keepOurs ? ours : theirs else { return .remove }
        let other = keepOurs ? commits.theirs : commits.head
        let whose = keepOurs ? "kept yours, the other is" : "kept the version already shared (yours is"
        report.conflicts.append(
            "\(path): "
                + (isQuote ? "a teammate's file has the same quote number; " : "could not be merged; ")
                + "\(whose) in the history of \(other.prefix(10))\(keepOurs ? "" : ")") — run funnel doctor")
        report.unmerged.append(
            UnmergedFile(
                path: path,
                reason: isQuote ? "the same quote number was given twice" : "the two versions cannot be combined into one the store reads",
                kept: keepOurs ? "ours" : "theirs", other: other, content: try blob(kept.blob), at: Date()))
        return .blob(mode: "100644", sha: kept.blob)
    }

    /// What changed from `base` to `commit`: path → A (added), M, D, T.
    func changes(from base: String?, to commit: String) throws -> [String: Character] {
        Dictionary(try rawDiff(from: base, to: commit).map { ($0.path, $0.status) }, uniquingKeysWith: { _, last in last })
    }

    /// Which of `paths` are in `tree`.
    func present(_ paths: [String], in tree: String) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        return try git.check(["ls-tree", "-r", "-z", "--name-only", tree, "--"] + paths).text
            .split(separator: "\0").map(String.init)
    }

    /// Objects named `commit:path`, each with its blob id and content; missing names are left out.
    func objects(_ names: [String]) throws -> [String: (sha: String, data: Data)] {
        guard !names.isEmpty else { return [:] }
        let output = try git.check(["cat-file", "--batch"], input: Data(names.map { $0 + "\n" }.joined().utf8)).stdout
        var out: [String: (sha: String, data: Data)] = [:]
        var cursor = output.startIndex
        for name in names {
            guard let newline = output[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: output[cursor..<newline], as: UTF8.self)
            cursor = output.index(after: newline)
            let parts = header.split(separator: " ")
            guard parts.count == 3, let size = Int(parts[2]) else { continue }  // "NAME missing": no content follows
            let end = output.index(cursor, offsetBy: size)
            if parts[1] == "blob" { out[name] = (String(parts[0]), Data(output[cursor..<end])) }
            cursor = output.index(after: end)
        }
        return out
    }

    /// One deal's versions by id, wherever each commit keeps it: (path, blob) or nil.
    struct DealVersions {
        let id: String
        let paths: [String]
        let base, ours, theirs: (path: String, blob: String)?
    }

    /// The three-way merge of each deal whose two sides differ, on every core (each is a pure
    /// function of three files): the outcome, the reason it could not be made, or nil when there
    /// is nothing to merge.
    func mergeDeals(_ deals: [DealVersions], contents: [String: Data]) throws -> [Result<FileMerge.Outcome, StoreError>?] {
        let results = MergeResults(count: deals.count)
        DispatchQueue.concurrentPerform(iterations: deals.count) { index in
            let deal = deals[index]
            guard let ours = deal.ours, let theirs = deal.theirs, ours != theirs else { return }
            guard let oursData = contents[ours.blob], let theirsData = contents[theirs.blob] else {
                results.set(index, .failure(StoreError.io(path: ours.path, detail: "a version was not read from git")))
                return
            }
            do {
                let outcome = try FileMerge.merge(
                    base: deal.base.flatMap { contents[$0.blob] }, ours: oursData, theirs: theirsData,
                    path: ours.path)
                results.set(index, .success(outcome))
            } catch let error as StoreError {
                results.set(index, .failure(error))
            } catch {
                results.set(index, .failure(StoreError.io(path: ours.path, detail: "\(error)")))
            }
        }
        return results.values
    }

    /// Where one deal's merge leaves its file: the merged content where its owner says, the one
    /// side there is, or — a merge that could not be made — ours, noted for `funnel doctor`.
    func keep(
        _ deal: DealVersions, _ merged: Result<FileMerge.Outcome, StoreError>?, other: String, blob: (String) throws -> Data,
        report: inout SyncReport
    ) throws -> (path: String, change: TreeChange)? {
        guard let ours = deal.ours else { return deal.theirs.map { ($0.path, .blob(mode: "100644", sha: $0.blob)) } }
        switch merged {
        case nil:
            return (ours.path, .blob(mode: "100644", sha: ours.blob))
        case .success(let outcome):
            report.conflicts += outcome.conflicts
            let owner = outcome.deal?.owner.flatMap { User.isValidAccount($0) ? $0 : nil }
            let path = outcome.deal?.owner == nil || owner != nil ? SyncFiles.dealPath(id: deal.id, owner: owner) : ours.path
            return (path, .content(outcome.data))
        case .failure(let error):
            report.conflicts.append(
                "\(ours.path): could not be merged (\(error.description)); kept yours, theirs is in the history — run funnel doctor")
            report.unmerged.append(
                UnmergedFile(
                    path: ours.path, reason: error.description, kept: "ours", other: other,
                    content: try blob(ours.blob), at: Date()))
            return (ours.path, .blob(mode: "100644", sha: ours.blob))
        }
    }

    func blob(_ sha: String) throws -> Data { try git.check(["cat-file", "blob", sha]).stdout }
}

/// Merge outcomes written by concurrent workers, one slot each.
final class MergeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<FileMerge.Outcome, StoreError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<FileMerge.Outcome, StoreError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<FileMerge.Outcome, StoreError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
