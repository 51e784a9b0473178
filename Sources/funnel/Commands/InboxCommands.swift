import Foundation
import FunnelCore

/// `funnel accept ID`: a rep takes an inbox lead; it moves to the first stage (R4).
enum AcceptCommand: Command {
    static let spec = CommandSpec(
        name: "accept", summary: "Take a lead from the inbox: you own it and it enters the first stage.",
        arguments: [.dealID])

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let deal = try session.change(id, by: actor, funnel: funnel, .accept)
        Console.line("accepted \(deal.id); owner \(deal.owner ?? "—"), stage \(funnel.pipeline.stage(id: deal.stage)?.name ?? deal.stage)")
    }
}

/// `funnel reject ID --reason T`: turns an inbox lead down; it is closed as lost and stays searchable.
enum RejectCommand: Command {
    static let spec = CommandSpec(
        name: "reject", summary: "Turn a lead in the inbox down, with a reason (it stays searchable).",
        arguments: [.dealID],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case reason

        var spec: OptionSpec {
            switch self {
            case .reason: OptionSpec(value: "TEXT", "why (required)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        guard let reason = arguments[.reason] else { throw CommandFailure.usage("funnel reject: --reason TEXT is required") }
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let deal = try session.change(id, by: actor, funnel: funnel, .reject(reason: reason))
        Console.line("rejected \(deal.id): \(deal.lostReason ?? reason)")
    }
}
