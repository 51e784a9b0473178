import Foundation

/// A pipeline edit with what it does to deals: the new pipeline, and the deals a removed stage's
/// `--to` moves (each through `Funnel.apply`, so each move is a history entry and passes the rules).
public struct PipelinePlan: Sendable {
    public var pipeline: Pipeline
    public var moved: [Deal]
}

extension PipelineEditing {
    /// What `edit` by `actor` makes of `funnel` and `deals` (every deal there is): managers only;
    /// a removal moves its stage's deals first, and is refused whole when one of them may not move.
    public static func plan(
        _ edit: PipelineEdit, funnel: Funnel, deals: [Deal], by actor: User, now: Date,
        utcOffset: Int = 0
    ) -> Result<PipelinePlan, Refusal> {
        guard actor.role == .manager else { return .failure(Refusal(.onlyManagersEditPipeline)) }
        var counts: [String: Int] = [:]
        for deal in deals { counts[deal.stage, default: 0] += 1 }
        let next: Pipeline
        switch apply(edit, to: funnel.pipeline, dealCounts: counts) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let pipeline): next = pipeline
        }
        guard case .removeStage(let text, let target?) = edit, let stage = funnel.pipeline.findStage(text),
            let destination = funnel.pipeline.findStage(target)
        else {
            return .success(PipelinePlan(pipeline: next, moved: []))
        }
        var moved: [Deal] = []
        var refused: [(Deal, Refusal)] = []
        for deal in deals where deal.stage == stage.id {
            switch funnel.apply(.move(to: destination.id), to: deal, by: actor, now: now, utcOffset: utcOffset) {
            case .success(let after): moved.append(after)
            case .failure(let refusal): refused.append((deal, refusal))
            }
        }
        if let (deal, refusal) = refused.min(by: { $0.0.id < $1.0.id }) {
            return .failure(
                Refusal(
                    .dealsRefusedMove(
                        stage: stage.name, target: destination.name, count: refused.count,
                        first: "“\(deal.title)” (\(deal.id)): \(refusal.message.text)")))
        }
        return .success(PipelinePlan(pipeline: next, moved: moved.sorted { $0.id < $1.id }))
    }
}
