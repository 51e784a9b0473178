import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `pipelines/ID.json` travels with `funnel sync` and merges as pipeline.json does.
@Suite("Sync: the pipelines besides the first")
struct PipelineSyncFilesTests {
    func file(_ pipeline: Pipeline) throws -> Data { try FunnelJSON.encoder().encode(StoredFile(body: pipeline)) }

    @Test func pipelineFilesTravelOnlyWithAPipelineId() {
        #expect(SyncFiles.isSyncable("pipelines/renewals.json") && SyncFiles.dealID("pipelines/renewals.json") == nil)
        for path in ["pipelines/main.json", "pipelines/Bad.json", "pipelines/../x.json", "pipelines/a/b.json", "pipelines/x.txt"] {
            #expect(!SyncFiles.isSyncable(path), "\(path)")
        }
    }

    @Test func aPipelineFileMergesByStageNotAsADeal() throws {
        let base = PipelineTemplate.b2b.pipeline
        var ours = base
        ours.stages[1].name = "Renewal due"
        var theirs = base
        theirs.lostReasons.append("Churned")
        let path = "pipelines/renewals.json"
        let outcome = try FileMerge.merge(base: try file(base), ours: try file(ours), theirs: try file(theirs), path: path)
        let merged = try FunnelJSON.decode(StoredFile<Pipeline>.self, from: outcome.data, path: path).body
        #expect(merged.stages[1].name == "Renewal due" && merged.lostReasons.last == "Churned")
        #expect(FileMerge.problem(in: try file(merged), path: "/data/" + path) == nil)
    }
}
