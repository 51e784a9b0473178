import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// The journal folded into a new snapshot off the writers' path: a write that takes the journal
/// past its limit asks for a fold (`onJournalFull`: the `funnel` executable starts one in a
/// process of its own) and returns; the fold reads every deal under the shared lock, writes the
/// next snapshot holding no lock, and swaps it in under the exclusive lock in a rename and a
/// small write, keeping what was journaled meanwhile. A writer waits for the reading at most.
extension FunnelStore {
    /// Folds the cache's journal into a new snapshot (`SnapshotCache.Fold`): whether a new
    /// snapshot was put in place. Nothing happens when another fold is under way (one at a time:
    /// a `flock` on the cache's folder), when the journal is within its limit, or when the cache
    /// is not believed (the next load rebuilds it). Folded again, a few times at most, while
    /// writes made during the fold leave it past its limit (none of them asked: the turn was taken).
    @discardableResult
    public func foldJournal() -> Bool {
        guard !isShared, cache.folderIsReal, let turn = foldTurn() else { return false }
        return turn.ifFree(shared: false) {
            cache.removeAbandonedFiles()
            var folded = false
            for _ in 0..<Self.foldRounds {
                guard foldJournalNow() else { break }
                folded = true
            }
            return folded
        } ?? false
    }

    /// How many times a fold goes on while the journal is past its limit again when it ends.
    static let foldRounds = 4

    /// Whether a fold is under way now (its turn is taken).
    public var isFoldingJournal: Bool {
        guard let turn = foldTurn() else { return false }
        return turn.ifFree(shared: false) { false } ?? true
    }

    /// The fold's turn: a lock on the cache's folder, which the writers' lock never takes.
    private func foldTurn() -> DataLock? {
        var info = stat()
        guard lstat(cache.directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return DataLock(lockingDirectory: cache.directory)
    }

    private func foldJournalNow() -> Bool {
        let begun = lock.whenFree(shared: true, within: lock.timeout) { () -> (SnapshotCache.Read, String)? in
            let fingerprint = fingerprint()
            return cache.loadRead(fingerprint: fingerprint, wanted: { _ in true }).map { ($0, fingerprint) }
        }
        guard let (read, fingerprint) = begun ?? nil, read.journalBytes > SnapshotCache.journalLimit,
            let fold = try? cache.next(read, fingerprint: fingerprint)
        else { return false }
        return (try? lock.withLock { cache.swapIn(fold) }) ?? false
    }
}
