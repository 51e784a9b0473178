import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// The cache's id index (`IdIndex`, `cache/ids.bin`): a command about one deal finds its file
/// where the index and the journal say, without looking in every seller's folder — and looks in
/// them all again whenever the index is not believed or a file is not where it says.
@Suite struct IdIndexTests {
    /// The index of `bytes`, written to a file of `tmp` and opened.
    static func index(_ bytes: [UInt8], in tmp: TempDir) throws -> IdIndex? {
        let path = tmp.path + "/ids-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return IdIndex(path: path)
    }

    @Test func theIndexFindsIdsAndPrefixesWithTheirOwners() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let deals = [
            SFx.deal("b2345678", owner: "rita"), SFx.deal("a2345678", owner: nil), SFx.deal("a2399999", owner: "sam"),
            SFx.deal("imported-7", owner: "rita"), SFx.deal("c2345678", owner: "sam"),
        ]
        let index = try #require(try Self.index(Array(IdIndex.bytes(deals, fingerprint: "fp", generation: 7)), in: tmp))
        #expect(index.generation == 7 && index.digest == SnapshotCache.Journal.digest("fp"))
        func found(_ prefix: String) -> [String] {
            (index.deals(withPrefix: Array(prefix.utf8)) ?? []).map { "\($0.id):\($0.owner ?? "inbox")" }
        }
        #expect(found("a23") == ["a2345678:inbox", "a2399999:sam"])
        #expect(found("b2345678") == ["b2345678:rita"])
        #expect(found("imported-7") == ["imported-7:rita"])
        #expect(found("c") == ["c2345678:sam"])
        #expect(found("d").isEmpty && found("a3").isEmpty && found("zzzzzzzz").isEmpty)
        #expect(found("").count == 5)
    }

    /// A flipped byte anywhere, or a cut, and the index is not read: the head is refused when
    /// opened, a block when it is read (`deals(withPrefix:)` is nil then).
    @Test func aChangedOrTornIndexIsNotRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let bytes = Array(IdIndex.bytes([SFx.deal("a2345678"), SFx.deal("b2345678")], fingerprint: "fp", generation: 1))
        #expect(try Self.index(bytes, in: tmp)?.deals(withPrefix: [])?.count == 2)
        for position in 0..<bytes.count {
            var changed = bytes
            changed[position] ^= 0x10
            let read = try Self.index(changed, in: tmp)
            // The generation is not checked here: the journal's must be the same (`places`).
            guard !(8..<16).contains(position) else { continue }
            #expect(read == nil || read?.deals(withPrefix: []) == nil, "byte \(position) flipped")
        }
        #expect(try Self.index(Array(bytes.dropLast()), in: tmp)?.deals(withPrefix: []) == nil)
        #expect(try Self.index([], in: tmp) == nil)
    }

    /// An index whose checksums hold but whose ids are out of order (crafted, or written by a
    /// bug) is not believed: no "no such deal" from it, the folders are looked in.
    @Test func anIndexOutOfOrderIsNotBelieved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let ids = (0..<2_000).map { String(format: "d%07x", $0) }
        let sorted = ids.map { (id: $0, owner: UInt32(1)) }
        let good = try #require(try Self.index(Array(IdIndex.bytes(sorted: sorted, owners: ["rita"], fingerprint: "fp", generation: 1)), in: tmp))
        #expect(good.deals(withPrefix: Array("d00000ff".utf8))?.map(\.id) == ["d00000ff"])
        let reversed = try Self.index(
            Array(IdIndex.bytes(sorted: sorted.reversed(), owners: ["rita"], fingerprint: "fp", generation: 1)), in: tmp)
        #expect(reversed == nil || reversed?.deals(withPrefix: Array("d00000ff".utf8)) == nil)
        // Two entries swapped within one block.
        var swapped = sorted
        swapped.swapAt(1, 2)
        let inBlock = try #require(
            try Self.index(Array(IdIndex.bytes(sorted: swapped, owners: ["rita"], fingerprint: "fp", generation: 1)), in: tmp))
        #expect(inBlock.deals(withPrefix: Array("d0000000".utf8)) == nil)
    }

    /// Enough deals for many blocks: every id is found with its owner, every short prefix gives
    /// exactly the ids that have it, across the blocks' edges.
    @Test func manyBlocks() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        var generator = SeededGenerator(seed: 3)
        let deals = (0..<3_000).map { k in SFx.deal(DealID.make(using: &generator), owner: ["rita", "sam", nil][k % 3]) }
        let index = try #require(try Self.index(Array(IdIndex.bytes(deals, fingerprint: "fp", generation: 2)), in: tmp))
        for deal in deals.prefix(300) {
            let found = index.deals(withPrefix: Array(deal.id.utf8))
            #expect(found?.count == 1 && found?.first?.id == deal.id && found?.first?.owner == deal.owner)
        }
        for prefix in DealID.alphabet.map({ String($0) }) + ["a2", "zz", "m"] {
            let expected = deals.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
            #expect(index.deals(withPrefix: Array(prefix.utf8))?.map(\.id) == expected, "prefix \(prefix)")
        }
    }

    /// 600 deals in two sellers' folders and the inbox: the store's lookups follow the index and
    /// the journal (a reassignment, a removal, a new deal), and fall back to the folders.
    @Test func lookupsFollowTheIndexAndTheJournal() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let deals = (0..<600).map { SFx.deal(String(format: "d%07x", $0), owner: [nil, "rita", "sam"][$0 % 3]) }
        try store.insertBulk(deals)
        #expect(try store.loadDealMap().count == 600)
        #expect(try store.indexedFiles(matching: "d0000001") == ["d0000001": [store.dealsDirectory + "/rita/d0000001.json"]])
        #expect(try store.indexedFiles(matching: "d0000000") == ["d0000000": [store.inboxDirectory + "/d0000000.json"]])
        #expect(try store.indexedFiles(matching: "d000001")?.count == 16)
        #expect(try store.indexedFiles(matching: "e0000000") == [:])
        // A reassignment, a new deal and a removal, journaled.
        let outcome = try store.update(id: "d0000001") { deal in
            var deal = deal
            deal.owner = "sam"
            return .success(deal)
        }
        guard case .saved = outcome else { throw IndexFailure() }
        try store.insert(SFx.deal("new23456", owner: "rita"))
        let gone = try #require(try store.loadDeal(id: "d0000002"))
        #expect(try store.remove(gone) == .removed)
        #expect(try store.indexedFiles(matching: "d0000001") == ["d0000001": [store.dealsDirectory + "/sam/d0000001.json"]])
        #expect(try store.indexedFiles(matching: "new23456") == ["new23456": [store.dealsDirectory + "/rita/new23456.json"]])
        #expect(try store.indexedFiles(matching: "d0000002") == [:])
        #expect(try store.dealFiles(matching: "d0000002").isEmpty)
        #expect(try store.idIsTaken("new23456") && !(try store.idIsTaken("d0000002")))
    }

    /// The look before a write (`unconfirmedDealFile`) takes the index as it stands, unchecked by
    /// the folders' fingerprint, but only a file that is there, reached through no link: a deal
    /// moved by another program, a file gone or a seller's folder made a link send the command to
    /// the checked look (`dealFiles(matching:)`), and the write under the lock looks again.
    @Test func theLookBeforeAWriteTakesOnlyAFileThatIsThere() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0), owner: [nil, "rita", "sam"][$0 % 3]) })
        #expect(try store.loadDealMap().count == 600)
        #expect(store.unconfirmedDealFile(id: "d0000001") == store.dealsDirectory + "/rita/d0000001.json")
        #expect(store.unconfirmedDealFile(id: "d0000000") == store.inboxDirectory + "/d0000000.json")
        #expect(store.unconfirmedDealFile(id: "e0000000") == nil)
        #expect(store.unconfirmedDealFile(id: "d000000") == nil, "a prefix is not an id")
        // Another program moves a deal: the index still names the old place, which is empty.
        var moved = try #require(try store.loadDeal(id: "d0000004"))
        moved.owner = "sam"
        try FunnelJSON.encode(StoredFile(body: moved)).write(to: URL(fileURLWithPath: store.dealsDirectory + "/sam/d0000004.json"))
        #expect(unlink(store.dealsDirectory + "/rita/d0000004.json") == 0)
        #expect(store.unconfirmedDealFile(id: "d0000004") == nil)
        #expect(try store.dealFiles(matching: "d0000004") == ["d0000004": [store.dealsDirectory + "/sam/d0000004.json"]])
        // A seller's folder made a link to a copy of itself: nothing is taken through it.
        let rita = store.dealsDirectory + "/rita"
        #expect(rename(rita, tmp.path + "/elsewhere") == 0 && symlink(tmp.path + "/elsewhere", rita) == 0)
        #expect(store.unconfirmedDealFile(id: "d0000007") == nil)
        // An `inbox/` made a link: not even a seller's deal is taken (the checked look names it).
        #expect(store.unconfirmedDealFile(id: "d0000002") == store.dealsDirectory + "/sam/d0000002.json")
        #expect(rename(store.inboxDirectory, tmp.path + "/inbox-elsewhere") == 0)
        #expect(symlink(tmp.path + "/inbox-elsewhere", store.inboxDirectory) == 0)
        #expect(store.unconfirmedDealFile(id: "d0000002") == nil)
        #expect(throws: (any Error).self) { try store.dealFiles(matching: "d0000002") }
    }

    @Test func aFileMovedByAnotherProgramIsFoundInTheFolders() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0), owner: $0 % 2 == 0 ? "rita" : "sam") })
        #expect(try store.loadDealMap().count == 600)
        Thread.sleep(forTimeInterval: 0.02)
        // Another program moves a deal to another seller (the folders' times change): the index is
        // not believed, and the folders are looked in.
        var moved = try #require(try store.loadDeal(id: "d0000000"))
        moved.owner = "sam"
        let json = try FunnelJSON.encode(StoredFile(body: moved))
        try json.write(to: URL(fileURLWithPath: store.dealsDirectory + "/sam/d0000000.json"))
        #expect(unlink(store.dealsDirectory + "/rita/d0000000.json") == 0)
        #expect(try store.indexedFiles(matching: "d0000000") == nil)
        #expect(try store.dealFiles(matching: "d0000000") == ["d0000000": [store.dealsDirectory + "/sam/d0000000.json"]])
        #expect(try store.loadDeal(id: "d0000000")?.owner == "sam")
    }

    @Test func aFileGoneWithinTheSameTickSendsTheLookupToTheFolders() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0), owner: "rita") })
        #expect(try store.loadDealMap().count == 600)
        // The file goes and its folder keeps its times (as within one tick of the clock): the
        // index names a file that is not there, so the folders are looked in.
        let folder = store.dealsDirectory + "/rita"
        var info = stat()
        #expect(lstat(folder, &info) == 0)
        #expect(unlink(folder + "/d0000005.json") == 0)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, folder, &times, AT_SYMLINK_NOFOLLOW) == 0)
        #expect(try store.indexedFiles(matching: "d0000005") == nil)
        #expect(try store.dealFiles(matching: "d0000005").isEmpty)
        #expect(try store.indexedFiles(matching: "d0000006") == ["d0000006": [folder + "/d0000006.json"]])
    }

    struct IndexFailure: Error {}
}
