import Foundation
import FunnelCore

/// `funnel list`: the deals you may see, in the board's order.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", summary: "List deals in the board's order (stage, then due date).",
        options: [
            OptionSpec("stage", value: "STAGE", "only this stage (id or name)"),
            OptionSpec("owner", value: "USER", "only this seller's deals (managers; reps may name themselves)"),
            OptionSpec("all", "every seller's deals (managers only)"),
            OptionSpec("sort", value: "ORDER", "due (default), created, value, title or priority", choices: CardOrder.allCases.map(\.rawValue)),
            OptionSpec("priority", value: "P", "only deals of this priority: high, normal or low", choices: Priority.allCases.map(\.rawValue)),
            OptionSpec("filter", value: "TEXT", "only deals whose title, company, contact or phone contains TEXT"),
            OptionSpec("flag", value: "FLAG", "only flagged deals: " + DealFlag.allCases.map(\.rawValue).joined(separator: ", "),
                       choices: DealFlag.allCases.map(\.rawValue)),
            OptionSpec("json", "print a JSON array (fields in docs/cli.md)"),
        ])

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        var query = BoardQuery()
        query.scope = try ScopeArguments.parse(arguments, funnel: funnel, actor: actor)
        var flag: DealFlag?
        if let text = arguments.value("flag") {
            guard let found = DealFlag(rawValue: text.lowercased()) else {
                var message = "--flag “\(text)” is not a flag; flags are: \(DealFlag.allCases.map(\.rawValue).joined(separator: ", "))"
                if let guess = Suggest.closest(text, among: DealFlag.allCases.map(\.rawValue)) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            flag = found
        }
        if let sort = arguments.value("sort") {
            guard let order = CardOrder(rawValue: sort.lowercased()) else {
                let names = CardOrder.allCases.map(\.rawValue)
                var message = "--sort “\(sort)” is not an order; use one of \(names.joined(separator: ", "))"
                if let guess = Suggest.closest(sort, among: names) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            query.sort = order
        }
        if let stage = arguments.value("stage") {
            guard let found = funnel.pipeline.findStage(stage) else {
                throw CommandFailure.usage(Message.unknownStage(text: stage, known: funnel.pipeline.stages.map(\.id)).localized)
            }
            query.stage = found.id
        }
        query.filter = arguments.value("filter") ?? ""
        let priority = try arguments.value("priority").map { try PriorityArgument.parse($0) }
        let deals = try session.deals(for: actor)
        let shown = query.run(deals, actor: actor, utcOffset: session.utcOffset)
            .filter { deal in priority.map { deal.priority == $0 } ?? true }
            .filter { deal in
                flag.map { DealFlags.of(deal, pipeline: funnel.pipeline, now: session.now, utcOffset: session.utcOffset).contains($0) } ?? true
            }
            .sorted { (funnel.pipeline.index(of: $0.stage) ?? 0) < (funnel.pipeline.index(of: $1.stage) ?? 0) }
        if arguments.has("json") {
            Console.block(JSONOut.array(shown.map { DealJSON.make($0, funnel: funnel, now: session.now, utcOffset: session.utcOffset, full: false) }).render())
            return
        }
        if shown.isEmpty {
            Console.error(UI.text(.cliNoDeals))
            return
        }
        let rows = shown.map { deal -> [String] in
            [deal.id, funnel.pipeline.stage(id: deal.stage)?.name ?? deal.stage, deal.title, deal.company,
             deal.money?.display ?? "—", deal.nextAction.map { UI.dates.full($0.date) } ?? "—", deal.owner ?? "—"]
        }
        let header: [TextKey] = [.colID, .colStage, .colTitle, .colCompany, .colValue, .colNext, .colOwner]
        Console.block(TextTable.render(header: header.map { UI.text($0) }, rows: rows,
                               maxWidths: [8, 20, 40, 24, 14, 10, 12]))
    }
}
