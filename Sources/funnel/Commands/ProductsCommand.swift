import Foundation
import FunnelCore

/// `funnel products`: the product catalogue quotes are made from (R19). Everyone reads it
/// (`list`); managers `add`, `edit` and `archive`.
enum ProductsCommand: Command {
    static let spec = CommandSpec(
        name: "products", summary: "The product catalogue for quotes: list it, or add, edit and archive products (managers).",
        details: """
            examples:
              funnel products add CRM-Y --name "CRM, yearly licence" --price 1200
              funnel products add SETUP --name "התקנה והדרכה" --price 450 --vat-exempt
              funnel products edit CRM-Y --price 1100
              funnel products archive SETUP
            Codes: a letter or digit, then letters, digits, . _ - (matched in any case). Archived
            products stay listed (active false) and take no new quote lines. See docs/quotes.md.
            """,
        subcommands: [ProductsListCommand.self, ProductsAddCommand.self, ProductsEditCommand.self, ProductsArchiveCommand.self],
        defaultSubcommand: "list")

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        try list(json: false, session: session)
    }

    /// The funnel, when the acting user is a manager (only managers change the catalogue).
    static func managerFunnel(_ session: Session) throws -> Funnel {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        guard actor.role == .manager else { throw CommandFailure.refused(Message.onlyManagersChangeProducts.localized) }
        return funnel
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

/// `funnel products list [--json]`: the catalogue, archived products too.
enum ProductsListCommand: Command {
    static let spec = CommandSpec(name: "products list", summary: "List the product catalogue.", options: Option.specs)

    typealias Option = JSONArrayOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try ProductsCommand.list(json: arguments.flag(.json), session: session)
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
