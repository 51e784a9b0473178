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
            StagesAddCommand.self, StagesRenameCommand.self, StagesMoveCommand.self, StagesSetCommand.self, StagesRemoveCommand.self,
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

/// `funnel lost-reasons [list|add REASON|remove REASON]`: the reasons a deal may be closed as lost with (R7).
enum LostReasonsCommand: Command {
    static let spec = CommandSpec(
        name: "lost-reasons", summary: "List the reasons a deal may be lost for, or change them (managers).",
        arguments: [ArgumentSpec(name: "ACTION", required: false, help: "list (default) | add REASON | remove REASON")],
        options: Option.specs,
        details: "Deals closed with a reason that is later removed keep it. The last reason cannot be removed (R7).",
        acceptsRest: true)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case json
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("list: print a JSON array")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let words = arguments.positionals + arguments.rest
        switch words.first {
        case nil, "list":
            guard words.count <= 1 else { throw CommandFailure.usage("usage: funnel lost-reasons list [--json]") }
            let funnel = try session.funnel(arguments)
            _ = try session.actor(in: funnel)
            let pipeline = funnel.pipeline
            if arguments.flag(.json) {
                Console.block(JSONOut.array(pipeline.lostReasons.map { .string($0) }).render())
            } else {
                for reason in pipeline.lostReasons { Console.line(reason) }
            }
        case "add", "remove":
            guard words.count == 2 else { throw CommandFailure.usage("usage: funnel lost-reasons \(words[0]) REASON") }
            let edit: PipelineEdit = words[0] == "add" ? .addLostReason(words[1]) : .removeLostReason(words[1])
            let plan = try PipelineChangeRun.run(edit, session: session, arguments: arguments)
            let verb = words[0] == "add" ? "added" : "removed"
            Console.line(
                "\(verb) lost reason “\(words[1].trimmingCharacters(in: .whitespacesAndNewlines))”; now: "
                    + plan.pipeline.lostReasons.joined(separator: ", "))
        case let verb?:
            var message = "funnel lost-reasons: unknown action “\(verb)”; use list, add REASON or remove REASON"
            if let guess = Suggest.closest(verb, among: ["list", "add", "remove"]) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
    }
}
