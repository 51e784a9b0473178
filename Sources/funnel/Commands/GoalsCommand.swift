import Foundation
import FunnelCore

/// `funnel goals`: monthly targets per seller and for the team (won value, deals won or
/// activities), stored in goals.json. Everyone on the team lists them; managers set and remove.
enum GoalsCommand: Command {
    static let spec = CommandSpec(
        name: "goals", summary: "Monthly goals per seller and for the team: list them with their progress, or set and remove them (managers).",
        details: """
            examples:
              funnel goals set --team --month 2026-11 --won-value 200000
              funnel goals set --seller rita --month 2026-11 --activities 120
              funnel goals list --json
              funnel goals remove --seller rita --month 2026-11 --kind activities
            A goal's progress: won value and deals won count the deals whose last close in the month
            is into a won stage, by their owner now; activities count the calls, emails and meetings
            logged in the month. See docs/reports.md ("Goals").
            """,
        subcommands: [GoalsList.self, GoalsSetCommand.self, GoalsRemoveCommand.self],
        defaultSubcommand: "list")

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        try GoalsList.run(arguments.as(GoalsList.Option.self), session: session)
    }

    /// `--seller ACCOUNT` (a person on the team: exit 2 otherwise) or `--team` (nil), exactly one.
    /// A goal of someone who left the team can still be removed (`mayBeGone`).
    static func seller<Key: GoalWhoOptionKey>(_ arguments: Arguments<Key>, funnel: Funnel, mayBeGone: Bool = false) throws -> String? {
        let account = arguments[.seller]
        guard (account != nil) != arguments.flag(.team) else {
            throw CommandFailure.usage("funnel goals: give --seller ACCOUNT or --team (one of them)")
        }
        if let account, !mayBeGone { _ = try AccountArgument.known(account, in: funnel.team) }
        return account
    }

    /// `--month YYYY-MM`; this month when absent and not `required`.
    static func month<Key: GoalMonthOptionKey>(_ arguments: Arguments<Key>, required: Bool, session: Session) throws -> Month {
        guard let text = arguments[.month] else {
            if required { throw CommandFailure.usage("funnel goals: --month YYYY-MM is required") }
            return Month(session.today)
        }
        guard let month = Month(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure.usage("--month “\(text)” is not a month; write it YYYY-MM, e.g. \(Month(session.today).iso)")
        }
        return month
    }

    /// A count as typed: a whole number, sign allowed (a negative one is the domain's to refuse, exit 3).
    static func count(_ text: String, flag: String) throws -> Decimal {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(trimmed) else {
            throw CommandFailure.usage("--\(flag) “\(text)” is not a whole number")
        }
        return Decimal(n)
    }

    /// Changes goals.json under the lock; a refusal is exit 3 and writes nothing.
    static func save(_ session: Session, _ change: (GoalBook) -> Result<GoalBook, Refusal>) throws {
        if case .failure(let refusal) = try session.data({ try session.store.updateGoals(change) }) {
            throw CommandFailure.refused(refusal.message.localized)
        }
    }
}

/// The options of a goals command that takes `--month`.
protocol GoalMonthOptionKey: OptionKey {
    static var month: Self { get }
}

extension GoalsCommand {
    /// `--seller ACCOUNT`, as goals set and remove declare it.
    static let sellerOption = OptionSpec(value: "ACCOUNT", "the seller the goal is for")
    /// `--team`, as goals set and remove declare it.
    static let teamOption = OptionSpec("the goal is the team's")
    /// `--month YYYY-MM`, as goals set and remove declare it.
    static let monthOption = OptionSpec(value: "YYYY-MM", "the month")
}

/// The options of a goals command that takes `--seller ACCOUNT` or `--team` and `--month`.
protocol GoalWhoOptionKey: GoalMonthOptionKey {
    static var seller: Self { get }
    static var team: Self { get }
}
