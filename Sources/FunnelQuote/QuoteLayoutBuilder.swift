import Foundation
import FunnelCore
import FunnelPDF

/// Lays out an issued quote for the typesetter: its template's sections filled in, the table
/// of lines and the sums, every word in the template's language (R19). Pure: the same quote,
/// deal and template give the same layout.
public enum QuoteLayoutBuilder {
    /// The layout of `quote` (issued on `deal` by `rep`) with `template`. A relative logo path
    /// is taken under `dataDirectory`.
    public static func layout(
        _ quote: IssuedQuote, deal: Deal, template: QuoteTemplate, rep: User?,
        dataDirectory: String
    ) -> QuoteLayout {
        let language = quote.language
        let values = placeholderValues(quote, deal: deal, rep: rep)
        func filled(_ section: QuoteTemplate.Section) -> String { QuoteTemplate.fill(template.text(section), values: values) }
        return QuoteLayout(
            rightToLeft: language.isRightToLeft, language: language.rawValue,
            title: language.text(.quoteTitle, ["number": quote.number]),
            seller: lines(filled(.company)), logoPath: logoPath(template, dataDirectory: dataDirectory),
            facts: facts(quote, values: values),
            intro: paragraphs(filled(.greeting)), columns: columns(quote), rows: rows(quote),
            totals: totals(quote), closing: payment(quote) + paragraphs(filled(.terms)) + paragraphs(filled(.signature)),
            pageFooter: language.text(.quoteFooter, ["number": quote.number]))
    }

    /// What each `{placeholder}` of a template stands for in this quote.
    public static func placeholderValues(_ quote: IssuedQuote, deal: Deal, rep: User?) -> [String: String] {
        let language = quote.language
        let dates = DateStyle.of(language)
        let customer = deal.company.isEmpty ? (deal.contact.isEmpty ? deal.title : deal.contact) : deal.company
        let values: [String: String] = [
            "number": quote.number, "date": dates.full(quote.date), "valid_until": dates.full(quote.validUntil),
            "title": deal.title, "customer": customer, "company": deal.company,
            "contact": deal.contact.isEmpty ? customer : deal.contact,
            "rep": rep?.name ?? quote.by, "rep_email": rep?.email ?? "",
            "subtotal": money(quote.subtotal, quote), "vat": money(quote.vat, quote), "total": money(quote.total, quote),
            "currency": quote.currency, "installments": String(quote.installments),
            "installment": money(quote.installment, quote),
            "payment_method": quote.paymentMethod?.label(in: language) ?? "",
        ]
        return values.mapValues(QuoteText.oneLine)
    }

    static func money(_ amount: Decimal, _ quote: IssuedQuote) -> String { QuoteText.money(amount, currency: quote.currency) }

    static func facts(_ quote: IssuedQuote, values: [String: String]) -> [LabeledValue] {
        let language = quote.language
        var facts = [
            LabeledValue(label: language.text(.quoteNumber), value: quote.number),
            LabeledValue(label: language.text(.quoteDate), value: values["date"] ?? ""),
            LabeledValue(label: language.text(.quoteValidUntil), value: values["valid_until"] ?? ""),
            LabeledValue(label: language.text(.quoteCustomer), value: values["customer"] ?? ""),
        ]
        if let contact = values["contact"], contact != values["customer"] {
            facts.append(LabeledValue(label: language.text(.quoteContact), value: contact))
        }
        return facts
    }

    /// Item, quantity, unit price, discount (only when a line has one), total.
    static func columns(_ quote: IssuedQuote) -> [QuoteColumn] {
        let language = quote.language
        var columns = [
            QuoteColumn(heading: language.text(.quoteColumnItem), weight: 4, numeric: false),
            QuoteColumn(heading: language.text(.quoteColumnQuantity), weight: 1, numeric: true),
            QuoteColumn(heading: language.text(.quoteColumnUnitPrice), weight: 1.7, numeric: true),
        ]
        if hasDiscount(quote) { columns.append(QuoteColumn(heading: language.text(.quoteColumnDiscount), weight: 1.1, numeric: true)) }
        columns.append(QuoteColumn(heading: language.text(.quoteColumnTotal), weight: 1.8, numeric: true))
        return columns
    }

    static func hasDiscount(_ quote: IssuedQuote) -> Bool { quote.lines.contains { $0.discount != 0 } }

    static func rows(_ quote: IssuedQuote) -> [[String]] {
        let discount = hasDiscount(quote)
        return quote.lines.map { line in
            var text = QuoteText.oneLine(line.text)
            if line.vatExempt { text += " " + quote.language.text(.quoteVatExempt) }
            var row = [text, QuoteText.number(line.quantity), money(line.unitPrice, quote)]
            if discount { row.append(line.discount == 0 ? "" : QuoteText.number(line.discount) + "%") }
            row.append(money(line.total, quote))
            return row
        }
    }

    static func totals(_ quote: IssuedQuote) -> [LabeledValue] {
        let language = quote.language
        return [
            LabeledValue(label: language.text(.quoteSubtotal), value: money(quote.subtotal, quote)),
            LabeledValue(label: language.text(.quoteVat, ["percent": QuoteText.number(quote.vatPercent)]), value: money(quote.vat, quote)),
            LabeledValue(label: language.text(.quoteTotal), value: money(quote.total, quote)),
        ]
    }

    /// The installments (R20) and the payment method.
    static func payment(_ quote: IssuedQuote) -> [String] {
        let language = quote.language
        let amount = money(quote.installment, quote)
        var lines = [
            quote.installments > 1 && quote.installment != quote.lastInstallment
                ? language.text(
                    .quoteInstallmentsUneven,
                    [
                        "count": String(quote.installments), "amount": amount,
                        "last": money(quote.lastInstallment, quote),
                    ])
                : language.text(.quoteInstallments, ["amount": amount], count: quote.installments)
        ]
        if let method = quote.paymentMethod { lines.append(language.text(.quotePaymentMethod, ["method": method.label(in: language)])) }
        return lines
    }

    /// The logo's path: the `[logo]` section's first line, under `dataDirectory` when relative.
    static func logoPath(_ template: QuoteTemplate, dataDirectory: String) -> String? {
        guard let first = template.text(.logo).split(separator: "\n").first?.trimmingCharacters(in: .whitespaces),
            !first.isEmpty
        else { return nil }
        return first.hasPrefix("/") ? first : dataDirectory + "/" + first
    }

    /// Lines of a section, without blank ones.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Paragraphs of a section: blank lines separate them; lines within one keep their breaks.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
