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
            OptionSpec("owner", value: "USER", "give the deal to USER (managers only)"),
        ])

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0])
        var edit = DealEdit()
        edit.title = arguments.value("title")
        edit.company = arguments.value("company")
        edit.contact = arguments.value("contact")
        edit.phone = arguments.value("phone")
        edit.email = arguments.value("email")
        edit.notes = arguments.value("notes")
        if let currency = arguments.value("currency") {
            guard Money.isValidCurrency(currency) else { throw CommandFailure.usage(Message.invalidCurrency(text: currency).text) }
            edit.currency = currency
        }
        if let value = arguments.value("value") {
            edit.value = value.lowercased() == "none" ? .some(nil) : .some(try session.amount(value))
        }
        if let next = arguments.value("next"), next.lowercased() == "none" {
            if arguments.value("what") != nil { throw CommandFailure.usage("--what goes with a --next date, not none") }
            edit.nextAction = .some(nil)
        } else if let next = try NextActionArguments.parse(arguments, session: session) {
            edit.nextAction = .some(next)
        }
        let owner = arguments.value("owner")
        if let owner, funnel.team.user(owner) == nil { throw CommandFailure.usage(Message.unknownOwner(account: owner).text) }
        if edit.isEmpty && owner == nil {
            throw CommandFailure.usage("funnel edit: nothing to change; see: funnel edit --help")
        }
        if let owner {
            // Check both parts before saving either, so a refused half leaves everything as it was.
            let current = try session.visibleDeal(id, actor: actor)
            if case .failure(let refusal) = funnel.apply(.assign(owner: owner), to: current, by: actor, now: session.now) {
                throw CommandFailure.refused(refusal.message.text)
            }
        }
        var deal: Deal?
        if !edit.isEmpty { deal = try session.change(id, by: actor, funnel: funnel, .edit(edit)) }
        if let owner { deal = try session.change(id, by: actor, funnel: funnel, .assign(owner: owner)) }
        print("updated \(deal?.id ?? id)")
    }
}

/// `funnel assign ID USER`: a manager gives a deal to a rep (R16).
enum AssignCommand: Command {
    static let spec = CommandSpec(
        name: "assign", summary: "Give a deal to a seller (managers; R16).",
        arguments: [
            ArgumentSpec(name: "ID", required: true, help: "deal id or a unique prefix of it"),
            ArgumentSpec(name: "USER", required: true, help: "the seller's account name"),
        ])

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0])
        let owner = arguments.positionals[1]
        guard funnel.team.user(owner) != nil else { throw CommandFailure.usage(Message.unknownOwner(account: owner).text) }
        let deal = try session.change(id, by: actor, funnel: funnel, .assign(owner: owner))
        print("assigned \(deal.id) to \(owner)")
    }
}
