import Foundation

/// One file's change between two trees, as `git diff-tree -r --raw` gives it.
struct DiffEntry {
    let oldMode: String
    let newMode: String
    let oldBlob: String
    let newBlob: String
    /// A (added), M, D (removed), T (type changed).
    let status: Character
    let path: String

    var isRemoval: Bool { status == "D" }
    /// Whether the old side had no such file (its blob is git's null id).
    var isNew: Bool { oldBlob.allSatisfy { $0 == "0" } }
}

extension SyncRepository {
    /// Every file that differs from `old` (nil: the empty tree) to `new`, commits or trees.
    func rawDiff(from old: String?, to new: String) throws -> [DiffEntry] {
        let fields = try git.check(["diff-tree", "-r", "-z", "--no-renames", old ?? Self.emptyTree, new]).text
            .split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        var out: [DiffEntry] = []
        for index in stride(from: 0, to: fields.count - 1, by: 2) {
            let meta = fields[index].dropFirst().split(separator: " ").map(String.init)
            guard meta.count == 5, let status = meta[4].first else { continue }
            out.append(
                DiffEntry(oldMode: meta[0], newMode: meta[1], oldBlob: meta[2], newBlob: meta[3], status: status, path: fields[index + 1]))
        }
        return out
    }
}
