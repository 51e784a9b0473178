import Foundation
import FunnelCore

/// `funnel goals`: monthly targets per seller and for the team (won value, deals won or
/// activities), stored in goals.json. Everyone on the team lists them; managers set and remove.
enum GoalsCommand: Command {
    static let actions = ["list", "set", "remove"]
    static let kindFlags: [(flag: Option, kind: GoalKind)] = [(.wonValue, .wonValue), (.wonDeals, .wonDeals), (.activities, .activities)]

    static let spec = CommandSpec(
        name: "goals", summary: "Monthly goals per seller and for the team: list them with their progress, or set and remove them (managers).",
        arguments: [ArgumentSpec(name: "list | set | remove", required: false, help: "what to do; without one, list")],
        options: Option.specs,
        details: """
            examples:
              funnel goals set --team --month 2026-11 --won-value 200000
              funnel goals set --seller rita --month 2026-11 --activities 120
              funnel goals list --json
              funnel goals remove --seller rita --month 2026-11 --kind activities
            A goal's progress: won value and deals won count the deals whose last close in the month
            is into a won stage, by their owner now; activities count the calls, emails and meetings
            logged in the month. See docs/reports.md ("Goals").
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case seller
        case team
        case month
        case wonValue = "won-value"
        case wonDeals = "won-deals"
        case activities
        case kind
        case json

        var spec: OptionSpec {
            switch self {
            case .seller: OptionSpec(value: "ACCOUNT", "the seller the goal is for (set, remove)")
            case .team: OptionSpec("the goal is the team's (set, remove)")
            case .month: OptionSpec(value: "YYYY-MM", "the month (set, remove; list: default this month)")
            case .wonValue: OptionSpec(value: "AMOUNT", "set: the value to win in the month, in the pipeline's currency")
            case .wonDeals: OptionSpec(value: "N", "set: the number of deals to win in the month")
            case .activities: OptionSpec(value: "N", "set: the calls, emails and meetings to log in the month")
            case .kind: OptionSpec(value: "K", "remove: only the goal of this kind (default: every kind)", oneOf: GoalKind.self)
            case .json: OptionSpec("print a JSON array (list)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let verb = arguments.positionals.first ?? "list"
        guard actions.contains(verb) else {
            var message = "funnel goals: unknown action “\(verb)”; use: \(actions.joined(separator: ", "))"
            if let guess = Suggest.closest(verb, among: actions) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        let allowed: [String: Set<Option>] = [
            "list": [.month, .json], "set": [.seller, .team, .month, .wonValue, .wonDeals, .activities],
            "remove": [.seller, .team, .month, .kind],
        ]
        for flag in Option.allCases where arguments.has(flag) && !(allowed[verb] ?? []).contains(flag) {
            throw CommandFailure.usage("funnel goals \(verb): --\(flag.rawValue) does not go with \(verb)", hint: "see: funnel goals --help")
        }
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        switch verb {
        case "list": try GoalsList.run(arguments, funnel: funnel, actor: actor, session: session)
        case "set": try set(arguments, funnel: funnel, actor: actor, session: session)
        default: try remove(arguments, funnel: funnel, actor: actor, session: session)
        }
    }

    static func set(_ arguments: Arguments<Option>, funnel: Funnel, actor: User, session: Session) throws {
        let who = try seller(arguments, funnel: funnel)
        let month = try self.month(arguments, required: true, session: session)
        let given = kindFlags.filter { arguments.has($0.flag) }
        guard given.count == 1, let (flag, kind) = given.first, let text = arguments[flag] else {
            throw CommandFailure.usage("funnel goals set: give one of --won-value AMOUNT, --won-deals N, --activities N")
        }
        let target = kind.isMoney ? try SignedAmount.parse(text, flag: flag.rawValue) : try count(text, flag: flag.rawValue)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        let goal = Goal(month: month, seller: who, kind: kind, target: target)
        try save(session) { $0.setting(goal) }
        Console.line("goal set: \(who ?? "the team"), \(month.iso), \(kind.rawValue) \(Goal.targetText(target, kind: kind))")
    }

    static func remove(_ arguments: Arguments<Option>, funnel: Funnel, actor: User, session: Session) throws {
        let who = try seller(arguments, funnel: funnel, mayBeGone: true)
        let month = try self.month(arguments, required: true, session: session)
        let kind = try arguments.choice(.kind, as: GoalKind.self)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        try save(session) { $0.removing(month: month, seller: who, kind: kind) }
        Console.line("goal removed: \(who ?? "the team"), \(month.iso)" + (kind.map { ", \($0.rawValue)" } ?? ""))
    }

    /// `--seller ACCOUNT` (a person on the team: exit 2 otherwise) or `--team` (nil), exactly one.
    /// A goal of someone who left the team can still be removed (`mayBeGone`).
    static func seller(_ arguments: Arguments<Option>, funnel: Funnel, mayBeGone: Bool = false) throws -> String? {
        let account = arguments[.seller]
        guard (account != nil) != arguments.flag(.team) else {
            throw CommandFailure.usage("funnel goals: give --seller ACCOUNT or --team (one of them)")
        }
        if let account, !mayBeGone, funnel.team.user(account) == nil {
            throw CommandFailure.usage(Message.unknownOwner(account: account).localized)
        }
        return account
    }

    /// `--month YYYY-MM`; this month when absent and not `required`.
    static func month(_ arguments: Arguments<Option>, required: Bool, session: Session) throws -> Month {
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
