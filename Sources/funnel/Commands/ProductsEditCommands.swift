import Foundation
import FunnelCore

/// `funnel products add CODE --name NAME --price AMOUNT [--currency CODE] [--vat-exempt]` (managers).
enum ProductsAddCommand: Command {
    static let spec = CommandSpec(
        name: "products add", summary: "Add a product to the catalogue (managers).",
        arguments: [ArgumentSpec(name: "CODE", required: true, help: "the product's code: a letter or digit, then letters, digits, . _ -")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case name, price, currency, vatExempt = "vat-exempt"

        var spec: OptionSpec {
            switch self {
            case .name: OptionSpec(value: "NAME", "the product's name, in any language (required)")
            case .price: OptionSpec(value: "AMOUNT", "unit price, at most two decimals (required)")
            case .currency: OptionSpec(value: "CODE", "ISO 4217 currency (default: the pipeline's)")
            case .vatExempt: OptionSpec("no VAT on this product")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try ProductsCommand.managerFunnel(session)
        guard let name = arguments[.name] else { throw CommandFailure.usage("funnel products add: --name NAME is required") }
        guard let priceText = arguments[.price] else { throw CommandFailure.usage("funnel products add: --price AMOUNT is required") }
        let price = try SignedAmount.parse(priceText, flag: "price")
        let currency = try arguments[.currency].map(CurrencyArgument.parse) ?? funnel.pipeline.defaultCurrency
        let product = Product(
            code: arguments.positionals[0], name: name.trimmingCharacters(in: .whitespacesAndNewlines), price: price,
            currency: currency, vatExempt: arguments.flag(.vatExempt))
        try ProductsCommand.save(session) { $0.adding(product) }
        Console.line("added product \(product.code)")
    }
}

/// `funnel products edit CODE [--name …] [--price …] [--currency …] [--vat-exempt|--no-vat-exempt] [--active]` (managers).
enum ProductsEditCommand: Command {
    static let spec = CommandSpec(
        name: "products edit", summary: "Change a product (managers).",
        arguments: [ArgumentSpec(name: "CODE", required: true, help: "the product's code, in any case")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case name, price, currency, vatExempt = "vat-exempt", noVatExempt = "no-vat-exempt", active

        var spec: OptionSpec {
            switch self {
            case .name: OptionSpec(value: "NAME", "the product's name, in any language")
            case .price: OptionSpec(value: "AMOUNT", "unit price, at most two decimals")
            case .currency: OptionSpec(value: "CODE", "ISO 4217 currency")
            case .vatExempt: OptionSpec("no VAT on this product")
            case .noVatExempt: OptionSpec("VAT applies again")
            case .active: OptionSpec("put an archived product back on sale")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let code = arguments.positionals[0]
        _ = try ProductsCommand.managerFunnel(session)
        let edit = try productEdit(arguments)
        guard !edit.isEmpty else {
            throw CommandFailure.usage(
                "funnel products edit: nothing to change; give --name, --price, --currency, --vat-exempt, --no-vat-exempt or --active")
        }
        let saved = try ProductsCommand.save(session) { $0.editing(code, edit) }
        Console.line("changed product \(saved.product(code)?.code ?? code)")
    }

    static func productEdit(_ arguments: Arguments<Option>) throws -> ProductEdit {
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
}

/// `funnel products archive CODE` (managers): off sale, still listed.
enum ProductsArchiveCommand: Command {
    static let spec = CommandSpec(
        name: "products archive", summary: "Take a product off sale; it stays listed (managers).",
        arguments: [ArgumentSpec(name: "CODE", required: true, help: "the product's code, in any case")])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let code = arguments.positionals[0]
        _ = try ProductsCommand.managerFunnel(session)
        let saved = try ProductsCommand.save(session) { $0.editing(code, ProductEdit(active: false)) }
        Console.line("archived product \(saved.product(code)?.code ?? code)")
    }
}
