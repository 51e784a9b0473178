import Foundation
import FunnelCore
import FunnelQuote

/// `funnel lines`: the lines of the quote being prepared on a deal (R19): add a catalogue
/// product or a free line, list them with the sums, remove one.
enum LinesCommand: Command {
    static let spec = CommandSpec(
        name: "lines", summary: "Add, list or remove the quote lines of a deal (R19).",
        details: """
            examples:
              funnel lines add 7f3a CRM-Y --qty 3 --discount 10
              funnel lines add 7f3a --text "Data migration" --price 800
              funnel lines list 7f3a
              funnel lines remove 7f3a 2
            A line's total is quantity × unit price less the discount, rounded half-up to cents once;
            VAT (the pipeline's quotes.vat_percent, 18 by default) applies to lines that are not
            VAT-exempt. A refused line (unknown product, quantity not above zero, discount over 100,
            a total past the money limit) exits 3 and changes nothing.
            """,
        subcommands: [LinesAddCommand.self, LinesListCommand.self, LinesRemoveCommand.self])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        throw spec.missingSubcommand
    }
}

/// `funnel lines add ID CODE | --text TEXT --price AMOUNT`: a catalogue product or a free line.
enum LinesAddCommand: Command {
    static let spec = CommandSpec(
        name: "lines add", summary: "Add a catalogue product or a free line to a deal's quote.",
        arguments: [
            .dealID,
            ArgumentSpec(name: "CODE", required: false, help: "a product's code (none: a free line with --text and --price)"),
        ],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case qty
        case price
        case discount
        case text
        case vatExempt = "vat-exempt"

        var spec: OptionSpec {
            switch self {
            case .qty: OptionSpec(value: "N", "quantity, more than zero (default 1)")
            case .price: OptionSpec(value: "AMOUNT", "unit price: overrides the catalogue's; required for a free line")
            case .discount: OptionSpec(value: "PCT", "discount in percent, 0 to 100")
            case .text: OptionSpec(value: "TEXT", "a free line's text (instead of a product CODE)")
            case .vatExempt: OptionSpec("no VAT on this free line")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let quantity = try arguments[.qty].map { try SignedAmount.parse($0, flag: "qty") } ?? 1
        let price = try arguments[.price].map { try SignedAmount.parse($0, flag: "price") }
        let discount = try arguments[.discount].map { try SignedAmount.parse($0, flag: "discount") } ?? 0
        let deal = try session.visibleDeal(arguments.positionals[0], actor: actor)
        let code = arguments.positionals.count > 1 ? arguments.positionals[1] : nil
        let line: QuoteLine
        if let code {
            if arguments.has(.text) || arguments.flag(.vatExempt) {
                throw CommandFailure.usage(
                    "funnel lines add: a product line takes its text and VAT from the catalogue; --text and --vat-exempt are for a free line (no CODE)"
                )
            }
            let catalogue = try session.data { try session.store.loadProducts() }
            switch catalogue.line(code, quantity: quantity, price: price, discount: discount, currency: deal.currency) {
            case .success(let made): line = made
            case .failure(let refusal): throw CommandFailure.refused(refusal.message.localized)
            }
        } else {
            guard let text = arguments[.text] else {
                throw CommandFailure.usage("funnel lines add: give a product CODE, or a free line with --text TEXT --price AMOUNT")
            }
            guard let price else { throw CommandFailure.usage("funnel lines add: a free line needs --price AMOUNT") }
            line = QuoteLine(
                product: nil, text: text, quantity: quantity, unitPrice: price, discount: discount,
                vatExempt: arguments.flag(.vatExempt))
        }
        let saved = try session.change(deal.id, by: actor, funnel: funnel, .addLine(line))
        let added = saved.quoteLines.last ?? line
        Console.line("added line \(saved.quoteLines.count) to \(saved.id): \(added.text) — \(QuoteText.money(added.total, currency: saved.currency))")
    }
}

/// `funnel lines list ID [--json]`: a deal's quote lines with the sums.
enum LinesListCommand: Command {
    static let spec = CommandSpec(
        name: "lines list", summary: "List a deal's quote lines with the sums.",
        arguments: [.dealID],
        options: Option.specs)

    typealias Option = JSONObjectOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let (funnel, _, deal) = try session.visibleDealWithFunnel(arguments.positionals[0])
        LinesOutput.show(deal, pipeline: funnel.pipeline, json: arguments.flag(.json))
    }
}

/// `funnel lines remove ID N`: the N-th line (1 for the first).
enum LinesRemoveCommand: Command {
    static let spec = CommandSpec(
        name: "lines remove", summary: "Remove a line from a deal's quote.",
        arguments: [
            .dealID,
            ArgumentSpec(name: "N", required: true, help: "the line's number, 1 for the first (see funnel lines list ID)"),
        ])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let text = arguments.positionals[1]
        guard let number = Int(text), number >= 1 else {
            throw CommandFailure.usage("funnel lines remove: “\(text)” is not a line number (1 for the first; see funnel lines list ID)")
        }
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        let deal = try session.change(id, by: actor, funnel: funnel, .removeLine(number: number))
        Console.line("removed line \(number) from \(deal.id); \(deal.quoteLines.count) left")
    }
}
