import Foundation
import FunnelCore

/// `funnel goals set --seller ACCOUNT|--team --month YYYY-MM --won-value A|--won-deals N|--activities N` (managers).
enum GoalsSetCommand: Command {
    static let spec = CommandSpec(
        name: "goals set", summary: "Set a seller's or the team's goal for a month (managers).", options: Option.specs)

    /// The options, declared once.
    enum Option: String, GoalWhoOptionKey {
        case seller, team, month, wonValue = "won-value", wonDeals = "won-deals", activities

        var spec: OptionSpec {
            switch self {
            case .seller: GoalsCommand.sellerOption
            case .team: GoalsCommand.teamOption
            case .month: GoalsCommand.monthOption
            case .wonValue: OptionSpec(value: "AMOUNT", "the value to win in the month, in the pipeline's currency")
            case .wonDeals: OptionSpec(value: "N", "the number of deals to win in the month")
            case .activities: OptionSpec(value: "N", "the calls, emails and meetings to log in the month")
            }
        }
    }

    /// Each kind's flag.
    static let kindFlags: [(flag: Option, kind: GoalKind)] = [(.wonValue, .wonValue), (.wonDeals, .wonDeals), (.activities, .activities)]

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let who = try GoalsCommand.seller(arguments, funnel: funnel)
        let month = try GoalsCommand.month(arguments, required: true, session: session)
        let given = kindFlags.filter { arguments.has($0.flag) }
        guard given.count == 1, let (flag, kind) = given.first, let text = arguments[flag] else {
            throw CommandFailure.usage("funnel goals set: give one of --won-value AMOUNT, --won-deals N, --activities N")
        }
        let target = kind.isMoney ? try SignedAmount.parse(text, flag: flag.rawValue) : try GoalsCommand.count(text, flag: flag.rawValue)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        let goal = Goal(month: month, seller: who, kind: kind, target: target)
        try GoalsCommand.save(session) { $0.setting(goal) }
        Console.line("goal set: \(who ?? "the team"), \(month.iso), \(kind.rawValue) \(Goal.targetText(target, kind: kind))")
    }
}

/// `funnel goals remove --seller ACCOUNT|--team --month YYYY-MM [--kind K]` (managers).
enum GoalsRemoveCommand: Command {
    static let spec = CommandSpec(
        name: "goals remove", summary: "Remove a seller's or the team's goals for a month (managers).", options: Option.specs)

    /// The options, declared once.
    enum Option: String, GoalWhoOptionKey {
        case seller, team, month, kind

        var spec: OptionSpec {
            switch self {
            case .seller: GoalsCommand.sellerOption
            case .team: GoalsCommand.teamOption
            case .month: GoalsCommand.monthOption
            case .kind: OptionSpec(value: "K", "only the goal of this kind (default: every kind)", oneOf: GoalKind.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let who = try GoalsCommand.seller(arguments, funnel: funnel, mayBeGone: true)
        let month = try GoalsCommand.month(arguments, required: true, session: session)
        let kind = try arguments.choice(.kind, as: GoalKind.self)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersSetGoals.localized) }
        try GoalsCommand.save(session) { $0.removing(month: month, seller: who, kind: kind) }
        Console.line("goal removed: \(who ?? "the team"), \(month.iso)" + (kind.map { ", \($0.rawValue)" } ?? ""))
    }
}
