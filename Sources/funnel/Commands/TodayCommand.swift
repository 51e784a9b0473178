import Foundation
import FunnelCore

/// `funnel today`: the day's call list in the order of R9.
enum TodayCommand: Command {
    static let spec = CommandSpec(
        name: "today", summary: "Today's call list: new leads, follow-ups due, no answer yesterday (R9).",
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, ScopeOptionKey {
        case owner
        case all
        case json
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .owner: OptionSpec(value: "USER", "another seller's list (managers)")
            case .all: OptionSpec("every seller's deals (managers)")
            case .json: OptionSpec("print a JSON array (fields in docs/cli.md)")
            case .pipeline: PipelineArgument.option
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        let scope = try ScopeArguments.parse(arguments, funnel: funnel, actor: actor)
        // Closed deals are never called: not even decoded.
        let deals = try session.deals(for: actor, in: funnel, scope: scope) { funnel.pipeline.stage(id: $0.stage)?.kind.isClosed == false }
        let visible = deals.filter { Visibility.includes($0, scope: scope, actor: actor) }
        let list = CallList.compute(visible, pipeline: funnel.pipeline, now: session.now, utcOffset: session.utcOffset)
        if arguments.flag(.json) {
            var writer = JSONWriter(pretty: true)
            writer.openArray()
            for entry in list {
                writer.element()
                DealJSON.write(entry.deal, funnel: funnel, now: session.now, utcOffset: session.utcOffset, full: false, to: &writer) {
                    $0.field("group", entry.group.rawValue)
                }
            }
            writer.closeArray()
            Console.block(String(decoding: writer.bytes, as: UTF8.self))
            return
        }
        if list.isEmpty {
            Console.error(UI.text(.cliNothingToCall) + ScopeArguments.narrowHint(scope, actor: actor))
            return
        }
        var lines: [String] = []
        for group in CallList.Group.allCases {
            let entries = list.filter { $0.group == group }
            if entries.isEmpty { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append("\(group.title(in: UI.language)) (\(entries.count))")
            let rows = entries.map { entry -> [String] in
                let deal = entry.deal
                let attempts = Attempts.unanswered(deal)
                return [
                    deal.id, deal.title, deal.company, deal.phone, deal.valueDisplay ?? "—",
                    deal.nextAction.map { UI.dates.full($0.date) } ?? "—", attempts > 0 ? UI.text(.pluralTries, count: attempts) : "",
                ]
            }
            let header: [TextKey] = [.colID, .colTitle, .colCompany, .colPhone, .colValue, .colNext, .colAttempts]
            lines.append(
                TextTable.render(
                    header: header.map { UI.text($0) }, rows: rows,
                    maxWidths: [8, 32, 22, 16, 14, 10, 9]))
        }
        Console.block(lines.joined(separator: "\n"))
    }
}

/// `--owner USER | --all`, shared by list and today.
enum ScopeArguments {
    static func parse<Key: ScopeOptionKey>(_ arguments: Arguments<Key>, funnel: Funnel, actor: User) throws -> Scope {
        try parse(all: arguments.flag(.all), owner: arguments[.owner], funnel: funnel, actor: actor)
    }

    /// The scope `--all` and `--owner` ask for, refused when the actor may not see it.
    static func parse(all: Bool, owner: String?, funnel: Funnel, actor: User) throws -> Scope {
        if all && owner != nil {
            throw CommandFailure.usage(UI.text(.cliOwnerOrAll))
        }
        var scope = Scope.mine
        if all { scope = .everyone }
        if let owner {
            guard funnel.team.user(owner) != nil else { throw CommandFailure.usage(Message.unknownOwner(account: owner).localized) }
            scope = .seller(owner)
        }
        if let refusal = Visibility.allowed(scope, for: actor) { throw CommandFailure.refused(refusal.message.localized) }
        return scope
    }
}

extension ScopeArguments {
    /// After "no deals": a manager who asked for no scope saw their own deals and the inbox
    /// only, and is told how to see the team's; "" otherwise.
    static func narrowHint(_ scope: Scope, actor: User) -> String {
        scope == .mine && actor.role == .manager ? " " + UI.text(.cliOnlyYoursAndInbox) : ""
    }
}

/// The options of a command that takes `--owner USER` and `--all`.
protocol ScopeOptionKey: OptionKey {
    static var owner: Self { get }
    static var all: Self { get }
}
