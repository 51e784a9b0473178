import Foundation
import FunnelCore

extension SyncRepository {
    /// git's empty tree, the "before" of a first commit.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Brings the remote's commit `theirs` in: nothing when HEAD has it, a fast-forward when HEAD
    /// is behind, else a merge commit; then the data directory is brought to the result.
    func integrate(_ theirs: String, report: inout SyncReport) throws {
        let noted = report.unmerged.count
        let head = try git.value(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
        if let head {
            if head == theirs { return }
            if try isAncestor(theirs, of: head) { return }
        }
        let next: String
        if let head, !(try isAncestor(head, of: theirs)) {
            next = try mergeCommit(head, theirs, report: &report)
        } else {
            next = theirs
        }
        try checkout(from: head, to: next, report: &report)
        try UnmergedLog(root: root).add(Array(report.unmerged[noted...]))
        let already = Set(report.received)
        report.received += try changedPaths(from: head, to: next).filter { !already.contains($0) }
    }

    func isAncestor(_ a: String, of b: String) throws -> Bool {
        try git.run(["merge-base", "--is-ancestor", a, b]).status == 0
    }

    /// The merge of HEAD and `theirs` as a commit: git's merge (deal files through the driver),
    /// then every deal git could not settle, or left in two places, merged again by id.
    func mergeCommit(_ head: String, _ theirs: String, report: inout SyncReport) throws -> String {
        let output = try withFunnelMerges { try git.run(mergeOptions + ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", head, theirs]) }
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
        let final = try settle(tree: tree, conflicted: conflicted, both: both, changed: Set(ourChanges.keys).union(theirChanges.keys),
                               added: added, commits: (base, head, theirs), report: &report)
        let message = "funnel sync: merge of \(both.count) deal\(both.count == 1 ? "" : "s") changed on both sides"
        return try git.check(["commit-tree", final, "-p", head, "-p", theirs, "-m", message]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `tree` with every deal changed on both sides, conflicted or in two places replaced by one
    /// file merged here by id (wherever each side keeps it: a reassigned deal moves folder), where
    /// its owner says; other conflicted files of funnel's merged the same way, else the version
    /// already shared (ours stays in the history). Only the paths the two sides changed are looked
    /// at, never a listing of every deal.
    func settle(tree: String, conflicted: Set<String>, both: Set<String>, changed: Set<String>, added: Set<String>,
                commits: (base: String?, head: String, theirs: String), report: inout SyncReport) throws -> String {
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
        guard !ids.isEmpty || !others.isEmpty else { return tree }
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
                  let object = found["\(commit):\(path)"] else { return nil }
            return (path, object.sha)
        }
        let writer = try BlobWriter(directory: gitDirectory + "/funnel-merge")
        defer { writer.discard() }
        var updates: [(path: String, blob: String?)] = []
        for id in ids.sorted() {
            let paths = Array(pathsByID[id] ?? [])
            for path in paths { updates.append((path, nil)) }
            if let kept = try mergeByID(id, base: version(commits.base, paths), ours: version(commits.head, paths),
                                        theirs: version(commits.theirs, paths), other: commits.theirs, blob: blob, blobs: writer,
                                        report: &report) {
                updates.append(kept)
            }
        }
        for path in others.sorted() {
            let ours = version(commits.head, [path]), theirs = version(commits.theirs, [path])
            if let ours, let theirs,
               let merged = try? FileMerge.merge(base: try version(commits.base, [path]).map { try blob($0.blob) },
                                                 ours: try blob(ours.blob), theirs: try blob(theirs.blob), path: path) {
                updates.append((path, try writer.add(merged.data)))
                report.conflicts += merged.conflicts
                continue
            }
            let kept = theirs ?? ours
            updates.append((path, kept?.blob))
            report.conflicts.append("\(path): could not be merged; kept the version already shared (yours is in the history of \(commits.head.prefix(10))) — run funnel doctor")
            if let kept {
                report.unmerged.append(UnmergedFile(path: path, reason: "the two versions cannot be combined into one the store reads",
                                                    kept: theirs == nil ? "ours" : "theirs", other: theirs == nil ? commits.theirs : commits.head,
                                                    content: try blob(kept.blob), at: Date()))
            }
        }
        let written = try writer.store(git)
        return try rewrite(tree, with: updates.map { update in (update.path, update.blob.map { written[$0] ?? $0 }) })
    }

    /// What changed from `base` to `commit`: path → A (added), M, D, T.
    func changes(from base: String?, to commit: String) throws -> [String: Character] {
        let fields = try git.check(["diff-tree", "-r", "--no-renames", "--name-status", "-z", base ?? Self.emptyTree, commit])
            .text.split(separator: "\0").map(String.init)
        var out: [String: Character] = [:]
        for index in stride(from: 0, to: fields.count - 1, by: 2) { out[fields[index + 1]] = fields[index].first ?? "M" }
        return out
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

    /// One deal's merged file (path and blob) from its versions by id, wherever they were.
    func mergeByID(_ id: String, base: (path: String, blob: String)?, ours: (path: String, blob: String)?,
                   theirs: (path: String, blob: String)?, other: String, blob: (String) throws -> Data, blobs: BlobWriter,
                   report: inout SyncReport) throws -> (path: String, blob: String?)? {
        guard let ours else { return theirs.map { ($0.path, $0.blob) } }
        guard let theirs else { return (ours.path, ours.blob) }
        if ours == theirs { return (ours.path, ours.blob) }
        do {
            let outcome = try FileMerge.merge(base: try base.map { try blob($0.blob) }, ours: try blob(ours.blob),
                                              theirs: try blob(theirs.blob), path: ours.path)
            report.conflicts += outcome.conflicts
            let owner = outcome.deal?.owner.flatMap { User.isValidAccount($0) ? $0 : nil }
            let path = outcome.deal?.owner == nil || owner != nil ? SyncFiles.dealPath(id: id, owner: owner) : ours.path
            return (path, try blobs.add(outcome.data))
        } catch let error as StoreError {
            report.conflicts.append("\(ours.path): could not be merged (\(error.description)); kept yours, theirs is in the history — run funnel doctor")
            report.unmerged.append(UnmergedFile(path: ours.path, reason: error.description, kept: "ours", other: other,
                                                content: try blob(ours.blob), at: Date()))
            return (ours.path, ours.blob)
        }
    }

    func blob(_ sha: String) throws -> Data { try git.check(["cat-file", "blob", sha]).stdout }


    /// `tree` with `updates` applied (nil blob: removed), through a scratch index.
    func rewrite(_ tree: String, with updates: [(path: String, blob: String?)]) throws -> String {
        let index = ["GIT_INDEX_FILE": gitDirectory + "/funnel-merge.index"]
        defer { unlink(gitDirectory + "/funnel-merge.index") }
        try git.check(["read-tree", tree], extraEnvironment: index)
        var removals = Data(), additions = Data()
        for update in updates {
            if let blob = update.blob {
                additions += Data("100644 \(blob)\t\(update.path)\0".utf8)
            } else {
                removals += Data("0 0000000000000000000000000000000000000000\t\(update.path)\0".utf8)
            }
        }
        try git.check(["update-index", "-z", "--index-info"], input: removals, extraEnvironment: index)
        try git.check(["update-index", "-z", "--index-info"], input: additions, extraEnvironment: index)
        return try git.check(["write-tree"], extraEnvironment: index).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
