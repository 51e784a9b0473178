import Foundation
import FunnelCore

/// `funnel add TITLE …`: creates a deal and prints its id.
enum AddCommand: Command {
    static let spec = CommandSpec(
        name: "add", summary: "Create a deal and print its id.",
        arguments: [ArgumentSpec(name: "TITLE", required: true, help: "what the deal is")],
        options: [
            OptionSpec("company", value: "C", "the customer's company"),
            OptionSpec("contact", value: "N", "the contact person"),
            OptionSpec("phone", value: "P", "phone number"),
            OptionSpec("email", value: "E", "email address"),
            OptionSpec("value", value: "AMOUNT", "deal value, e.g. 12500 or 99.90"),
            OptionSpec("currency", value: "CODE", "currency (default: the pipeline's)"),
            OptionSpec("owner", value: "USER", "owning rep (default: you; managers only for others)"),
            OptionSpec("stage", value: "STAGE", "stage id or name (default: the first open stage)"),
            OptionSpec("next", value: "DATE", "next action date: 2026-11-24, today, tomorrow, +2d"),
            OptionSpec("what", value: "TEXT", "what the next action is"),
            OptionSpec("reason", value: "TEXT", "lost reason, when adding straight into a lost stage"),
            OptionSpec("notes", value: "TEXT", "free notes"),
            OptionSpec("priority", value: "P", "high, normal (default) or low", choices: Priority.allCases.map(\.rawValue)),
            PipelineArgument.option,
        ] + ForecastArguments.options)

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        var draft = NewDeal(title: arguments.positionals[0])
        draft.company = arguments.value("company") ?? ""
        draft.contact = arguments.value("contact") ?? ""
        draft.phone = arguments.value("phone") ?? ""
        draft.email = arguments.value("email") ?? ""
        draft.notes = arguments.value("notes") ?? ""
        draft.owner = arguments.value("owner")
        if let owner = draft.owner, funnel.team.user(owner) == nil {
            throw CommandFailure.usage(Message.unknownOwner(account: owner).localized)
        }
        draft.lostReason = arguments.value("reason")
        if let value = arguments.value("value") { draft.value = try session.amount(value) }
        if let currency = arguments.value("currency") { draft.currency = try CurrencyArgument.parse(currency) }
        if let priority = arguments.value("priority") { draft.priority = try PriorityArgument.parse(priority) }
        if let stage = arguments.value("stage") {
            guard funnel.pipeline.findStage(stage) != nil else {
                throw CommandFailure.usage(Message.unknownStage(text: stage, known: funnel.pipeline.stages.map(\.id)).localized)
            }
            draft.stage = stage
        }
        draft.nextAction = try NextActionArguments.parse(arguments, session: session)
        draft.probability = try ForecastArguments.probability(arguments) ?? nil
        draft.expectedClose = try ForecastArguments.expectedClose(arguments, session: session) ?? nil
        var generator = SystemRandomNumberGenerator()
        var id = DealID.make(using: &generator)
        while try session.data({ try session.store.idIsTaken(id) }) { id = DealID.make(using: &generator) }
        switch funnel.create(draft, id: id, by: actor, now: session.now, utcOffset: session.utcOffset) {
        case .failure(let refusal):
            throw CommandFailure.refused(refusal.message.localized)
        case .success(let deal):
            try session.data { try session.store.insert(deal) }
            Console.line(deal.id)
        }
    }
}

/// `--next DATE [--what TEXT]`, shared by add, move and edit.
enum NextActionArguments {
    static func parse(_ arguments: ParsedArguments, session: Session) throws -> NextAction? {
        guard let next = arguments.value("next") else {
            if arguments.value("what") != nil { throw CommandFailure.usage(UI.text(.cliWhatNeedsNext)) }
            return nil
        }
        return try session.nextAction(next, what: arguments.value("what"))
    }
}
