import Foundation
import FunnelCore

/// `funnel products`: the product catalogue quotes are made from (R19). Everyone reads it
/// (`list`); managers `add`, `edit` and `archive`.
enum ProductsCommand: Command {
    static let actions = ["add", "edit", "list", "archive"]

    static let spec = CommandSpec(
        name: "products", summary: "The product catalogue for quotes: list it, or add, edit and archive products (managers).",
        arguments: [
            ArgumentSpec(
                name: "add CODE | edit CODE | list | archive CODE", required: false,
                help: "what to do; without one, list")
        ],
        options: Option.specs,
        details: """
            examples:
              funnel products add CRM-Y --name "CRM, yearly licence" --price 1200
              funnel products add SETUP --name "התקנה והדרכה" --price 450 --vat-exempt
              funnel products edit CRM-Y --price 1100
              funnel products archive SETUP
            Codes: a letter or digit, then letters, digits, . _ - (matched in any case). Archived
            products stay listed (active false) and take no new quote lines. See docs/quotes.md.
            """,
        acceptsRest: true)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case name
        case price
        case currency
        case vatExempt = "vat-exempt"
        case noVatExempt = "no-vat-exempt"
        case active
        case json

        var spec: OptionSpec {
            switch self {
            case .name: OptionSpec(value: "NAME", "the product's name, in any language (add, edit)")
            case .price: OptionSpec(value: "AMOUNT", "unit price, at most two decimals (add, edit)")
            case .currency: OptionSpec(value: "CODE", "ISO 4217 currency (add: the pipeline's default; edit)")
            case .vatExempt: OptionSpec("no VAT on this product (add, edit)")
            case .noVatExempt: OptionSpec("VAT applies again (edit)")
            case .active: OptionSpec("put an archived product back on sale (edit)")
            case .json: OptionSpec("print a JSON array (list)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let words = arguments.positionals + arguments.rest
        let verb = words.first ?? "list"
        guard actions.contains(verb) else {
            var message = "funnel products: unknown action “\(verb)”; use: \(actions.joined(separator: ", "))"
            if let guess = Suggest.closest(verb, among: actions) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        let editFlags: [Option] = [.name, .price, .currency, .vatExempt, .noVatExempt, .active]
        let allowed: [String: [Option]] = [
            "add": [.name, .price, .currency, .vatExempt], "edit": editFlags,
            "list": [.json], "archive": [],
        ]
        for flag in editFlags + [.json] where arguments.has(flag) && !(allowed[verb] ?? []).contains(flag) {
            throw CommandFailure.usage("funnel products \(verb): --\(flag.rawValue) does not go with \(verb)", hint: "see: funnel products --help")
        }
        if verb == "list" {
            guard words.count <= 1 else { throw CommandFailure.usage("usage: funnel products list [--json]") }
            return try list(json: arguments.flag(.json), session: session)
        }
        guard words.count == 2 else { throw CommandFailure.usage("usage: funnel products \(verb) CODE", hint: "see: funnel products --help") }
        let code = words[1]
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersChangeProducts.localized) }
        switch verb {
        case "add":
            let product = try newProduct(code, arguments, session: session, currency: funnel.pipeline.defaultCurrency)
            try save(session) { $0.adding(product) }
            Console.line("added product \(product.code)")
        case "edit":
            let edit = try productEdit(arguments, session: session)
            guard !edit.isEmpty else {
                throw CommandFailure.usage(
                    "funnel products edit: nothing to change; give --name, --price, --currency, --vat-exempt, --no-vat-exempt or --active")
            }
            let saved = try save(session) { $0.editing(code, edit) }
            Console.line("changed product \(saved.product(code)?.code ?? code)")
        default:
            let saved = try save(session) { $0.editing(code, ProductEdit(active: false)) }
            Console.line("archived product \(saved.product(code)?.code ?? code)")
        }
    }

    static func newProduct(_ code: String, _ arguments: Arguments<Option>, session: Session, currency: String) throws -> Product {
        guard let name = arguments[.name] else { throw CommandFailure.usage("funnel products add: --name NAME is required") }
        guard let priceText = arguments[.price] else { throw CommandFailure.usage("funnel products add: --price AMOUNT is required") }
        let price = try SignedAmount.parse(priceText, flag: "price")
        let currency = try arguments[.currency].map(CurrencyArgument.parse) ?? currency
        return Product(
            code: code, name: name.trimmingCharacters(in: .whitespacesAndNewlines), price: price, currency: currency,
            vatExempt: arguments.flag(.vatExempt))
    }

    static func productEdit(_ arguments: Arguments<Option>, session: Session) throws -> ProductEdit {
        if arguments.flag(.vatExempt) && arguments.flag(.noVatExempt) {
            throw CommandFailure.usage("funnel products edit: --vat-exempt and --no-vat-exempt contradict each other")
        }
        var edit = ProductEdit()
        edit.name = arguments[.name]
        edit.price = try arguments[.price].map { try SignedAmount.parse($0, flag: "price") }
        edit.currency = try arguments[.currency].map(CurrencyArgument.parse)
        if arguments.flag(.vatExempt) { edit.vatExempt = true }
        if arguments.flag(.noVatExempt) { edit.vatExempt = false }
        if arguments.flag(.active) { edit.active = true }
        return edit
    }

    /// Changes the catalogue under the lock; a refusal is exit 3 and writes nothing.
    @discardableResult
    static func save(_ session: Session, _ change: (ProductCatalogue) -> Result<ProductCatalogue, Refusal>) throws -> ProductCatalogue {
        switch try session.data({ try session.store.updateProducts(change) }) {
        case .success(let catalogue): return catalogue
        case .failure(let refusal): throw CommandFailure.refused(refusal.message.localized)
        }
    }

    static func list(json: Bool, session: Session) throws {
        // Prices are the team's: only its members read them.
        _ = try session.actor(in: try session.funnel())
        let catalogue = try session.data { try session.store.loadProducts() }
        if json {
            Console.block(
                JSONOut.array(
                    catalogue.products.map {
                        .object([
                            ("code", .string($0.code)), ("name", .string($0.name)), ("price", .string(Money.plain($0.price))),
                            ("currency", .string($0.currency)), ("vat_exempt", .bool($0.vatExempt)), ("active", .bool($0.active)),
                        ])
                    }
                ).render())
            return
        }
        guard !catalogue.products.isEmpty else {
            return Console.line("no products yet; a manager adds one with: funnel products add CODE --name NAME --price AMOUNT")
        }
        let rows = catalogue.products.map {
            [$0.code, $0.name, Money.plain($0.price), $0.currency, $0.vatExempt ? "exempt" : "", $0.active ? "" : "archived"]
        }
        Console.block(
            TextTable.render(
                header: ["CODE", "NAME", "PRICE", "CURRENCY", "VAT", "STATUS"], rows: rows,
                maxWidths: [24, 50, 22, 8, 6, 8]))
    }
}

/// An amount or percentage as typed, sign allowed, at most two decimals: a negative one is
/// handed to the domain, which refuses it with its reason (exit 3); anything else that is not
/// a number is a usage error (exit 2).
enum SignedAmount {
    static func parse(_ text: String, flag: String) throws -> Decimal {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let negative = trimmed.hasPrefix("-")
        guard let amount = Money.parseAmount(negative ? String(trimmed.dropFirst()) : trimmed) else {
            throw CommandFailure.usage("--\(flag) “\(text)” is not a number (digits, at most two decimals, e.g. 1250 or 99.90)")
        }
        return negative ? -amount : amount
    }
}
