import Foundation
import FunnelCore

/// `funnel list`: the deals you may see, in the board's order.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", summary: "List deals in the board's order (stage, then due date).",
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, ScopeOptionKey {
        case stage
        case owner
        case all
        case sort
        case priority
        case filter
        case flag
        case json
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .stage: OptionSpec(value: "STAGE", "only this stage (id or name)")
            case .owner: OptionSpec(value: "USER", "only this seller's deals (managers; reps may name themselves)")
            case .all: OptionSpec("every seller's deals (managers only)")
            case .sort: OptionSpec(value: "ORDER", "due (default), created, value, title or priority", oneOf: CardOrder.self)
            case .priority: OptionSpec(value: "P", "only deals of this priority: high, normal or low", oneOf: Priority.self)
            case .filter: OptionSpec(value: "TEXT", "only deals whose title, company, contact or phone contains TEXT")
            case .flag:
                OptionSpec(value: "FLAG", "only flagged deals: " + DealFlag.allCases.map(\.rawValue).joined(separator: ", "), oneOf: DealFlag.self)
            case .json: OptionSpec("print a JSON array (fields in docs/cli.md)")
            case .pipeline: PipelineArgument.optionWithAll
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let every = PipelineArgument.isEvery(arguments)
        let funnel = every ? try session.funnel() : try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        let pipelines = try session.pipelines()
        /// Each deal in its own pipeline: names, flags and order.
        @Sendable func home(_ deal: Deal) -> Funnel { every ? funnel.on(pipelines.entry(for: deal)) : funnel }
        var query = BoardQuery()
        query.scope = try ScopeArguments.parse(arguments, funnel: funnel, actor: actor)
        let flag = try arguments.choice(.flag, as: DealFlag.self)
        if let sort = try arguments.choice(.sort, as: CardOrder.self) { query.sort = sort }
        let stageText = arguments[.stage]
        if let stageText {
            let known = every ? pipelines.entries.map(\.pipeline) : [funnel.pipeline]
            guard known.contains(where: { $0.findStage(stageText) != nil }) else {
                throw CommandFailure.usage(Message.unknownStage(text: stageText, known: funnel.pipeline.stages.map(\.id)).localized)
            }
        }
        query.filter = arguments[.filter] ?? ""
        let priority = try arguments.choice(.priority, as: Priority.self)
        // No list shows a stage history (`--json` has no history either), and a table without
        // --flag shows nothing of the activities: neither is decoded then.
        let needsActivities = flag != nil || arguments.flag(.json)
        let leaving: DealParts = needsActivities ? .history : [.history, .activities]
        let deals = try session.deals(for: actor, in: every ? nil : funnel, scope: query.scope, leaving: leaving)
        /// The deal's pipeline's place, then its stage's place in that pipeline, and its stage's
        /// name as the table shows it; worked out once per pipeline and stage met (100,000 deals
        /// meet a few dozen).
        var places: [String?: [String: (order: Int, name: String)]] = [:]
        func place(_ deal: Deal) -> (order: Int, name: String) {
            if let known = places[deal.pipeline]?[deal.stage] { return known }
            let entry = pipelines.entry(for: deal)
            let order = (pipelines.entries.firstIndex { $0.id == entry.id } ?? 0) << 32 + (entry.pipeline.index(of: deal.stage) ?? 0)
            let known = (order, home(deal).pipeline.stage(id: deal.stage)?.name ?? deal.stage)
            places[deal.pipeline, default: [:]][deal.stage] = known
            return known
        }
        var chosen = query.run(deals, actor: actor, utcOffset: session.utcOffset)
        // One more pass only when an option asks for one (each pass copies 100,000 deals).
        if stageText != nil || priority != nil || flag != nil {
            chosen = chosen.filter { deal in
                (stageText.map { home(deal).pipeline.findStage($0)?.id == deal.stage } ?? true)
                    && (priority.map { deal.priority == $0 } ?? true)
                    && (flag.map { DealFlags.of(deal, pipeline: home(deal).pipeline, now: session.now, utcOffset: session.utcOffset).contains($0) }
                        ?? true)
            }
        }
        let shown = chosen.grouped { place($0).order }
        if arguments.flag(.json) {
            let (now, utcOffset) = (session.now, session.utcOffset)
            JSONOut.streamArray(
                shown, { DealJSON.write($0, funnel: home($0), now: now, utcOffset: utcOffset, full: false, to: &$1) }, emit: Console.json)
            Console.block("")
            return
        }
        if shown.isEmpty {
            Console.error(UI.text(.cliNoDeals) + ScopeArguments.narrowHint(query.scope, actor: actor))
            return
        }
        // Every deal's stage was placed while grouping: the rows are made on every core.
        let (placed, dates) = (places, UI.dates)
        let rows = parallelMap(shown, chunk: TextTable.piece) { deal -> [String] in
            [
                deal.id, placed[deal.pipeline]?[deal.stage]?.name ?? deal.stage, deal.title, deal.company,
                deal.valueDisplay ?? "—", deal.nextAction.map { dates.full($0.date) } ?? "—", deal.owner ?? "—",
            ]
        }
        KeptUntilExit.keep(rows)
        let header: [TextKey] = [.colID, .colStage, .colTitle, .colCompany, .colValue, .colNext, .colOwner]
        Console.block(
            TextTable.render(
                header: header.map { UI.text($0) }, rows: rows,
                maxWidths: [8, 20, 40, 24, 14, 10, 12]))
    }
}
