import Foundation
import FunnelCore

/// `funnel pipelines add NAME [--template T] [--language L]` (managers).
enum PipelinesAddCommand: Command {
    static let spec = CommandSpec(
        name: "pipelines add", summary: "Add a pipeline (managers).",
        arguments: [ArgumentSpec(name: "NAME", required: true, help: "the new pipeline's name; its id is made from it")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case template
        case language

        var spec: OptionSpec {
            switch self {
            case .template:
                OptionSpec(value: "NAME", "the new pipeline's stages: simple (default), powerlink or b2b", oneOf: PipelineTemplate.self)
            case .language:
                OptionSpec(value: "LANG", "the stage and lost-reason names' language (default: the UI's)", oneOf: Language.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let name = arguments.positionals[0]
        let template = try arguments.choice(.template, as: PipelineTemplate.self) ?? .defaultTemplate
        var pipeline = template.pipeline(in: try arguments.choice(.language, as: Language.self) ?? UI.language)
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        pipeline.defaultCurrency = funnel.pipeline.defaultCurrency
        let outcome = try session.data {
            try session.store.updatePipelineSet { set in PipelineSetEditing.add(name, template: pipeline, to: set, by: actor) }
        }
        let entry = try PipelinesCommand.saved(outcome)
        Console.line(UI.text(.cliPipelineAdded, ["name": entry.pipeline.name, "id": entry.id]))
    }
}

/// `funnel pipelines rename PIPELINE NEW_NAME` (managers; the id stays).
enum PipelinesRenameCommand: Command {
    static let spec = CommandSpec(
        name: "pipelines rename", summary: "Rename a pipeline (managers; its id stays).",
        arguments: [
            ArgumentSpec(name: "PIPELINE", required: true, help: "the pipeline, by name or id"),
            ArgumentSpec(name: "NEW_NAME", required: true, help: "its new name"),
        ])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let (text, name) = (arguments.positionals[0], arguments.positionals[1])
        let outcome = try session.data {
            try session.store.updatePipelineSet { set in PipelineSetEditing.rename(text, to: name, in: set, by: actor) }
        }
        let entry = try PipelinesCommand.saved(outcome)
        Console.line(UI.text(.cliPipelineRenamed, ["name": entry.pipeline.name, "id": entry.id]))
    }
}
