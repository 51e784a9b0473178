import Foundation
import FunnelCore

/// `funnel pipelines`: the data directory's pipelines (e.g. new sales and renewals); `add` and
/// `rename` for managers (docs/cli.md, "Pipelines").
enum PipelinesCommand: Command {
    static let spec = CommandSpec(
        name: "pipelines", summary: "List the pipelines, or add and rename them (managers).",
        details: """
            The first pipeline is pipeline.json (id main); every other is pipelines/ID.json, its id made from its name.
            Every command about stages or deals takes --pipeline NAME (name or id; default: the first).
            example: funnel pipelines add Renewals --template b2b
            """,
        subcommands: [PipelinesListCommand.self, PipelinesAddCommand.self, PipelinesRenameCommand.self],
        defaultSubcommand: "list")

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        try list(json: false, session: session)
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

/// `funnel pipelines list [--json]`: every pipeline, its stages and open deals.
enum PipelinesListCommand: Command {
    static let spec = CommandSpec(name: "pipelines list", summary: "List the pipelines and their open deals.", options: Option.specs)

    typealias Option = JSONArrayOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try PipelinesCommand.list(json: arguments.flag(.json), session: session)
    }
}
