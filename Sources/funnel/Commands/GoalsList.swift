import Foundation
import FunnelCore
import FunnelText

/// `funnel goals list [--month YYYY-MM] [--json]`: the month's goals with their progress.
enum GoalsList: Command {
    static let spec = CommandSpec(name: "goals list", summary: "List a month's goals with their progress.", options: Option.specs)

    /// The options, declared once.
    enum Option: String, GoalMonthOptionKey {
        case month
        case json

        var spec: OptionSpec {
            switch self {
            case .month: OptionSpec(value: "YYYY-MM", "the month (default: this month)")
            case .json: OptionSpec("print a JSON array")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let month = try GoalsCommand.month(arguments, required: false, session: session)
        let statuses = try self.statuses(month: month, funnel: funnel, actor: actor, session: session)
        if arguments.flag(.json) { return Console.block(JSONOut.array(statuses.map(json)).render()) }
        guard !statuses.isEmpty else {
            return Console.line("no goals for \(month.iso); a manager sets one with: funnel goals set --team --month \(month.iso) --won-value AMOUNT")
        }
        Console.block(
            TextTable.render(
                header: ["MONTH", "WHO", "KIND", "TARGET", "ACTUAL", "GAP", "DAYS LEFT"],
                rows: statuses.map {
                    [
                        $0.goal.month.iso, $0.goal.seller ?? "team", $0.goal.kind.rawValue, amount($0.goal.target, $0.goal.kind, $0.currency),
                        amount($0.actual, $0.goal.kind, $0.currency), amount($0.gap, $0.goal.kind, $0.currency), "\($0.daysLeft)",
                    ]
                }, maxWidths: [7, 20, 10, 24, 24, 24, 9]))
    }

    /// The goals of `month` the actor sees, with their progress (the deals the actor can read).
    static func statuses(month: Month, funnel: Funnel, actor: User, session: Session) throws -> [GoalStatus] {
        let goals = GoalProgress.visible(try session.data { try session.store.loadGoals() }.goals, month: month, to: actor)
        return try progress(goals, funnel: funnel, actor: actor, session: session)
    }

    /// `goals` with their progress: over every pipeline's deals the actor may read (a rep: their
    /// own and the inbox), each deal by its own pipeline's stages, money in the first pipeline's
    /// currency. `goals list`, `report` (one pipeline or all) and the board count alike.
    static func progress(_ goals: [Goal], funnel: Funnel, actor: User, session: Session) throws -> [GoalStatus] {
        guard !goals.isEmpty else { return [] }
        return GoalProgress.statuses(
            goals, deals: GoalProgress.readable(try session.deals(for: actor) { Visibility.canSee(owner: $0.owner, actor: actor) }, by: actor),
            pipelines: try session.pipelines(),
            team: funnel.team, today: session.today, utcOffset: session.utcOffset)
    }

    /// Money as the report shows it, a count as a number.
    static func amount(_ value: Decimal, _ kind: GoalKind, _ currency: String) -> String {
        kind.isMoney ? Money.display(value, currency: currency) : Goal.targetText(value, kind: kind)
    }

    /// `{"month", "seller", "kind", "target", "actual", "gap", "days_left"}`: money as strings with
    /// two decimals, counts as numbers.
    static func json(_ status: GoalStatus) -> JSONOut {
        let kind = status.goal.kind
        func value(_ v: Decimal) -> JSONOut { kind.isMoney ? .string(Money.plain(v)) : .number(NSDecimalNumber(decimal: v).intValue) }
        return .object([
            ("month", .string(status.goal.month.iso)), ("seller", .optional(status.goal.seller)), ("kind", .string(kind.rawValue)),
            ("target", value(status.goal.target)), ("actual", value(status.actual)), ("gap", value(status.gap)),
            ("days_left", .number(status.daysLeft)),
        ])
    }
}
