import Foundation
import FunnelCore

extension SyncRepository {
    /// git's empty tree, the "before" of a first commit.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Brings the remote's commit `theirs` in: nothing when HEAD has it, a fast-forward when HEAD
    /// is behind, else a merge commit; then the data directory is brought to the result.
    func integrate(_ theirs: String, report: inout SyncReport) throws {
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
        let ourChanges = try changedPaths(from: base, to: head), theirChanges = try changedPaths(from: base, to: theirs)
        let both = Set(ourChanges.compactMap(SyncFiles.dealID)).intersection(theirChanges.compactMap(SyncFiles.dealID))
        let final = try settle(tree: tree, conflicted: conflicted, both: both, base: base, head: head, theirs: theirs,
                               report: &report)
        let message = "funnel sync: merge of \(both.count) file\(both.count == 1 ? "" : "s") changed on both sides"
        return try git.check(["commit-tree", final, "-p", head, "-p", theirs, "-m", message]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `tree` with every deal changed on both sides, conflicted or in two places replaced by one
    /// file merged here by id (wherever each side keeps it: a reassigned deal moves folder), where
    /// its owner says; other conflicted files take the version already shared (ours stays in the
    /// history). git's own merge (with the driver) settles the rest.
    func settle(tree: String, conflicted: Set<String>, both: Set<String>, base: String?, head: String, theirs: String,
                report: inout SyncReport) throws -> String {
        let merged = try listing(tree)
        var byID: [String: [String]] = [:]
        for path in merged.keys { if let id = SyncFiles.dealID(path) { byID[id, default: []].append(path) } }
        var conflictedByID: [String: [String]] = [:]
        for path in conflicted { if let id = SyncFiles.dealID(path) { conflictedByID[id, default: []].append(path) } }
        var ids = Set(conflictedByID.keys).union(both)
        for (id, paths) in byID where paths.count > 1 { ids.insert(id) }
        let others = conflicted.filter { SyncFiles.dealID($0) == nil }
        guard !ids.isEmpty || !others.isEmpty else { return tree }
        let baseFiles = try base.map(listing) ?? [:], ourFiles = try listing(head), theirFiles = try listing(theirs)
        let sides = [baseFiles, ourFiles, theirFiles].map(Self.dealsByID)
        var updates: [(path: String, blob: String?)] = []
        let wanted = ids.flatMap { id in sides.compactMap { $0[id]?.blob } }
        var contents: [String: Data] = [:]
        for (sha, data) in zip(wanted, try blobs(wanted)) { contents[sha] = data }
        func blob(_ sha: String) throws -> Data {
            if let data = contents[sha] { return data }
            return try self.blob(sha)
        }
        let writer = try BlobWriter(directory: gitDirectory + "/funnel-merge")
        defer { writer.discard() }
        for id in ids.sorted() {
            for path in byID[id] ?? [] { updates.append((path, nil)) }
            for path in conflictedByID[id] ?? [] { updates.append((path, nil)) }
            if let kept = try mergeByID(id, base: sides[0][id], ours: sides[1][id], theirs: sides[2][id], blob: blob,
                                        blobs: writer, report: &report) {
                updates.append(kept)
            }
        }
        for path in others.sorted() {
            if let ours = ourFiles[path], let theirs = theirFiles[path],
               let merged = try? FileMerge.merge(base: try baseFiles[path].map { try blob($0) }, ours: try blob(ours),
                                                 theirs: try blob(theirs), path: path) {
                updates.append((path, try writer.add(merged.data)))
                report.conflicts += merged.conflicts
                continue
            }
            updates.append((path, theirFiles[path] ?? ourFiles[path]))
            report.conflicts.append("\(path): could not be merged; kept the version already shared (yours is in the history of \(head.prefix(10)))")
        }
        let written = try writer.store(git)
        return try rewrite(tree, with: updates.map { update in (update.path, update.blob.map { written[$0] ?? $0 }) })
    }

    /// One deal's merged file (path and blob) from its versions by id, wherever they were.
    func mergeByID(_ id: String, base: (path: String, blob: String)?, ours: (path: String, blob: String)?,
                   theirs: (path: String, blob: String)?, blob: (String) throws -> Data, blobs: BlobWriter,
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
            return (ours.path, ours.blob)
        }
    }

    /// Every file of a commit or tree: path → blob.
    func listing(_ treeish: String) throws -> [String: String] {
        // Read as bytes: at 100,000 deals a walk over Characters costs more than git itself.
        let bytes = try git.check(["ls-tree", "-r", "-z", "--full-tree", treeish]).stdout
        var out: [String: String] = [:]
        out.reserveCapacity(bytes.count / 90)
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for entry in raw.split(separator: 0) {
                // "<mode> blob <sha>\t<path>"
                guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")), tab - entry.startIndex > 46 else { continue }
                let meta = entry[entry.startIndex..<tab]
                // "blob" ends one space before the 40-digit id ("commit": a submodule, skipped).
                guard meta[meta.endIndex - 45] == UInt8(ascii: "b"), meta[meta.endIndex - 44] == UInt8(ascii: "l") else { continue }
                let sha = String(decoding: meta[(meta.endIndex - 40)...], as: UTF8.self)
                out[String(decoding: entry[(tab + 1)...], as: UTF8.self)] = sha
            }
        }
        return out
    }

    static func dealsByID(_ files: [String: String]) -> [String: (path: String, blob: String)] {
        var out: [String: (path: String, blob: String)] = [:]
        for (path, blob) in files.sorted(by: { $0.key < $1.key }) {
            // An owner's copy counts before the inbox's (as in the store).
            if let id = SyncFiles.dealID(path), out[id] == nil || out[id]!.path.hasPrefix("inbox/") { out[id] = (path, blob) }
        }
        return out
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
