import Foundation

/// What a commit does to one path of its parent's tree.
enum TreeChange: Equatable {
    /// The path goes.
    case remove
    /// The path holds a blob git has already, with its mode (`100644`, `100755`, `120000`).
    case blob(mode: String, sha: String)
    /// The path holds new content (a plain file).
    case content(Data)
}

/// Commits made by one `git fast-import`: a parent's tree with some paths changed, written as a
/// pack, without an index of every file (a scratch index of 100,000 entries cost a second) and
/// without one git process or temporary file per new blob.
struct CommitWriter {
    let git: Git
    /// The ref fast-import writes to, removed again once the commit is read from it.
    static let scratchRef = "refs/funnel/commit"

    /// A commit whose parents are `parent` (and `merge`), holding `parent`'s tree with `changes`
    /// applied in order (a later change of a path overrides an earlier one).
    func commit(parent: String, merge: String? = nil, changes: [(path: String, change: TreeChange)], message: String) throws -> String {
        var stream = Data("commit \(Self.scratchRef)\n".utf8)
        stream += Data("committer \(identity) \(Int(Date().timeIntervalSince1970)) +0000\n".utf8)
        stream += Self.data(Data(message.utf8))
        stream += Data("from \(parent)\n".utf8)
        if let merge { stream += Data("merge \(merge)\n".utf8) }
        for (path, change) in changes {
            let name = Self.quoted(path)
            switch change {
            case .remove: stream += Data("D \(name)\n".utf8)
            case .blob(let mode, let sha): stream += Data("M \(mode) \(sha) \(name)\n".utf8)
            case .content(let data): stream += Data("M 100644 inline \(name)\n".utf8) + Self.data(data)
            }
        }
        stream += Data("\ndone\n".utf8)
        try git.check(["fast-import", "--quiet", "--done", "--force"], input: stream)
        guard let commit = try git.value(["rev-parse", "-q", "--verify", Self.scratchRef + "^{commit}"]) else {
            throw StoreError.io(path: git.directory, detail: "git fast-import made no commit")
        }
        _ = try git.run(["update-ref", "-d", Self.scratchRef])
        return commit
    }

    /// `data N` and the bytes, as fast-import reads them.
    static func data(_ bytes: Data) -> Data { Data("data \(bytes.count)\n".utf8) + bytes + Data("\n".utf8) }

    /// A path as fast-import reads it: as it is, or C-quoted when it starts with a quote or holds a
    /// line break (a teammate's file may be named anything).
    static func quoted(_ path: String) -> String {
        guard path.hasPrefix("\"") || path.contains("\n") || path.contains("\r") else { return path }
        var out = "\""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `Name <email>` of the committer (the funnel user), without the characters that would end it.
    var identity: String {
        func clean(_ text: String?, _ fallback: String) -> String {
            let kept = (text ?? "").filter { !"<>\n\r\0".contains($0) }.trimmingCharacters(in: .whitespaces)
            return kept.isEmpty ? fallback : kept
        }
        return "\(clean(git.environment["GIT_COMMITTER_NAME"], "funnel")) <\(clean(git.environment["GIT_COMMITTER_EMAIL"], "funnel@funnel.invalid"))>"
    }
}
