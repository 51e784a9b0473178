import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `pipelines/ID.json` travels with `funnel sync` and merges as pipeline.json does.
@Suite("Sync: the pipelines besides the first")
struct PipelineSyncFilesTests {
    @Test func pipelineFilesTravelOnlyWithAPipelineId() {
        #expect(SyncFiles.isSyncable("pipelines/renewals.json") && SyncFiles.dealID("pipelines/renewals.json") == nil)
        for path in ["pipelines/main.json", "pipelines/Bad.json", "pipelines/../x.json", "pipelines/a/b.json", "pipelines/x.txt"] {
            #expect(!SyncFiles.isSyncable(path), "\(path)")
        }
    }

    @Test func aPipelineFileMergesByStageNotAsADeal() throws {
        let path = "pipelines/renewals.json"
        let merged = try mergedPipeline(PipelineTemplate.b2b.pipeline, renaming: "Renewal due", addingReason: "Churned", path: path)
        #expect(merged.stages[1].name == "Renewal due" && merged.lostReasons.last == "Churned")
        #expect(FileMerge.problem(in: try pipelineFile(merged), path: "/data/" + path) == nil)
    }
}
