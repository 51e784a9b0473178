import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// Pipelines besides the first, in `pipelines/ID.json`: written under the lock, read back, a bad
/// file named and left untouched; stage edits of one pipeline see only its deals.
@Suite("Store: more than one pipeline")
struct PipelineFilesTests {
    func addRenewals(_ store: FunnelStore) throws -> PipelineEntry {
        let outcome = try store.updatePipelineSet { set in
            PipelineSetEditing.add("Renewals", template: PipelineTemplate.b2b.pipeline, to: set, by: SFx.manager)
        }
        return try #require(try? outcome.get())
    }

    @Test func aSecondPipelineIsWrittenBesideTheFirstAndReadBack() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let first = bytes(store.root + "/pipeline.json")
        #expect(try store.loadPipelineSet().entries.map(\.id) == ["main"], "an existing directory has one pipeline")
        let entry = try addRenewals(store)
        #expect(entry.id == "renewals")
        #expect(bytes(store.root + "/pipeline.json") == first, "pipeline.json stays the first pipeline, untouched")
        #expect(fileMode(store.root + "/pipelines/renewals.json") == 0o600 && fileMode(store.root + "/pipelines") == 0o700)
        let again = try FunnelStore(root: store.root).loadPipelineSet()
        #expect(again.entries.map(\.id) == ["main", "renewals"])
        #expect(again.entry(id: "renewals")?.pipeline.name == "Renewals")
        #expect(again.entry(id: "renewals")?.pipeline.stages == PipelineTemplate.b2b.pipeline.stages)
        // A refused change writes nothing.
        let refused = try store.updatePipelineSet { set in
            PipelineSetEditing.add("renewals", template: PipelineTemplate.simple.pipeline, to: set, by: SFx.manager)
        }
        #expect(refused.refusal == .pipelineNameTaken(name: "renewals"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/pipelines") == ["renewals.json"])
    }

    @Test func aCorruptPipelineFileIsNamedAndLeftUntouched() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        _ = try addRenewals(store)
        let path = store.root + "/pipelines/renewals.json"
        try Data("{\"schema\": 1, \"pipeline\": {\"name\": 3}}".utf8).write(to: URL(fileURLWithPath: path))
        let before = bytes(path)
        guard case .corrupt(let named, _)? = storeError({ try store.loadPipelineSet() }) else {
            Issue.record("a corrupt pipeline file is reported as corrupt")
            return
        }
        #expect(named == path && bytes(path) == before)
        let refused = storeError {
            try store.updatePipelineSet { set in
                PipelineSetEditing.add("Other", template: PipelineTemplate.simple.pipeline, to: set, by: SFx.manager)
            }
        }
        #expect(refused != nil && bytes(path) == before && !exists(store.root + "/pipelines/other.json"))
        try FileManager.default.removeItem(atPath: path)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: store.root + "/pipelines/Bad Name.json"))
        guard case .corrupt(let odd, _)? = storeError({ try store.loadPipelineSet() }) else {
            Issue.record("a file whose name is no pipeline id is reported")
            return
        }
        #expect(odd == store.root + "/pipelines/Bad Name.json")
    }

    @Test func pathsComeFromValidIdsOnly() throws {
        #expect(try StorePaths.pipelineFile(root: "/d", id: "renewals") == "/d/pipelines/renewals.json")
        for bad in ["../x", "main", "", "A", "a/b"] {
            #expect(throws: StoreError.self, "\(bad)") { try StorePaths.pipelineFile(root: "/d", id: bad) }
        }
    }

    @Test func aStageEditOfOnePipelineSeesOnlyItsDealsAndWritesItsFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let entry = try addRenewals(store)
        try store.insert(SFx.deal("aaaa2222", stage: "new"))
        var other = SFx.deal("bbbb3333", stage: "opportunity")
        other.pipeline = "renewals"
        try store.insert(other)
        let first = bytes(store.root + "/pipeline.json")
        var seen: [String] = []
        let outcome = try store.updatePipeline(id: entry.id) { pipeline, deals in
            seen = deals.map(\.id)
            return PipelineEditing.plan(
                .addLostReason("Churned"), funnel: SFx.funnel.on(PipelineEntry(id: entry.id, pipeline: pipeline)),
                deals: deals, by: SFx.manager, now: SFx.now, utcOffset: 0)
        }
        guard case .saved = outcome else {
            Issue.record("saved")
            return
        }
        #expect(seen == ["bbbb3333"])
        #expect(bytes(store.root + "/pipeline.json") == first)
        #expect(try store.loadPipelineSet().entry(id: "renewals")?.pipeline.lostReasons.last == "Churned")
        #expect(try store.loadDeal(id: "bbbb3333")?.pipeline == "renewals")
    }

    @Test func theSnapshotCacheKeepsADealsPipelineAndItsHistory() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        var deal = SFx.deal("e2345678")
        deal.pipeline = "renewals"
        deal.history.append(StageChange(at: SFx.later(1), by: "mia", from: "new", to: "opportunity", pipeline: "renewals"))
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write([deal, SFx.deal("f2345678")], fingerprint: "fp")
        let loaded = try #require(cache.load(fingerprint: "fp"))
        #expect(loaded["e2345678"] == deal && loaded["f2345678"]?.pipeline == nil)
    }
}
