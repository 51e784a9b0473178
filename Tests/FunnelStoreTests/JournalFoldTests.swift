import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// The journal folded off the writers' path (`FunnelStore.foldJournal`): the write that fills
/// it only asks for a fold; the fold keeps what was journaled while it wrote, and gives up when
/// the journal is no longer the one it read.
@Suite struct JournalFoldTests {
    final class Calls: @unchecked Sendable { var count = 0 }

    static let all: @Sendable (DealHead) -> Bool = { _ in true }

    static func journalSize(_ cache: SnapshotCache) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: cache.journalPath)[.size] as? Int ?? 0
    }

    /// 600 deals through the cache, then leads with long notes until the journal is past its limit.
    static func filledStore(_ tmp: TempDir, calls: Calls) throws -> FunnelStore {
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0)) })
        #expect(try store.loadDealMap().count == 600)
        store.onJournalFull = { calls.count += 1 }
        var written = 0
        while try journalSize(store.cache) <= SnapshotCache.journalLimit {
            let leads = (0..<50).map { i -> Deal in
                var deal = SFx.deal(String(format: "e%07x", written + i), owner: nil)
                deal.notes = String(repeating: "a long note ", count: 200)
                return deal
            }
            try store.insertBatch(leads)
            written += 50
        }
        return store
    }

    @Test func theWriteThatFillsTheJournalAsksForAFoldAndTheFoldPutsEveryDealInTheSnapshot() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let calls = Calls()
        let store = try Self.filledStore(tmp, calls: calls)
        #expect(calls.count == 1, "asked once, by the write that filled it")
        let snapshotBefore = try #require(AtomicFile.identity(store.cache.snapshotPath))
        let expected = try store.loadDealFiles().deals
        #expect(try store.loadDealMap() == expected, "the full journal is read as before")
        #expect(store.foldJournal())
        #expect(AtomicFile.identity(store.cache.snapshotPath) != snapshotBefore)
        #expect(try Self.journalSize(store.cache) == 16, "an empty journal of the new snapshot")
        #expect(!FileManager.default.fileExists(atPath: store.cache.nextSnapshotPath))
        #expect(store.cache.load(fingerprint: store.fingerprint()) == expected)
        #expect(!store.foldJournal(), "nothing to fold now")
    }

    @Test func whatIsJournaledWhileTheNextSnapshotIsWrittenIsKept() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var a = SFx.deal("a2345678"), b = SFx.deal("b2345678")
        try cache.write([a, b], fingerprint: "fp1")
        a.title = "Second"
        try cache.append([a], before: "fp1", after: "fp2")
        let read = try #require(cache.loadRead(fingerprint: "fp2", wanted: Self.all))
        let fold = try cache.next(read, fingerprint: "fp2")
        // A writer between the fold's reading and its swap.
        b.title = "Written meanwhile"
        try cache.append([b, SFx.deal("c2345678")], removed: ["a2345678"], before: "fp2", after: "fp3")
        #expect(cache.swapIn(fold))
        let loaded = try #require(cache.load(fingerprint: "fp3"))
        #expect(Set(loaded.keys) == ["b2345678", "c2345678"])
        #expect(loaded["b2345678"]?.title == "Written meanwhile")
        #expect(cache.load(fingerprint: "fp2") == nil)
        // The snapshot alone holds the fold's deals, the journal only what came after.
        let snapshotOnly = try #require(SnapshotReader(path: cache.snapshotPath)?.header())
        #expect(snapshotOnly.count == 2 && snapshotOnly.fingerprint == "fp2")
        #expect(!FileManager.default.fileExists(atPath: cache.nextSnapshotPath))
    }

    @Test func aJournalReplacedMeanwhileLeavesTheCacheAsItIs() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write([SFx.deal("a2345678")], fingerprint: "fp1")
        let read = try #require(cache.loadRead(fingerprint: "fp1", wanted: Self.all))
        let fold = try cache.next(read, fingerprint: "fp1")
        // A rebuild meanwhile (another process found the cache stale).
        try cache.write([SFx.deal("a2345678"), SFx.deal("z2345678")], fingerprint: "fp9")
        #expect(!cache.swapIn(fold))
        #expect(cache.load(fingerprint: "fp9").map { Set($0.keys) } == ["a2345678", "z2345678"])
        #expect(!FileManager.default.fileExists(atPath: cache.nextSnapshotPath))
        // A journal cut short is not the one read either.
        let again = try #require(cache.loadRead(fingerprint: "fp9", wanted: Self.all))
        try cache.append([SFx.deal("b2345678")], before: "fp9", after: "fp10")
        let longer = try #require(cache.loadRead(fingerprint: "fp10", wanted: Self.all))
        let fold2 = try cache.next(longer, fingerprint: "fp10")
        #expect(truncate(cache.journalPath, off_t(again.journalBytes)) == 0)
        #expect(!cache.swapIn(fold2))
    }

    /// A fold killed while it wrote left its temporary file (the size of the snapshot): the next
    /// fold, a rebuild or a discard removes such files whose process is gone, no other.
    @Test func aKilledFoldsTemporaryFileIsRemoved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try Self.filledStore(tmp, calls: Calls())
        let dead = store.cache.directory + "/.snapshot.next.4194302.ab12cd.tmp"
        let live = store.cache.directory + "/.snapshot.next.\(getpid()).ab12cd.tmp"
        for path in [dead, live] { try Data("half a snapshot".utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(store.foldJournal())
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live), "a writer still running keeps its file")
        try Data("again".utf8).write(to: URL(fileURLWithPath: dead))
        store.cache.discard()
        #expect(!FileManager.default.fileExists(atPath: dead))
    }

    @Test func oneFoldAtATime() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try Self.filledStore(tmp, calls: Calls())
        // Another fold's turn: a flock on the cache's folder, as another process holds it.
        let fd = open(store.cache.directory, O_RDONLY | O_DIRECTORY)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        #expect(store.isFoldingJournal)
        #expect(!store.foldJournal())
        close(fd)
        #expect(!store.isFoldingJournal)
        #expect(store.foldJournal())
    }

    @Test func withoutAnyoneToFoldItTheWriterFoldsItself() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let calls = Calls()
        let store = try Self.filledStore(tmp, calls: calls)
        store.onJournalFull = nil
        try store.insertBatch([SFx.deal("f0000000", owner: nil)])
        #expect(try Self.journalSize(store.cache) == 16)
        #expect(try store.loadDealMap() == (try store.loadDealFiles().deals))
    }
}
