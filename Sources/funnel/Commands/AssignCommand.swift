import Foundation
import FunnelCore

/// `funnel assign ID USER`: a manager gives a deal to a rep (R16).
enum AssignCommand: Command {
    static let spec = CommandSpec(
        name: "assign", summary: "Give a deal to a seller (managers; R16).",
        arguments: [
            .dealID,
            ArgumentSpec(name: "USER", required: true, help: "the seller's account name"),
        ])

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let owner = try AccountArgument.known(arguments.positionals[1], in: funnel.team)
        let deal = try session.change(id, by: actor, funnel: funnel, .assign(owner: owner))
        Console.line("assigned \(deal.id) to \(owner)")
    }
}
