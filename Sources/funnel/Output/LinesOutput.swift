import Foundation
import FunnelCore
import FunnelQuote

/// `funnel lines list`: a deal's quote lines and their sums, as a table or JSON.
enum LinesOutput {
    static func show(_ deal: Deal, pipeline: Pipeline, json: Bool) {
        let installments = deal.paymentTerms?.installments ?? PaymentTerms.defaultInstallments
        let totals = QuoteTotals(lines: deal.quoteLines, vatPercent: pipeline.quotes.vatPercent, installments: installments)
        if json { return Console.block(object(deal, totals: totals, vatPercent: pipeline.quotes.vatPercent).render()) }
        guard !deal.quoteLines.isEmpty else {
            return Console.line("\(deal.id) has no quote lines; add one with: funnel lines add \(deal.id) CODE")
        }
        let money = { (amount: Decimal) in QuoteText.money(amount, currency: deal.currency) }
        let rows = deal.quoteLines.enumerated().map { index, line in
            [
                String(index + 1), line.product ?? "—", line.text + (line.vatExempt ? " (VAT exempt)" : ""), QuoteText.number(line.quantity),
                money(line.unitPrice), line.discount == 0 ? "" : QuoteText.number(line.discount) + "%", money(line.total),
            ]
        }
        Console.block(
            TextTable.render(
                header: ["#", "CODE", "ITEM", "QTY", "UNIT PRICE", "DISC", "TOTAL"], rows: rows,
                maxWidths: [4, 24, 50, 12, 24, 7, 26]))
        var summary = [
            "subtotal  \(money(totals.subtotal))",
            "VAT \(QuoteText.number(pipeline.quotes.vatPercent))%  \(money(totals.vat))",
            "total  \(money(totals.total))",
        ]
        summary.append(
            totals.evenInstallments
                ? "\(totals.installments) × \(money(totals.installment))"
                : "\(totals.installments) installments: \(totals.installments - 1) × \(money(totals.installment)), last \(money(totals.lastInstallment))"
        )
        Console.lines(summary.joined(separator: "\n"))
    }

    static func object(_ deal: Deal, totals: QuoteTotals, vatPercent: Decimal) -> JSONOut {
        let lines = deal.quoteLines.enumerated().map { index, line -> JSONOut in
            .object([
                ("number", .number(index + 1)), ("product", .optional(line.product)), ("text", .string(line.text)),
                ("quantity", .string(Money.plain(line.quantity))), ("unit_price", .string(Money.plain(line.unitPrice))),
                ("discount", .string(Money.plain(line.discount))), ("vat_exempt", .bool(line.vatExempt)),
                ("total", .string(Money.plain(line.total))),
            ])
        }
        return .object([
            ("id", .string(deal.id)), ("currency", .string(deal.currency)), ("lines", .array(lines)),
            ("subtotal", .string(Money.plain(totals.subtotal))), ("vat_percent", .string(Money.plain(vatPercent))),
            ("vat", .string(Money.plain(totals.vat))), ("total", .string(Money.plain(totals.total))),
            ("installments", .number(totals.installments)), ("installment", .string(Money.plain(totals.installment))),
            ("last_installment", .string(Money.plain(totals.lastInstallment))),
        ])
    }
}
