import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The journal records each write's fingerprints before and after it, and a reader believes it
/// only while they follow on: a change another program made (a deal file renamed into a
/// folder by an editor, a script, a restore) and then a write by funnel never leave the cache
/// believed without that change.
@Suite struct JournalChainTests {
    @Test func aWriteWhoseBeforeIsNotTheLastRecordedBreaksTheChain() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var deal = SFx.deal("a2345678")
        try cache.write([deal, SFx.deal("b2345678")], fingerprint: "fp1")
        deal.title = "Second"
        try cache.append([deal], before: "fp1", after: "fp2")
        #expect(cache.load(fingerprint: "fp2")?["a2345678"]?.title == "Second")
        deal.title = "Third"
        // Something moved the fingerprint from fp2 to fp3 without a record, then funnel wrote.
        try cache.append([deal], before: "fp3", after: "fp4")
        #expect(cache.load(fingerprint: "fp4") == nil)
        #expect(cache.loadCounted(fingerprint: "fp4", wanted: { _ in true }) == nil)
        #expect(cache.loadCountedRows(fingerprint: "fp4", wanted: { _ in true }) == nil)
    }

    @Test func aDealFileReplacedByAnotherProgramThenAWriteByFunnelIsSeen() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let deals = (0..<600).map { SFx.deal(String(format: "d%07x", $0), owner: $0.isMultiple(of: 2) ? "rita" : "sam") }
        try store.insertBulk(deals)
        #expect(try store.loadDealMap().count == 600)
        // File times tick coarsely: the replacement falls in a later tick than the writes above.
        Thread.sleep(forTimeInterval: 0.05)
        let path = store.dealsDirectory + "/rita/d0000000.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("שלום Solar"))
        try Data(text.replacingOccurrences(of: "שלום Solar", with: "Edited elsewhere").utf8).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        Thread.sleep(forTimeInterval: 0.05)
        let outcome = try store.update(id: "d0000001") { deal in
            var deal = deal
            deal.notes = "a write by funnel in another folder"
            return .success(deal)
        }
        guard case .saved = outcome else { throw ChainFailure() }
        let read = try store.loadDealMap()
        #expect(read["d0000000"]?.title == "Edited elsewhere")
        #expect(read["d0000001"]?.notes == "a write by funnel in another folder")
        // And the cache rebuilt by that load is believed again.
        #expect(store.cache.load(fingerprint: store.fingerprint())?["d0000000"]?.title == "Edited elsewhere")
    }

    /// Adding and renaming a pipeline are journaled: the deals' cache stays believed after them.
    @Test func aPipelineAddedOrRenamedKeepsTheCacheBelieved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0)) })
        #expect(store.cache.load(fingerprint: store.fingerprint()) != nil)
        Thread.sleep(forTimeInterval: 0.02)
        let added = try store.updatePipelineSet { set in
            PipelineSetEditing.add("Renewals", template: PipelineTemplate.b2b.pipeline, to: set, by: SFx.manager)
        }
        #expect((try? added.get()) != nil)
        #expect(store.cache.load(fingerprint: store.fingerprint()) != nil, "a new pipeline file")
        Thread.sleep(forTimeInterval: 0.02)
        let renamed = try store.updatePipelineSet { set in
            PipelineSetEditing.rename("renewals", to: "Renewals 2027", in: set, by: SFx.manager)
        }
        #expect((try? renamed.get()) != nil)
        #expect(store.cache.load(fingerprint: store.fingerprint()) != nil, "a pipeline file replaced")
    }

    /// A removal is journaled (a deal created on the board, then undone): every reader of the
    /// cache leaves the deal out, one written again after it is read back, and no load rebuilds.
    @Test func aRemovalIsJournaledAndEveryReaderLeavesTheDealOut() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let kept = SFx.deal("a2345678"), snapshotOne = SFx.deal("b2345678", owner: "sam")
        try cache.write([kept, snapshotOne], fingerprint: "fp1")
        let journalOne = SFx.deal("c2345678")
        try cache.append([journalOne], before: "fp1", after: "fp2")
        try cache.append([], removed: ["b2345678", "c2345678"], before: "fp2", after: "fp3")
        #expect(cache.load(fingerprint: "fp3").map { Set($0.keys) } == ["a2345678"])
        #expect(cache.loadCounted(fingerprint: "fp3", wanted: { _ in true })?.deals.map(\.id) == ["a2345678"])
        #expect(cache.loadCountedRows(fingerprint: "fp3", wanted: { _ in true })?.rows.rows.count == 1)
        var again = journalOne
        again.title = "Written again"
        try cache.append([again], before: "fp3", after: "fp4")
        #expect(cache.load(fingerprint: "fp4")?["c2345678"]?.title == "Written again")
        #expect(cache.load(fingerprint: "fp4")?["b2345678"] == nil)
        #expect(cache.loadCounted(fingerprint: "fp4", wanted: { _ in true })?.deals.map(\.id).sorted() == ["a2345678", "c2345678"])
        #expect(cache.loadCountedRows(fingerprint: "fp4", wanted: { _ in true })?.rows.rows.count == 2)
    }

    @Test func aDealRemovedByTheStoreLeavesTheCacheBelieved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insertBulk((0..<600).map { SFx.deal(String(format: "d%07x", $0)) })
        Thread.sleep(forTimeInterval: 0.02)
        let created = SFx.deal("new23456", owner: "sam")
        try store.insert(created)
        #expect(try store.loadDealMap()["new23456"] == created)
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try store.remove(created) == .removed)
        let believed = try #require(store.cache.load(fingerprint: store.fingerprint()))
        #expect(believed.count == 600 && believed["new23456"] == nil)
        #expect(try store.loadDealMap().count == 600)
    }

    /// A write's record holds the fingerprints' digests, not their text (which names every
    /// seller's folder): with 2,000 folders the journal grows by the deal and 64-byte names, so
    /// it is folded after thousands of writes, not dozens. Another "before" still breaks the chain.
    @Test func aWritesRecordDoesNotGrowWithTheSellersFolders() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let folders = (0..<2_000).map { "/data/funnel/deals/seller\($0):1764000000.123456789:4096:\(1_000_000 + $0)" }
        let fp1 = folders.joined(separator: "|"), fp2 = fp1 + "|x", fp3 = fp1 + "|y"
        #expect(fp1.utf8.count > 100_000)
        var deal = SFx.deal("a2345678")
        try cache.write([deal, SFx.deal("b2345678")], fingerprint: fp1)
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: cache.journalPath)[.size] as? Int ?? 0 }
        let empty = try size()
        deal.title = "Second"
        try cache.append([deal], before: fp1, after: fp2)
        let grown = try size() - empty
        #expect(grown < 1_000)
        #expect(cache.load(fingerprint: fp2)?["a2345678"]?.title == "Second")
        #expect(cache.load(fingerprint: fp1) == nil)
        try cache.append([deal], before: fp3, after: fp1)
        #expect(cache.load(fingerprint: fp1) == nil)
    }

    struct ChainFailure: Error {}
}
