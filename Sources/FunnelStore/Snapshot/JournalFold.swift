import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Folding the journal into a new snapshot in two steps, so that no writer waits for the whole
/// snapshot to be written (1.2 s at 100,000 deals, 17 s at a million): the next snapshot and its
/// id index are written beside the current ones from what a load read (`next`), then put in
/// place with a journal of what was journaled since (`swapIn`), two renames and a small write.
extension SnapshotCache {
    /// Where the next snapshot waits to be put in place.
    var nextSnapshotPath: String { directory + "/snapshot.next" }

    /// A fold under way: what its load read (`Read`), and the generation of the next snapshot.
    struct Fold {
        let read: Read
        let generation: UInt64
    }

    /// Writes `read`'s deals, as of `fingerprint` (the one the load believed), as the next
    /// snapshot: nothing a reader reads is changed. Any lock or none: the deals are in memory.
    func next(_ read: Read, fingerprint: String) throws -> Fold {
        let generation = UInt64.random(in: 1...UInt64.max)
        let file = Self.snapshotBytes(Array(read.deals.values), fingerprint: fingerprint, generation: generation)
        try AtomicFile.write(file, to: nextSnapshotPath, durable: false)
        try AtomicFile.write(IdIndex.bytes(read.deals.values, fingerprint: fingerprint, generation: generation), to: nextIdsPath, durable: false)
        return Fold(read: read, generation: generation)
    }

    /// Puts the next snapshot in place, with a journal of the records appended since the fold's
    /// load (their chain begins at the fingerprint the new snapshot holds); the caller holds the
    /// exclusive lock. False, and the next snapshot removed, when the journal is no longer the
    /// one the load read, grown only by appends (replaced by a rebuild, cut, of another
    /// generation): the cache is then left as it is.
    func swapIn(_ fold: Fold) -> Bool {
        defer {
            unlink(nextSnapshotPath)
            unlink(nextIdsPath)
        }
        guard folderIsReal, let tail = journalTail(since: fold.read) else { return false }
        var journal = BinaryWriter(capacity: 16 + tail.count)
        journal.append(Self.journalMagic)
        journal.u64(fold.generation)
        journal.append(tail)
        // The journal first, as `write` does: a crash between the two leaves generations that
        // differ, a cache rebuilt, never one believed wrongly.
        guard (try? AtomicFile.write(Data(journal.bytes), to: journalPath, durable: false)) != nil else { return false }
        return rename(nextSnapshotPath, snapshotPath) == 0 && rename(nextIdsPath, idsPath) == 0
    }

    /// The journal's bytes after those `read` read, when it is still that file of that
    /// generation and at least that long; nil otherwise.
    func journalTail(since read: Read) -> [UInt8]? {
        guard let fd = try? AtomicFile.openRegular(journalPath) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileIdentity(info) == read.journal, Int(info.st_size) >= read.journalBytes,
            let head = try? AtomicFile.readRange(fd, path: journalPath, at: 0, count: 16), head.count == 16,
            Array(head.prefix(8)) == Self.journalMagic,
            head.withUnsafeBytes({ UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }) == read.generation,
            let tail = try? AtomicFile.readRange(fd, path: journalPath, at: read.journalBytes, count: Int(info.st_size) - read.journalBytes),
            tail.count == Int(info.st_size) - read.journalBytes
        else { return nil }
        return Array(tail)
    }
}
