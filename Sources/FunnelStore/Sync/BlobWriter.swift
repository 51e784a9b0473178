import Foundation

/// Merged files stored in git all at once (`git hash-object -w --stdin-paths`), not one git per
/// file: `add` hands out a placeholder, `store` writes them and maps each placeholder to its blob.
final class BlobWriter {
    let directory: String
    private var files: [String] = []

    init(directory: String) throws {
        self.directory = directory
        try? FileManager.default.removeItem(atPath: directory)
        try AtomicFile.makeDirectory(directory)
    }

    /// Keeps `data` for `store`; returns its placeholder.
    func add(_ data: Data) throws -> String {
        let path = "\(directory)/\(files.count)"
        try AtomicFile.write(data, to: path, replacing: .nothing, durable: false)
        files.append(path)
        return "pending:\(files.count - 1)"
    }

    /// Writes every file kept into git's objects; placeholder → blob id.
    func store(_ git: Git) throws -> [String: String] {
        guard !files.isEmpty else { return [:] }
        let input = Data(files.map { $0 + "\n" }.joined().utf8)
        let ids = try git.check(["hash-object", "-w", "--no-filters", "--stdin-paths"], input: input).text
            .split(separator: "\n").map(String.init)
        guard ids.count == files.count else {
            throw StoreError.io(path: directory, detail: "git hash-object stored \(ids.count) of \(files.count) files")
        }
        var out: [String: String] = [:]
        for (index, id) in ids.enumerated() { out["pending:\(index)"] = id }
        return out
    }

    func discard() { try? FileManager.default.removeItem(atPath: directory) }
}
