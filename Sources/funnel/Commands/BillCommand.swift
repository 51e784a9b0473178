import Foundation
import FunnelCore

/// `funnel bill ID MODULE`: bills a module on a deal, once its training is logged (R21).
enum BillCommand: Command {
    static let spec = CommandSpec(
        name: "bill", summary: "Bill a module on a deal (after its training is logged, R21).",
        arguments: [
            .dealID,
            ArgumentSpec(name: "MODULE", required: true, help: "the module's name, as logged with training --module"),
        ],
        details: "Refused (exit 3) until: funnel log ID training --module MODULE. `funnel show ID` lists what is billed.")

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let deal = try session.change(id, by: actor, funnel: funnel, .bill(module: arguments.positionals[1]))
        Console.line("billed \(deal.modules.last?.module ?? arguments.positionals[1]) on \(deal.id)")
    }
}
