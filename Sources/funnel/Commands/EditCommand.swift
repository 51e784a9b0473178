import Foundation
import FunnelCore

/// `funnel edit ID --field value …`: changes a deal's fields.
enum EditCommand: Command {
    static let spec = CommandSpec(
        name: "edit", summary: "Change a deal's fields.",
        arguments: [.dealID],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, NextActionOptionKey, ForecastOptionKey {
        case title, company, contact, phone, email, value, currency, next, what, notes, priority, owner
        case installments, paymentMethod = "payment-method", tick, untick, probability, expectedClose = "expected-close"

        var spec: OptionSpec {
            switch self {
            case .title: OptionSpec(value: "T", "new title")
            case .company: OptionSpec(value: "C", "company")
            case .contact: OptionSpec(value: "N", "contact person")
            case .phone: DealFieldSpecs.phone
            case .email: DealFieldSpecs.email
            case .value: OptionSpec(value: "AMOUNT", "deal value; \"none\" clears it")
            case .currency: OptionSpec(value: "CODE", "currency code")
            case .next: OptionSpec(value: "DATE", "next action date; \"none\" clears it")
            case .what: NextActionArguments.whatOption
            case .notes: OptionSpec(value: "TEXT", "replace the notes")
            case .priority: OptionSpec(value: "P", "high, normal or low", oneOf: Priority.self)
            case .owner: OptionSpec(value: "USER", "give the deal to USER (managers only)")
            case .installments: OptionSpec(value: "N", "payment terms: number of installments (R20; default 12)")
            case .paymentMethod:
                OptionSpec(
                    value: "M", "payment terms: " + PaymentMethod.allCases.map(\.rawValue).joined(separator: ", ") + "; none clears",
                    oneOf: PaymentMethodChoice.self)
            case .tick: OptionSpec(value: "STEP", "tick a call step: rapport, discovery, presentation, closing (comma-separated)")
            case .untick: OptionSpec(value: "STEP", "untick call steps")
            case .probability: ForecastArguments.probabilityOption
            case .expectedClose: ForecastArguments.expectedCloseOption
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        var edit = DealEdit()
        edit.title = arguments[.title]
        edit.company = arguments[.company]
        edit.contact = arguments[.contact]
        edit.phone = arguments[.phone]
        edit.email = arguments[.email]
        edit.notes = arguments[.notes]
        edit.currency = try arguments[.currency].map(CurrencyArgument.parse)
        edit.priority = try arguments.choice(.priority, as: Priority.self)
        if let value = arguments[.value] {
            edit.value = value.lowercased() == "none" ? .some(nil) : .some(try session.amount(value))
        }
        if let next = arguments[.next], next.lowercased() == "none" {
            if arguments[.what] != nil { throw CommandFailure.usage("--what goes with a --next date, not none") }
            edit.nextAction = .some(nil)
        } else if let next = try NextActionArguments.parse(arguments, session: session) {
            edit.nextAction = .some(next)
        }
        edit.probability = try ForecastArguments.probability(arguments)
        edit.expectedClose = try ForecastArguments.expectedClose(arguments, session: session)
        let owner = try arguments[.owner].map { try AccountArgument.known($0, in: funnel.team) }
        var changes: [DealChange] = []
        if !edit.isEmpty { changes.append(.edit(edit)) }
        for (flag, done) in [(Option.tick, true), (.untick, false)] {
            guard let text = arguments[flag] else { continue }
            for word in text.split(separator: ",") {
                guard let step = CallStep(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw CommandFailure.usage("--\(flag.rawValue) “\(word)” is not a call step; use rapport, discovery, presentation, closing")
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
