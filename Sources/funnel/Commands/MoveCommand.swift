import Foundation
import FunnelCore

/// `funnel move ID STAGE`: the same domain move as dragging a card on the board (R5).
enum MoveCommand: Command {
    static let spec = CommandSpec(
        name: "move", summary: "Move a deal to another stage; the stage's rules apply (R5–R8).",
        arguments: [
            .dealID,
            ArgumentSpec(name: "STAGE", required: true, help: "stage id or name, case-insensitive"),
        ],
        options: Option.specs,
        details: """
            example: funnel move 7kq2 follow-up --next +2d --what "Call back"
            into another pipeline, recorded in the history: funnel move 7kq2 new --pipeline renewals
            """)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, NextActionOptionKey {
        case reason
        case next
        case what
        case value
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .reason: OptionSpec(value: "TEXT", "lost reason, when closing as lost (R7)")
            case .next: OptionSpec(value: "DATE", "next action date, e.g. for the first-contact stage (R6)")
            case .what: NextActionArguments.whatOption
            case .value: OptionSpec(value: "AMOUNT", "the deal's value, e.g. when closing as won (R8)")
            case .pipeline: OptionSpec(value: "PIPELINE", "move the deal into this pipeline's STAGE (default: the deal's own pipeline)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let first = try session.funnel()
        let actor = try session.actor(in: first)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let pipelines = try session.pipelines()
        let before = try session.data { try session.store.loadDeal(id: id) }
        let home = before.map(pipelines.entry(for:)) ?? pipelines.first
        let into = try arguments[.pipeline].map { try session.pipelineEntry($0, in: pipelines) } ?? home
        let funnel = first.on(into)
        let target = arguments.positionals[1]
        guard let stage = funnel.pipeline.findStage(target) else {
            throw CommandFailure.usage(Message.unknownStage(text: target, known: funnel.pipeline.stages.map(\.id)).localized)
        }
        let next = try NextActionArguments.parse(arguments, session: session)
        let value = try arguments[.value].map { try session.amount($0) }
        if let reason = arguments[.reason], stage.kind != .lost {
            throw CommandFailure.usage(UI.text(.cliReasonNotLost, ["reason": reason, "stage": stage.name]))
        }
        let deal = try session.change(
            id, by: actor, funnel: funnel,
            .move(to: stage.id, lostReason: arguments[.reason], nextAction: next, value: value),
            intoPipeline: true)
        // A stage removed from pipeline.json by hand is named by its id.
        let from = before.map { home.pipeline.stage(id: $0.stage)?.name ?? "\($0.stage) (not in the pipeline)" } ?? "?"
        if into.id != home.id {
            Console.line(UI.text(.cliMovedToPipeline, ["id": deal.id, "from": from, "to": stage.name, "pipeline": into.pipeline.name]))
        } else {
            Console.line(UI.text(.cliMoved, ["id": deal.id, "from": from, "to": stage.name]))
        }
    }
}
