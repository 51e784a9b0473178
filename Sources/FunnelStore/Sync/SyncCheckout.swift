import Foundation
import FunnelCore

extension SyncRepository {
    /// Brings the data directory from commit `old` to `new` the store's way: each changed file
    /// written whole (temporary file, rename, never through a link) before any file goes, then
    /// HEAD and git's index moved. A sync killed here leaves whole files only; the next sync
    /// commits what was written and merges again, which changes nothing more.
    func checkout(from old: String?, to new: String, report: inout SyncReport) throws {
        var writes: [(path: String, blob: String)] = []
        var removals: [String] = []
        var indexChanges: [(meta: String, path: String)] = []
        var heldChanged: [(path: String, base: String)] = []
        // A local file held back because it cannot be read is left as it is (doctor explains it).
        let held = report.heldPaths
        for change in try rawDiff(from: old, to: new) {
            let path = change.path
            // mode sha path for the index: 0 and the null id remove the entry. A malformed name
            // is never put in the index (git refuses it there, and the next commit drops it).
            if SyncFiles.isSafePath(path) {
                indexChanges.append(
                    change.isRemoval
                        ? ("0 " + String(repeating: "0", count: change.newBlob.count), path)
                        : ("\(change.newMode) \(change.newBlob)", path))
            }
            if held.contains(path) {
                heldChanged.append((path, change.oldBlob))
                continue
            }
            // Never a path that leaves its folder, whatever isSyncable says of its last name.
            guard SyncFiles.isSyncable(path), SyncFiles.isSafePath(path) else {
                if !change.isRemoval { report.ignored.append(path) }
                continue
            }
            if change.isRemoval {
                removals.append(path)
            } else if SyncFiles.isWritten(mode: change.newMode) {
                writes.append((path, change.newBlob))
            } else {
                report.ignored.append(path)
            }
        }
        // git's index follows: only the entries that changed (their stat data is stale, so the
        // next scan hashes those files again); every other entry keeps what git knows of its
        // file, where reading the whole tree again would make git hash all 100,000 files.
        var entries = Data()
        for (meta, path) in indexChanges { entries += Data("\(meta)\t\(path)\0".utf8) }
        // A file larger than funnel ever writes (a planted 1 GB "PDF") is never read into memory.
        let sizes = try blobSizes(writes.map(\.blob))
        for (write, size) in zip(writes, sizes) where size > SyncFiles.largest(write.path) {
            report.ignored.append("\(write.path) (\(size) bytes: larger than funnel writes)")
        }
        writes = zip(writes, sizes).filter { $0.1 <= SyncFiles.largest($0.0.path) }.map(\.0)
        let contents = try blobs(writes.map(\.blob))
        for (write, data) in zip(writes, contents) {
            let target = "\(root)/\(write.path)"
            try AtomicFile.makeDirectory((target as NSString).deletingLastPathComponent)
            try AtomicFile.write(data, to: target, replacing: .anything, durable: false)
        }
        for path in removals { try AtomicFile.remove("\(root)/\(path)") }
        for folder in ["inbox", "deals"] { try AtomicFile.makeDirectory("\(root)/\(folder)") }
        try noteHeld(heldChanged)
        Glibc.sync()
        store.invalidateCache()
        try git.check(["update-ref", "HEAD", new])
        try git.check(["update-index", "-z", "--index-info"], input: entries)
    }

    /// The sizes of many blobs at once (`git cat-file --batch-check`), in order.
    func blobSizes(_ shas: [String]) throws -> [Int] {
        guard !shas.isEmpty else { return [] }
        let lines = try git.check(["cat-file", "--batch-check"], input: Data(shas.map { $0 + "\n" }.joined().utf8)).text
            .split(separator: "\n")
        return shas.indices.map { index in
            index < lines.count ? lines[index].split(separator: " ").last.flatMap { Int($0) } ?? Int.max : Int.max
        }
    }

    /// The contents of many blobs at once (`git cat-file --batch`), in order.
    func blobs(_ shas: [String]) throws -> [Data] {
        guard !shas.isEmpty else { return [] }
        let output = try git.check(["cat-file", "--batch"], input: Data(shas.map { $0 + "\n" }.joined().utf8)).stdout
        var out: [Data] = []
        var cursor = output.startIndex
        for sha in shas {
            guard let newline = output[cursor...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw StoreError.io(path: root, detail: "git cat-file ended early at \(sha)")
            }
            let header = String(decoding: output[cursor..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                throw StoreError.io(path: root, detail: "git cat-file: \(header.joined(separator: " "))")
            }
            let start = output.index(after: newline)
            let end = output.index(start, offsetBy: size)
            out.append(Data(output[start..<end]))
            cursor = output.index(after: end)
        }
        return out
    }
}

extension FunnelStore {
    /// Forgets the snapshot cache: the next load reads the files (after a sync wrote many).
    public func invalidateCache() { cache.discard() }
}
