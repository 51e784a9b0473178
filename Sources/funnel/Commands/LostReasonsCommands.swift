import Foundation
import FunnelCore

/// `funnel lost-reasons [list|add REASON|remove REASON]`: the reasons a deal may be closed as lost with (R7).
enum LostReasonsCommand: Command {
    static let spec = CommandSpec(
        name: "lost-reasons", summary: "List the reasons a deal may be lost for, or change them (managers).",
        details: "Deals closed with a reason that is later removed keep it. The last reason cannot be removed (R7).",
        subcommands: [LostReasonsListCommand.self, LostReasonsAddCommand.self, LostReasonsRemoveCommand.self],
        defaultSubcommand: "list")

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        try LostReasonsListCommand.run(arguments.as(LostReasonsListCommand.Option.self), session: session)
    }

    /// Adds or removes a reason (managers) and prints the reasons now.
    static func change<Key: PipelineOptionKey>(_ edit: PipelineEdit, reason: String, _ arguments: Arguments<Key>, session: Session) throws {
        let plan = try PipelineChangeRun.run(edit, session: session, arguments: arguments)
        let verb = if case .addLostReason = edit { "added" } else { "removed" }
        Console.line(
            "\(verb) lost reason “\(reason.trimmingCharacters(in: .whitespacesAndNewlines))”; now: "
                + plan.pipeline.lostReasons.joined(separator: ", "))
    }
}

/// `funnel lost-reasons list [--json] [--pipeline P]`.
enum LostReasonsListCommand: Command {
    static let spec = CommandSpec(name: "lost-reasons list", summary: "List the lost reasons, one a line.", options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case json, pipeline

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print a JSON array")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel(arguments)
        _ = try session.actor(in: funnel)
        let pipeline = funnel.pipeline
        if arguments.flag(.json) {
            Console.block(JSONOut.array(pipeline.lostReasons.map { .string($0) }).render())
        } else {
            for reason in pipeline.lostReasons { Console.line(reason) }
        }
    }
}

/// `funnel lost-reasons add REASON [--pipeline P]` (managers).
enum LostReasonsAddCommand: LostReasonChangeCommand {
    static let spec = CommandSpec(
        name: "lost-reasons add", summary: "Add a lost reason (managers).",
        arguments: [ArgumentSpec(name: "REASON", required: true, help: "the reason, as deals will be closed with it")],
        options: Option.specs)

    static func edit(_ reason: String) -> PipelineEdit { .addLostReason(reason) }
}

/// `funnel lost-reasons remove REASON [--pipeline P]` (managers; deals closed with it keep it).
enum LostReasonsRemoveCommand: LostReasonChangeCommand {
    static let spec = CommandSpec(
        name: "lost-reasons remove", summary: "Remove a lost reason; deals closed with it keep it (managers).",
        arguments: [ArgumentSpec(name: "REASON", required: true, help: "the reason")],
        options: Option.specs)

    static func edit(_ reason: String) -> PipelineEdit { .removeLostReason(reason) }
}

/// `lost-reasons add|remove REASON [--pipeline P]`: one reason changed, then the reasons now.
protocol LostReasonChangeCommand: Command where Option == PipelineOnlyOption {
    /// The change `reason` stands for.
    static func edit(_ reason: String) -> PipelineEdit
}

extension LostReasonChangeCommand {
    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let reason = arguments.positionals[0]
        try LostReasonsCommand.change(edit(reason), reason: reason, arguments, session: session)
    }
}
