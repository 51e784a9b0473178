import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The data directory is spelt one way, so paths cut from those built on it compare byte for
/// byte (a `//` made doctor and loading disagree on which copy of a deal counts), and the cache
/// notices writes behind a linked `deals/` as it did before it looked sellers' folders up
/// from the deals folder.
@Suite struct PathSpellingTests {
    @Test func theDataDirectoryHasOneSpelling() {
        #expect(DataDirectory.absolute("/tmp//a/./b/") == "/tmp/a/b")
        #expect(DataDirectory.absolute("/") == "/")
        #expect(DataDirectory.absolute("//x//") == "/x")
        #expect(DataDirectory.absolute("/a/../b") == "/a/../b", "`..` is left to the system: a link may stand before it")
        #expect(FunnelStore(root: "/tmp//funnel-x/").root == "/tmp/funnel-x")
        #expect(DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/tmp/x/"]) == "/tmp/x/funnel")
        #expect(AtomicFile.folder(of: "/a/b/c.json") == "/a/b" && AtomicFile.name(of: "/a/b/c.json") == "c.json")
        #expect(StorePaths.dealID(ofPath: "/a/b/abcd2345.json") == "abcd2345")
    }

    @Test func theFingerprintSeesWritesBehindALinkedDealsFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let elsewhere = tmp.path + "/elsewhere"
        try FileManager.default.moveItem(atPath: store.dealsDirectory, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: store.dealsDirectory, withDestinationPath: elsewhere)
        try FileManager.default.createDirectory(atPath: elsewhere + "/yossi", withIntermediateDirectories: true)
        let before = store.fingerprint()
        // Another program writes a file into a seller's folder the way funnel does: a new name.
        Thread.sleep(forTimeInterval: 0.01)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: elsewhere + "/yossi/x.tmp"))
        try FileManager.default.moveItem(atPath: elsewhere + "/yossi/x.tmp", toPath: elsewhere + "/yossi/abcd2345.json")
        #expect(store.fingerprint() != before)
    }
}

/// A deal whose file vanished between a load's listing and its read (a reassignment moved it)
/// is looked for where it is now, instead of being skipped with a warning.
@Suite struct VanishedWhileReadingTests {
    @Test func aMovedDealIsFoundWhereItIsNow() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita"))
        // As the listing saw it: in sam's folder, since moved to rita's.
        let old = store.dealsDirectory + "/sam/abcd2345.json"
        let vanished = ["abcd2345": UnreadableDeal(path: old, error: .io(path: old, detail: "vanished while reading"))]
        var set = DealSet(deals: [:], unreadable: [])
        store.lookAgain(for: vanished, in: &set)
        #expect(set.deals["abcd2345"]?.owner == "rita")
        #expect(set.unreadable.isEmpty)
        // Removed for good: no deal, and nothing to warn about.
        let gone = store.dealsDirectory + "/sam/zzzz2345.json"
        var none = DealSet(deals: [:], unreadable: [])
        store.lookAgain(for: ["zzzz2345": UnreadableDeal(path: gone, error: .io(path: gone, detail: "vanished while reading"))], in: &none)
        #expect(none.deals.isEmpty && none.unreadable.isEmpty)
    }
}
