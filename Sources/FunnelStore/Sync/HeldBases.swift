import Foundation
import FunnelCore

/// A local file held back (it cannot be read) while a teammate's change to it came in: the file
/// was left as it is, and HEAD moved past the version it was edited from. Once it can be read
/// again it must be merged with what came in — committed as it is, it would undo the teammate's
/// change. `.git/funnel-held-bases.json` keeps, per path, the blob it was edited from.
struct HeldBases {
    let path: String

    init(gitDirectory: String) { path = gitDirectory + "/funnel-held-bases.json" }

    /// path → the blob the local file was edited from.
    func load() -> [String: String] {
        guard let data = (try? AtomicFile.readFile(path, limit: 1 << 22)?.data) ?? nil,
            let bases = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return bases.filter { SyncFiles.isSyncable($0.key) && $0.value.count == 40 && $0.value.allSatisfy(\.isHexDigit) }
    }

    func save(_ bases: [String: String]) throws {
        if bases.isEmpty {
            try? AtomicFile.remove(path)
            return
        }
        try AtomicFile.write(try JSONEncoder().encode(bases), to: path)
    }
}

extension SyncRepository {
    /// Merges each staged file that was held while a change to it came in with that change
    /// (base: the blob it was edited from; theirs: HEAD's), writes the result and stages it.
    /// True when it staged something.
    func mergeOnceHeld(_ changes: [(String, String)], report: inout SyncReport) throws -> Bool {
        let store = HeldBases(gitDirectory: gitDirectory)
        var bases = store.load()
        guard !bases.isEmpty else { return false }
        var staged = false
        for (status, path) in changes where status != "D" {
            guard let base = bases[path], try readProblem(path) == nil,
                let ours = try AtomicFile.readFile("\(root)/\(path)", limit: FunnelStore.maximumFileBytes)?.data
            else { continue }
            let theirs = try git.run(["cat-file", "blob", "HEAD:\(path)"])
            let baseData = try git.run(["cat-file", "blob", base])
            if theirs.status == 0,
                let merged = try? FileMerge.merge(
                    base: baseData.status == 0 ? baseData.stdout : nil, ours: ours, theirs: theirs.stdout, path: path)
            {
                try AtomicFile.write(merged.data, to: "\(root)/\(path)", replacing: .anything, durable: false)
                let blob = try git.check(["hash-object", "-w", "--no-filters", "--stdin-paths"], input: Data("\(root)/\(path)\n".utf8))
                    .text.trimmingCharacters(in: .whitespacesAndNewlines)
                try git.check(["update-index", "-z", "--index-info"], input: Data("100644 \(blob)\t\(path)\0".utf8))
                report.conflicts += merged.conflicts
                staged = true
            }
            bases[path] = nil
        }
        try store.save(bases)
        return staged
    }

    /// Notes, for each held path the incoming change touches, the blob it was edited from.
    func noteHeld(_ paths: [(path: String, base: String)]) throws {
        guard !paths.isEmpty else { return }
        let store = HeldBases(gitDirectory: gitDirectory)
        var bases = store.load()
        for (path, base) in paths where !base.allSatisfy({ $0 == "0" }) && bases[path] == nil { bases[path] = base }
        try store.save(bases)
    }
}
