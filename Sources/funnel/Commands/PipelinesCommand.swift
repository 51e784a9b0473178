import Foundation
import FunnelCore

/// `funnel pipelines`: the data directory's pipelines (e.g. new sales and renewals); `add` and
/// `rename` for managers (docs/cli.md, "Pipelines").
enum PipelinesCommand: Command {
    static let spec = CommandSpec(
        name: "pipelines", summary: "List the pipelines, or add and rename them (managers).",
        arguments: [
            ArgumentSpec(
                name: "ACTION", required: false,
                help: "list (default) | add NAME | rename PIPELINE NEW_NAME")
        ],
        options: Option.specs,
        details: """
            The first pipeline is pipeline.json (id main); every other is pipelines/ID.json, its id made from its name.
            Every command about stages or deals takes --pipeline NAME (name or id; default: the first).
            example: funnel pipelines add Renewals --template b2b
            """,
        acceptsRest: true)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case json
        case template
        case language

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("list: print a JSON array")
            case .template: OptionSpec(value: "NAME", "add: the new pipeline's stages: simple (default), powerlink or b2b", oneOf: PipelineTemplate.self)
            case .language: OptionSpec(value: "LANG", "add: the stage and lost-reason names' language (default: the UI's)", oneOf: Language.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let words = arguments.positionals + arguments.rest
        for flag in [Option.template, .language] where arguments.has(flag) && words.first != "add" {
            throw CommandFailure.usage("--\(flag.rawValue) goes with: funnel pipelines add NAME")
        }
        switch words.first {
        case nil, "list":
            guard words.count <= 1 else { throw CommandFailure.usage("usage: funnel pipelines list [--json]") }
            try list(json: arguments.flag(.json), session: session)
        case "add":
            guard words.count == 2 else { throw CommandFailure.usage("usage: funnel pipelines add NAME [--template simple|powerlink|b2b]") }
            try add(words[1], arguments: arguments, session: session)
        case "rename":
            guard words.count == 3 else { throw CommandFailure.usage("usage: funnel pipelines rename PIPELINE NEW_NAME") }
            try rename(words[1], to: words[2], session: session)
        case let verb?:
            var message = "funnel pipelines: unknown action “\(verb)”; use list, add NAME or rename PIPELINE NEW_NAME"
            if let guess = Suggest.closest(verb, among: ["list", "add", "rename"]) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
    }

    static func list(json: Bool, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let set = try session.pipelines()
        // Only the deals the actor may see count (R15): a rep's own and the inbox, as `funnel list`.
        let deals = try session.deals(for: actor).filter { Visibility.canSee($0, actor: actor) }
        let rows = set.entries.map { entry -> (PipelineEntry, Int) in
            let open = set.deals(deals, in: entry.id).filter { deal in
                entry.pipeline.stage(id: deal.stage).map { $0.kind == .open || $0.kind == .inbox } ?? true
            }
            return (entry, open.count)
        }
        if json {
            Console.block(
                JSONOut.array(
                    rows.map { entry, open in
                        .object([
                            ("id", .string(entry.id)), ("name", .string(entry.pipeline.name)),
                            ("stages", .number(entry.pipeline.stages.count)), ("deals", .number(open)),
                            ("first", .bool(entry.isFirst)),
                        ])
                    }
                ).render())
            return
        }
        Console.block(
            TextTable.render(
                header: ["ID", "NAME", "STAGES", "OPEN DEALS"],
                rows: rows.map { [$0.0.id, $0.0.pipeline.name, "\($0.0.pipeline.stages.count)", "\($0.1)"] },
                maxWidths: [40, 60, 6, 10]))
    }

    static func add(_ name: String, arguments: Arguments<Option>, session: Session) throws {
        let template = try arguments.choice(.template, as: PipelineTemplate.self) ?? .defaultTemplate
        var pipeline = template.pipeline(in: try arguments.choice(.language, as: Language.self) ?? UI.language)
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        pipeline.defaultCurrency = funnel.pipeline.defaultCurrency
        let outcome = try session.data {
            try session.store.updatePipelineSet { set in PipelineSetEditing.add(name, template: pipeline, to: set, by: actor) }
        }
        let entry = try saved(outcome)
        Console.line(UI.text(.cliPipelineAdded, ["name": entry.pipeline.name, "id": entry.id]))
    }

    static func rename(_ text: String, to name: String, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let outcome = try session.data {
            try session.store.updatePipelineSet { set in PipelineSetEditing.rename(text, to: name, in: set, by: actor) }
        }
        let entry = try saved(outcome)
        Console.line(UI.text(.cliPipelineRenamed, ["name": entry.pipeline.name, "id": entry.id]))
    }

    /// The entry written, or the refusal as its exit code: an unknown pipeline 5, anything else 3.
    static func saved(_ outcome: Result<PipelineEntry, Refusal>) throws -> PipelineEntry {
        switch outcome {
        case .success(let entry): return entry
        case .failure(let refusal):
            if case .unknownPipeline = refusal.message { throw CommandFailure.notFound(refusal.message.localized) }
            throw CommandFailure.refused(refusal.message.localized)
        }
    }
}
