import Foundation
import FunnelCore

/// `funnel stages`: the pipeline's stages in board order; `stages add|rename|move|set|remove`
/// change them (managers; docs/cli.md).
enum StagesCommand: Command {
    static let spec = CommandSpec(
        name: "stages", summary: "List the pipeline's stages, or change them (managers).",
        options: Option.specs,
        details: """
            A pipeline keeps at least one open, one won and one lost stage; the inbox stays first. A stage with deals
            is removed only with --to, and only when every one of its deals may enter that stage. R1: more than 8
            stages measurably hurts sales; 3-5 open stages is what works. See docs/cli.md.
            """,
        subcommands: [
            StagesListCommand.self, StagesAddCommand.self, StagesRenameCommand.self, StagesMoveCommand.self, StagesSetCommand.self,
            StagesRemoveCommand.self,
        ])

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case json
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print a JSON object with the stages and lost reasons")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try list(arguments, session: session)
    }

    /// Applies a stage change (managers) and says what it did.
    static func change<Key: PipelineOptionKey>(_ edit: PipelineEdit, _ arguments: Arguments<Key>, session: Session) throws {
        let plan = try PipelineChangeRun.run(edit, session: session, arguments: arguments)
        Console.line(StageEditArguments.summary(edit, plan: plan))
    }

    static func list(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel(arguments)
        _ = try session.actor(in: funnel)
        let pipeline = funnel.pipeline
        for warning in pipeline.warnings { Console.error("warning: \(warning.localized)") }
        if arguments.flag(.json) {
            let stages = pipeline.stages.map { stage -> JSONOut in
                .object([
                    ("id", .string(stage.id)), ("name", .string(stage.name)), ("kind", .string(stage.kind.rawValue)),
                    ("stuck_after_days", .optional(stage.stuckAfterDays)), ("probability", .optional(stage.probability)),
                    ("requires", .array(stage.entryRequirements.map(\.rawValue).sorted().map { .string($0) })),
                ])
            }
            Console.block(
                JSONOut.object([
                    ("pipeline", .string(pipeline.name)),
                    ("pipeline_id", .string(funnel.pipelineID)),
                    ("stages", .array(stages)),
                    ("lost_reasons", .array(pipeline.lostReasons.map { .string($0) })),
                    ("default_currency", .string(pipeline.defaultCurrency)),
                    ("warnings", .array(pipeline.warnings.map { .string($0.text) })),
                ]).render())
            return
        }
        let rows = pipeline.stages.map { stage in
            [
                stage.id, stage.name, stage.kind.rawValue, stage.stuckAfterDays.map { "\($0)d" } ?? "—",
                stage.probability.map { "\($0)%" } ?? "—",
                stage.entryRequirements.map(\.rawValue).sorted().joined(separator: ", "),
            ]
        }
        Console.block(
            TextTable.render(
                header: ["ID", "NAME", "KIND", "STUCK", "PROB", "NEEDS"], rows: rows,
                maxWidths: [24, 30, 6, 6, 5, 30]))
    }
}
