import Foundation
import FunnelCore
import FunnelQuote

/// `funnel lines`: the lines of the quote being prepared on a deal (R19): add a catalogue
/// product or a free line, list them with the sums, remove one.
enum LinesCommand: Command {
    static let actions = ["add", "list", "remove"]

    static let spec = CommandSpec(
        name: "lines", summary: "Add, list or remove the quote lines of a deal (R19).",
        arguments: [
            ArgumentSpec(
                name: "add ID [CODE] | list ID | remove ID N", required: true,
                help: "what to do, on which deal (id or a unique prefix)")
        ],
        options: Option.specs,
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
        acceptsRest: true)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case qty
        case price
        case discount
        case text
        case vatExempt = "vat-exempt"
        case json

        var spec: OptionSpec {
            switch self {
            case .qty: OptionSpec(value: "N", "quantity, more than zero (default 1)")
            case .price: OptionSpec(value: "AMOUNT", "unit price: overrides the catalogue's; required for a free line")
            case .discount: OptionSpec(value: "PCT", "discount in percent, 0 to 100")
            case .text: OptionSpec(value: "TEXT", "a free line's text (instead of a product CODE)")
            case .vatExempt: OptionSpec("no VAT on this free line")
            case .json: OptionSpec("print a JSON object (list)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let words = arguments.positionals + arguments.rest
        let verb = words[0]
        guard actions.contains(verb) else {
            var message = "funnel lines: unknown action “\(verb)”; use: \(actions.joined(separator: ", "))"
            if let guess = Suggest.closest(verb, among: actions) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        let lineFlags: [Option] = [.qty, .price, .discount, .text, .vatExempt]
        if verb != "add", let flag = lineFlags.first(where: arguments.has) {
            throw CommandFailure.usage("funnel lines \(verb): --\(flag.rawValue) goes with: funnel lines add")
        }
        if verb != "list", arguments.flag(.json) { throw CommandFailure.usage("funnel lines \(verb): --json goes with: funnel lines list") }
        guard words.count >= 2 else { throw CommandFailure.usage("funnel lines \(verb): missing ID", hint: "usage: \(spec.usage)") }
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        switch verb {
        case "add": try add(words, arguments, funnel: funnel, actor: actor, session: session)
        case "list":
            guard words.count == 2 else { throw CommandFailure.usage("usage: funnel lines list ID [--json]") }
            let deal = try session.visibleDeal(words[1], actor: actor)
            LinesOutput.show(deal, pipeline: funnel.pipeline, json: arguments.flag(.json))
        default:
            guard words.count == 3 else { throw CommandFailure.usage("usage: funnel lines remove ID N") }
            guard let number = Int(words[2]), number >= 1 else {
                throw CommandFailure.usage("funnel lines remove: “\(words[2])” is not a line number (1 for the first; see funnel lines list ID)")
            }
            let id = try session.resolveDeal(words[1], actor: actor)
            let deal = try session.change(id, by: actor, funnel: funnel, .removeLine(number: number))
            Console.line("removed line \(number) from \(deal.id); \(deal.quoteLines.count) left")
        }
    }

    static func add(_ words: [String], _ arguments: Arguments<Option>, funnel: Funnel, actor: User, session: Session) throws {
        guard words.count <= 3 else { throw CommandFailure.usage("usage: funnel lines add ID CODE [--qty N] [--price AMOUNT] [--discount PCT]") }
        let quantity = try arguments[.qty].map { try SignedAmount.parse($0, flag: "qty") } ?? 1
        let price = try arguments[.price].map { try SignedAmount.parse($0, flag: "price") }
        let discount = try arguments[.discount].map { try SignedAmount.parse($0, flag: "discount") } ?? 0
        let deal = try session.visibleDeal(words[1], actor: actor)
        let line: QuoteLine
        if words.count == 3 {
            if arguments.has(.text) || arguments.flag(.vatExempt) {
                throw CommandFailure.usage(
                    "funnel lines add: a product line takes its text and VAT from the catalogue; --text and --vat-exempt are for a free line (no CODE)"
                )
            }
            let catalogue = try session.data { try session.store.loadProducts() }
            switch catalogue.line(words[2], quantity: quantity, price: price, discount: discount, currency: deal.currency) {
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
