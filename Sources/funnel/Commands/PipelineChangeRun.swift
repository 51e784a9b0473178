import Foundation
import FunnelCore

/// Runs a `PipelineEdit` from the command line: under the lock, through `PipelineEditing.plan`,
/// refusals as exit 3; R1's warning and advice on standard error afterwards.
enum PipelineChangeRun {
    /// `arguments`' `--pipeline` names the pipeline changed (default: the first).
    static func run<Key: PipelineOptionKey>(_ edit: PipelineEdit, session: Session, arguments: Arguments<Key>) throws -> PipelinePlan {
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersEditPipeline.localized) }
        let outcome = try session.data {
            try session.store.updatePipeline(id: funnel.pipelineID) { pipeline, deals in
                var current = funnel
                current.pipeline = pipeline
                return PipelineEditing.plan(
                    edit, funnel: current, deals: deals, by: actor, now: session.now,
                    utcOffset: session.utcOffset)
            }
        }
        switch outcome {
        case .refused(let refusal):
            // An unknown stage is a mistyped word, as for funnel move: a usage error.
            if case .unknownStage = refusal.message { throw CommandFailure.usage(refusal.message.localized) }
            throw CommandFailure.refused(refusal.message.localized)
        case .saved(let plan):
            for warning in plan.pipeline.warnings { Console.error("warning: \(warning.localized)") }
            if let open = plan.pipeline.openStagesPastAdvice {
                Console.error("advice: \(open) open stages; a healthy funnel has 3-5 (R1)")
            }
            return plan
        }
    }
}
