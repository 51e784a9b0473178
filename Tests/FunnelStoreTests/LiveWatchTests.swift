import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// The board's live reload: what the kernel reports for each kind of change to the data directory.
@Suite("LiveWatch: changes reported by inotify") struct LiveWatchTests {
    /// Waits for events to arrive (they are queued by the kernel as the write returns).
    func changes(_ watch: LiveWatch) -> DataChanges {
        var all = DataChanges()
        for _ in 0..<20 {
            let next = watch.drain()
            all.deals.formUnion(next.deals)
            all.everything = all.everything || next.everything
            if !all.isEmpty { break }
            usleep(5_000)
        }
        return all
    }

    @Test func aSaveAnInPlaceWriteAndARemovalNameTheDeal() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let watch = LiveWatch(store: store)
        #expect(watch.mode == "inotify")
        #expect(watch.descriptor != nil)

        _ = try store.update(id: "abcd2345") { SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.manager, now: SFx.later(1)) }
        #expect(changes(watch) == DataChanges(deals: ["abcd2345"]), "a save (temp file + rename)")

        let path = store.root + "/deals/rita/abcd2345.json"
        let fd = open(path, O_WRONLY | O_APPEND)
        #expect(write(fd, " ", 1) == 1)
        close(fd)
        #expect(changes(watch) == DataChanges(deals: ["abcd2345"]), "an in-place write")

        #expect(unlink(path) == 0)
        #expect(changes(watch) == DataChanges(deals: ["abcd2345"]), "a removal")
    }

    @Test func anInboxLeadANewOwnerAndThePipelineAreNoticed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let watch = LiveWatch(store: store)
        try store.insert(SFx.deal("inbx2345", owner: nil, stage: "unsorted"))
        #expect(changes(watch).deals == ["inbx2345"])
        // A deal of someone with no folder yet: the folder is new, so everything is read again
        // (its files may have arrived before the watch), and later files in it are named.
        try store.insert(SFx.deal("samm2345", owner: "sam"))
        #expect(changes(watch).everything)
        try store.insert(SFx.deal("samn2345", owner: "sam"))
        #expect(changes(watch).deals == ["samn2345"])
        _ = try store.updateTeam { _ in }
        #expect(changes(watch).everything, "team.json replaced")
    }

    @Test func temporaryFilesAndTheLockAreNotNews() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let watch = LiveWatch(store: store)
        try Data("x".utf8).write(to: URL(fileURLWithPath: store.root + "/deals/.hidden.tmp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: store.root + "/inbox/.abcd2345.json.1.2.tmp"))
        _ = try store.lock.withLock { 0 }
        usleep(20_000)
        #expect(watch.drain().isEmpty)
    }

    @Test func pollingWhenAsked() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let watch = LiveWatch(store: store, inotify: false)
        #expect(watch.descriptor == nil)
        #expect(watch.mode.hasPrefix("polling"))
    }
}
