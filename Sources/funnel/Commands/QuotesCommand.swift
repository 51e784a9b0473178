import Foundation
import FunnelCore
import FunnelQuote

/// `funnel quotes ID`: the quotes issued on a deal (R19), oldest first.
enum QuotesCommand: Command {
    static let spec = CommandSpec(
        name: "quotes", summary: "List the quotes issued on a deal.",
        arguments: [.dealID],
        options: Option.specs)

    typealias Option = JSONArrayOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let deal = try session.visibleDealWithFunnel(arguments.positionals[0]).deal
        if arguments.flag(.json) {
            Console.block(
                JSONOut.array(
                    deal.quotes.map { quote in
                        .object([
                            ("number", .string(quote.number)), ("date", .string(quote.date.iso)),
                            ("valid_until", .string(quote.validUntil.iso)), ("language", .string(quote.language.rawValue)),
                            ("currency", .string(quote.currency)), ("lines", .number(quote.lines.count)),
                            ("subtotal", .string(Money.plain(quote.subtotal))), ("vat", .string(Money.plain(quote.vat))),
                            ("total", .string(Money.plain(quote.total))), ("installments", .number(quote.installments)),
                            ("installment", .string(Money.plain(quote.installment))), ("by", .string(quote.by)),
                            ("pdf", .string(session.store.quotePDFPath(quote, of: deal) ?? "")),
                        ])
                    }
                ).render())
            return
        }
        guard !deal.quotes.isEmpty else { return Console.line("\(deal.id) has no quotes yet; issue one with: funnel quote \(deal.id)") }
        let rows = deal.quotes.map { quote in
            [
                quote.number, quote.date.iso, quote.validUntil.iso, quote.language.rawValue,
                QuoteText.money(quote.total, currency: quote.currency), session.store.quotePDFPath(quote, of: deal) ?? "?",
            ]
        }
        Console.block(
            TextTable.render(
                header: ["NUMBER", "DATE", "VALID UNTIL", "LANG", "TOTAL", "PDF"], rows: rows,
                maxWidths: [14, 10, 11, 4, 26, 200]))
    }
}
