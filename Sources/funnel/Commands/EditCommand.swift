import Foundation
import FunnelCore

/// `funnel edit ID --field value …`: changes a deal's fields.
enum EditCommand: Command {
    static let spec = CommandSpec(
        name: "edit", summary: "Change a deal's fields.",
        arguments: [ArgumentSpec(name: "ID", required: true, help: "deal id or a unique prefix of it")],
        options: [
            OptionSpec("title", value: "T", "new title"),
            OptionSpec("company", value: "C", "company"),
            OptionSpec("contact", value: "N", "contact person"),
            OptionSpec("phone", value: "P", "phone number"),
            OptionSpec("email", value: "E", "email address"),
            OptionSpec("value", value: "AMOUNT", "deal value; \"none\" clears it"),
            OptionSpec("currency", value: "CODE", "currency code"),
            OptionSpec("next", value: "DATE", "next action date; \"none\" clears it"),
            OptionSpec("what", value: "TEXT", "what the next action is"),
            OptionSpec("notes", value: "TEXT", "replace the notes"),
            OptionSpec("priority", value: "P", "high, normal or low", choices: Priority.allCases.map(\.rawValue)),
            OptionSpec("owner", value: "USER", "give the deal to USER (managers only)"),
            OptionSpec("installments", value: "N", "payment terms: number of installments (R20; default 12)"),
            OptionSpec(
                "payment-method", value: "M", "payment terms: " + PaymentMethod.allCases.map(\.rawValue).joined(separator: ", ") + "; none clears",
                choices: PaymentMethod.allCases.map(\.rawValue) + ["none"]),
            OptionSpec("tick", value: "STEP", "tick a call step: rapport, discovery, presentation, closing (comma-separated)"),
            OptionSpec("untick", value: "STEP", "untick call steps"),
        ] + ForecastArguments.options)

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        var edit = DealEdit()
        edit.title = arguments.value("title")
        edit.company = arguments.value("company")
        edit.contact = arguments.value("contact")
        edit.phone = arguments.value("phone")
        edit.email = arguments.value("email")
        edit.notes = arguments.value("notes")
        if let currency = arguments.value("currency") { edit.currency = try CurrencyArgument.parse(currency) }
        if let priority = arguments.value("priority") { edit.priority = try PriorityArgument.parse(priority) }
        if let value = arguments.value("value") {
            edit.value = value.lowercased() == "none" ? .some(nil) : .some(try session.amount(value))
        }
        if let next = arguments.value("next"), next.lowercased() == "none" {
            if arguments.value("what") != nil { throw CommandFailure.usage("--what goes with a --next date, not none") }
            edit.nextAction = .some(nil)
        } else if let next = try NextActionArguments.parse(arguments, session: session) {
            edit.nextAction = .some(next)
        }
        edit.probability = try ForecastArguments.probability(arguments)
        edit.expectedClose = try ForecastArguments.expectedClose(arguments, session: session)
        let owner = arguments.value("owner")
        if let owner, funnel.team.user(owner) == nil { throw CommandFailure.usage(Message.unknownOwner(account: owner).localized) }
        var changes: [DealChange] = []
        if !edit.isEmpty { changes.append(.edit(edit)) }
        for (flag, done) in [("tick", true), ("untick", false)] {
            guard let text = arguments.value(flag) else { continue }
            for word in text.split(separator: ",") {
                guard let step = CallStep(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw CommandFailure.usage("--\(flag) “\(word)” is not a call step; use rapport, discovery, presentation, closing")
                }
                changes.append(.callStep(step, done: done))
            }
        }
        if let payment = try PaymentArguments.parse(arguments, session: session, id: id) { changes.append(payment) }
        if changes.isEmpty && owner == nil {
            throw CommandFailure.usage("funnel edit: nothing to change; see: funnel edit --help")
        }
        if let owner { changes.append(.assign(owner: owner)) }
        // One read-modify-write: every part passes its rules or nothing is saved.
        let deal = try session.change(id, by: actor, funnel: funnel, changes)
        Console.line("updated \(deal.id)")
    }
}
