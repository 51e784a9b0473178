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
        case company, contact, phone, email, value, currency, owner, stage
        case next, what, reason, notes, priority, pipeline, probability, expectedClose = "expected-close"

        var spec: OptionSpec {
            switch self {
            case .company: OptionSpec(value: "C", "the customer's company")
            case .contact: OptionSpec(value: "N", "the contact person")
            case .phone: DealFieldSpecs.phone
            case .email: DealFieldSpecs.email
            case .value: OptionSpec(value: "AMOUNT", "deal value, e.g. 12500 or 99.90")
            case .currency: OptionSpec(value: "CODE", "currency (default: the pipeline's)")
            case .owner: OptionSpec(value: "USER", "owning rep (default: you; managers only for others)")
            case .stage: OptionSpec(value: "STAGE", "stage id or name (default: the first open stage)")
            case .next: OptionSpec(value: "DATE", "next action date: 2026-11-24, today, tomorrow, +2d")
            case .what: NextActionArguments.whatOption
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
        draft.owner = try arguments[.owner].map { try AccountArgument.known($0, in: funnel.team) }
        draft.lostReason = arguments[.reason]
        if let value = arguments[.value] { draft.value = try session.amount(value) }
        draft.currency = try arguments[.currency].map(CurrencyArgument.parse)
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
        // A random id is free but once in a trillion draws: the store checks it as it saves.
        while true {
            switch funnel.create(draft, id: DealID.make(using: &generator), by: actor, now: session.now, utcOffset: session.utcOffset) {
            case .failure(let refusal):
                throw CommandFailure.refused(refusal.message.localized)
            case .success(let deal):
                guard try session.data({ try session.store.insertIfFree(deal) }) else { continue }
                Console.line(deal.id)
                return
            }
        }
    }
}
