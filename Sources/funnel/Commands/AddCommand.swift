import Foundation
import FunnelCore

/// `funnel add TITLE …`: creates a deal and prints its id.
enum AddCommand: Command {
    static let spec = CommandSpec(
        name: "add", summary: "Create a deal and print its id.",
        arguments: [ArgumentSpec(name: "TITLE", required: true, help: "what the deal is")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey, NextActionOptionKey, ForecastOptionKey {
        case company
        case contact
        case phone
        case email
        case value
        case currency
        case owner
        case stage
        case next
        case what
        case reason
        case notes
        case priority
        case pipeline
        case probability
        case expectedClose = "expected-close"

        var spec: OptionSpec {
            switch self {
            case .company: OptionSpec(value: "C", "the customer's company")
            case .contact: OptionSpec(value: "N", "the contact person")
            case .phone: OptionSpec(value: "P", "phone number")
            case .email: OptionSpec(value: "E", "email address")
            case .value: OptionSpec(value: "AMOUNT", "deal value, e.g. 12500 or 99.90")
            case .currency: OptionSpec(value: "CODE", "currency (default: the pipeline's)")
            case .owner: OptionSpec(value: "USER", "owning rep (default: you; managers only for others)")
            case .stage: OptionSpec(value: "STAGE", "stage id or name (default: the first open stage)")
            case .next: OptionSpec(value: "DATE", "next action date: 2026-11-24, today, tomorrow, +2d")
            case .what: OptionSpec(value: "TEXT", "what the next action is")
            case .reason: OptionSpec(value: "TEXT", "lost reason, when adding straight into a lost stage")
            case .notes: OptionSpec(value: "TEXT", "free notes")
            case .priority: OptionSpec(value: "P", "high, normal (default) or low", oneOf: Priority.self)
            case .pipeline: PipelineArgument.option
            case .probability: ForecastArguments.probabilityOption
            case .expectedClose: ForecastArguments.expectedCloseOption
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        var draft = NewDeal(title: arguments.positionals[0])
        draft.company = arguments[.company] ?? ""
        draft.contact = arguments[.contact] ?? ""
        draft.phone = arguments[.phone] ?? ""
        draft.email = arguments[.email] ?? ""
        draft.notes = arguments[.notes] ?? ""
        draft.owner = arguments[.owner]
        if let owner = draft.owner, funnel.team.user(owner) == nil {
            throw CommandFailure.usage(Message.unknownOwner(account: owner).localized)
        }
        draft.lostReason = arguments[.reason]
        if let value = arguments[.value] { draft.value = try session.amount(value) }
        if let currency = arguments[.currency] { draft.currency = try CurrencyArgument.parse(currency) }
        draft.priority = try arguments.choice(.priority, as: Priority.self)
        if let stage = arguments[.stage] {
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
    static func parse<Key: NextActionOptionKey>(_ arguments: Arguments<Key>, session: Session) throws -> NextAction? {
        guard let next = arguments[.next] else {
            if arguments[.what] != nil { throw CommandFailure.usage(UI.text(.cliWhatNeedsNext)) }
            return nil
        }
        return try session.nextAction(next, what: arguments[.what])
    }
}

/// The options of a command that takes `--next` and `--what`.
protocol NextActionOptionKey: OptionKey {
    static var next: Self { get }
    static var what: Self { get }
}
