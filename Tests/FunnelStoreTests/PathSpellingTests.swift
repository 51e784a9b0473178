import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The data directory is spelt one way, so paths cut from those built on it compare byte for
/// byte (a `//` made doctor and loading disagree on which copy of a deal counts), and a linked
/// `deals/` is noticed and refused, never read through.
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

    /// `deals/` swapped for a link to itself (moved elsewhere): the fingerprint changes, so no
    /// cache made before is believed, and the load refuses the link instead of reading through it.
    @Test func aDealsFolderSwappedForALinkChangesTheFingerprintAndIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita"))
        let before = store.fingerprint()
        let elsewhere = tmp.path + "/elsewhere"
        try FileManager.default.moveItem(atPath: store.dealsDirectory, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: store.dealsDirectory, withDestinationPath: elsewhere)
        #expect(store.fingerprint() != before)
        guard case .io(let path, let detail)? = storeError({ try store.loadDealSet() }) else {
            Issue.record("deals read through a link")
            return
        }
        #expect(path == store.dealsDirectory && detail.contains("symbolic link"))
        #expect(storeError { try store.locate(id: "abcd2345") } != nil, "no id is looked up through the link")
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
