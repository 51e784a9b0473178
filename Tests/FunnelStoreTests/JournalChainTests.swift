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

    struct ChainFailure: Error {}
}
