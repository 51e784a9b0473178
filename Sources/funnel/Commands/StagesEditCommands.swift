import Foundation
import FunnelCore

/// `funnel stages add NAME [--after STAGE|--before STAGE] [--kind K] [--stuck DAYS] [--probability P] [--requires LIST] [--id ID]`.
enum StagesAddCommand: Command {
    static let spec = CommandSpec(
        name: "stages add", summary: "Add a stage (managers).",
        arguments: [ArgumentSpec(name: "NAME", required: true, help: "the new stage's name")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, StagePlaceOptionKey, StageSettingsOptionKey {
        case after, before, kind, stuck, probability, requires, id, pipeline

        var spec: OptionSpec {
            switch self {
            case .after: OptionSpec(value: "STAGE", "place after this stage")
            case .before: OptionSpec(value: "STAGE", "place before this stage")
            case .kind: StageSettingsSpecs.kind
            case .stuck: StageSettingsSpecs.stuck
            case .probability: StageSettingsSpecs.probability
            case .requires: StageSettingsSpecs.requires
            case .id: OptionSpec(value: "ID", "the new stage's id (default: made from its name)")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let edit = PipelineEdit.addStage(
            name: arguments.positionals[0], id: arguments[.id], place: try StageEditArguments.place(arguments),
            settings: try StageEditArguments.settings(arguments))
        try StagesCommand.change(edit, arguments, session: session)
    }
}

/// `funnel stages rename STAGE NEW_NAME` (the id stays).
enum StagesRenameCommand: Command {
    static let spec = CommandSpec(
        name: "stages rename", summary: "Rename a stage; its id stays (managers).",
        arguments: [
            ArgumentSpec(name: "STAGE", required: true, help: "stage id or name"),
            ArgumentSpec(name: "NEW_NAME", required: true, help: "its new name"),
        ],
        options: Option.specs)

    typealias Option = PipelineOnlyOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try StagesCommand.change(.renameStage(arguments.positionals[0], to: arguments.positionals[1]), arguments, session: session)
    }
}

/// `funnel stages move STAGE --after STAGE | --before STAGE`.
enum StagesMoveCommand: Command {
    static let spec = CommandSpec(
        name: "stages move", summary: "Move a stage to another place on the board (managers).",
        arguments: [ArgumentSpec(name: "STAGE", required: true, help: "stage id or name")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, StagePlaceOptionKey {
        case after, before, pipeline

        var spec: OptionSpec {
            switch self {
            case .after: OptionSpec(value: "STAGE", "place after this stage")
            case .before: OptionSpec(value: "STAGE", "place before this stage")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        guard let place = try StageEditArguments.place(arguments) else { throw CommandFailure.usage("move needs --after or --before") }
        try StagesCommand.change(.moveStage(arguments.positionals[0], to: place), arguments, session: session)
    }
}

/// `funnel stages set STAGE [--kind K] [--stuck DAYS|none] [--probability P|none] [--requires LIST|none]`.
enum StagesSetCommand: Command {
    static let spec = CommandSpec(
        name: "stages set", summary: "Change a stage's kind, stuck days, probability or entry requirements (managers).",
        arguments: [ArgumentSpec(name: "STAGE", required: true, help: "stage id or name")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, StageSettingsOptionKey {
        case kind, stuck, probability, requires, pipeline

        var spec: OptionSpec {
            switch self {
            case .kind: StageSettingsSpecs.kind
            case .stuck: StageSettingsSpecs.stuck
            case .probability: StageSettingsSpecs.probability
            case .requires: StageSettingsSpecs.requires
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try StagesCommand.change(.setStage(arguments.positionals[0], try StageEditArguments.settings(arguments)), arguments, session: session)
    }
}

/// `funnel stages remove STAGE [--to STAGE]`: a stage with deals only with --to, where they move.
enum StagesRemoveCommand: Command {
    static let spec = CommandSpec(
        name: "stages remove", summary: "Remove a stage; its deals move with --to (managers).",
        arguments: [ArgumentSpec(name: "STAGE", required: true, help: "stage id or name")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case to, pipeline

        var spec: OptionSpec {
            switch self {
            case .to: OptionSpec(value: "STAGE", "the stage its deals move to (each move recorded in their history)")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try StagesCommand.change(.removeStage(arguments.positionals[0], movingDealsTo: arguments[.to]), arguments, session: session)
    }
}
