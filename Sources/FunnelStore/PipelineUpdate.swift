import Foundation
import FunnelCore

extension FunnelStore {
    /// The outcome of changing the pipeline.
    public enum PipelineUpdate {
        case saved(PipelinePlan)
        case refused(Refusal)
    }

    /// Re-reads the pipeline and every deal file under the lock and lets `change` plan the edit
    /// from them; writes the deals it moves (each in place of the file read), then the pipeline.
    /// Nothing is written when `change` refuses. A crash between the two leaves the moved deals
    /// in their new stage and the old stage empty: running the edit again finishes it.
    /// `id` names the pipeline changed (default: the first); `change` sees only its deals.
    public func updatePipeline(id: String = PipelineSet.firstID, _ change: (Pipeline, [Deal]) -> Result<PipelinePlan, Refusal>) throws
        -> PipelineUpdate
    {
        try lock.withLock {
            let pipelines = try loadPipelineSet()
            guard let pipeline = pipelines.entry(id: id)?.pipeline else {
                throw StoreError.corrupt(path: try pipelineFile(id: id), detail: "the file is missing")
            }
            let set = try loadDealFiles()
            switch change(pipeline, pipelines.deals(Array(set.deals.values), in: id)) {
            case .failure(let refusal):
                return .refused(refusal)
            case .success(let plan):
                for deal in plan.moved {
                    guard let file = try loadDealFile(id: deal.id), file.deal.revision + 1 == deal.revision else {
                        throw StoreError.io(path: try path(id: deal.id, owner: deal.owner), detail: "changed while the stages were edited")
                    }
                    try writeRecorded(deal, replacing: file)
                }
                let file = try pipelineFile(id: id)
                try journaled([]) {
                    try writeJSON(StoredFile(body: plan.pipeline), to: file)
                    return [file]
                }
                return .saved(plan)
            }
        }
    }
}
