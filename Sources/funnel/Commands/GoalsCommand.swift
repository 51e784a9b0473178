import Foundation
import FunnelCore

/// `funnel goals`: monthly targets per seller and for the team (won value, deals won or
/// activities), stored in goals.json. Everyone on the team lists them; managers set and remove.
enum GoalsCommand: Command {
    static let actions = ["list", "set", "remove"]
    static let kindFlags: [(flag: String, kind: GoalKind)] = [("won-value", .wonValue), ("won-deals", .wonDeals), ("activities", .activities)]

    static let spec = CommandSpec(
        name: "goals", summary: "Monthly goals per seller and for the team: list them with their progress, or set and remove them (managers).",
        arguments: [ArgumentSpec(name: "list | set | remove", required: false, help: "what to do; without one, list")],
        options: [
            OptionSpec("seller", value: "ACCOUNT", "the seller the goal is for (set, remove)"),
            OptionSpec("team", "the goal is the team's (set, remove)"),
            OptionSpec("month", value: "YYYY-MM", "the month (set, remove; list: default this month)"),
            OptionSpec("won-value", value: "AMOUNT", "set: the value to win in the month, in the pipeline's currency"),
            OptionSpec("won-deals", value: "N", "set: the number of deals to win in the month"),
            OptionSpec("activities", value: "N", "set: the calls, emails and meetings to log in the month"),
            OptionSpec(
                "kind", value: "K", "remove: only the goal of this kind (default: every kind)",
                choices: GoalKind.allCases.map(\.rawValue)),
            OptionSpec("json", "print a JSON array (list)"),
        ],
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

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let verb = arguments.positionals.first ?? "list"
        guard actions.contains(verb) else {
            var message = "funnel goals: unknown action “\(verb)”; use: \(actions.joined(separator: ", "))"
            if let guess = Suggest.closest(verb, among: actions) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        let allowed: [String: Set<String>] = [
            "list": ["month", "json"], "set": ["seller", "team", "month", "won-value", "won-deals", "activities"],
            "remove": ["seller", "team", "month", "kind"],
        ]
        for flag in ["seller", "team", "month", "won-value", "won-deals", "activities", "kind", "json"]
        where arguments.has(flag) && !(allowed[verb] ?? []).contains(flag) {
            throw CommandFailure.usage("funnel goals \(verb): --\(flag) does not go with \(verb)", hint: "see: funnel goals --help")
        }
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        switch verb {
        case "list": try GoalsList.run(arguments, funnel: funnel, actor: actor, session: session)
        case "set": try set(arguments, funnel: funnel, actor: actor, session: session)
        default: try remove(arguments, funnel: funnel, actor: actor, session: session)
        }
    }

    static func set(_ arguments: ParsedArguments, funnel: Funnel, actor: User, session: Session) throws {
        let who = try seller(arguments, funnel: funnel)
        let month = try self.month(arguments, required: true, session: session)
        let given = kindFlags.filter { arguments.has($0.flag) }
        guard given.count == 1, let (flag, kind) = given.first, let text = arguments.value(flag) else {
            throw CommandFailure.usage("funnel goals set: give one of --won-value AMOUNT, --won-deals N, --activities N")
        }
        let target = kind.isMoney ? try SignedAmount.parse(text, flag: flag) : try count(text, flag: flag)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        let goal = Goal(month: month, seller: who, kind: kind, target: target)
        try save(session) { $0.setting(goal) }
        Console.line("goal set: \(who ?? "the team"), \(month.iso), \(kind.rawValue) \(Goal.targetText(target, kind: kind))")
    }

    static func remove(_ arguments: ParsedArguments, funnel: Funnel, actor: User, session: Session) throws {
        let who = try seller(arguments, funnel: funnel, mayBeGone: true)
        let month = try self.month(arguments, required: true, session: session)
        var kind: GoalKind?
        if let text = arguments.value("kind") {
            guard let k = GoalKind(rawValue: text.lowercased()) else {
                throw CommandFailure.usage("--kind “\(text)” is not a goal kind; use won_value, won_deals or activities")
            }
            kind = k
        }
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        try save(session) { $0.removing(month: month, seller: who, kind: kind) }
        Console.line("goal removed: \(who ?? "the team"), \(month.iso)" + (kind.map { ", \($0.rawValue)" } ?? ""))
    }

    /// `--seller ACCOUNT` (a person on the team: exit 2 otherwise) or `--team` (nil), exactly one.
    /// A goal of someone who left the team can still be removed (`mayBeGone`).
    static func seller(_ arguments: ParsedArguments, funnel: Funnel, mayBeGone: Bool = false) throws -> String? {
        let account = arguments.value("seller")
        guard (account != nil) != arguments.has("team") else {
            throw CommandFailure.usage("funnel goals: give --seller ACCOUNT or --team (one of them)")
        }
        if let account, !mayBeGone, funnel.team.user(account) == nil {
            throw CommandFailure.usage(Message.unknownOwner(account: account).localized)
        }
        return account
    }

    /// `--month YYYY-MM`; this month when absent and not `required`.
    static func month(_ arguments: ParsedArguments, required: Bool, session: Session) throws -> Month {
        guard let text = arguments.value("month") else {
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
