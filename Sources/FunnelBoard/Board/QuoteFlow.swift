import Foundation
import FunnelCore

/// The quote being prepared from the board (`Q` in the detail pane, R19): the catalogue's
/// products on sale, narrowed by the typed filter, under a first row that issues the quote.
public struct QuoteBuilder: Hashable, Sendable {
    public var dealID: String
    public var products: [Product]
    public var filter = LineEditor()
    /// 0: the issue row; 1…: the shown products.
    public var selected = 0

    public init(dealID: String, products: [Product]) {
        self.dealID = dealID
        self.products = products
    }

    /// The products on sale whose code or name contains the filter (any case), in catalogue order.
    public var shown: [Product] {
        let wanted = filter.text.trimmingCharacters(in: .whitespaces).lowercased()
        return products.filter { $0.active && (wanted.isEmpty || $0.code.lowercased().contains(wanted) || $0.name.lowercased().contains(wanted)) }
    }
}

/// Pure steps of the board's quote: asks the driver for the catalogue and to issue, adds lines
/// through `Funnel.apply` (undoable like any change), and reports what the driver did.
enum QuoteFlow {
    /// `Q`: asks for the catalogue.
    static func start(_ deal: Deal, _ state: inout BoardState) -> [Effect] {
        [.loadProducts(dealID: deal.id)]
    }

    /// The catalogue read: the builder opens on the first product (or the issue row when none).
    static func products(_ dealID: String, _ products: [Product], _ state: inout BoardState) -> [Effect] {
        guard state.deals[dealID] != nil else { return [] }
        var builder = QuoteBuilder(dealID: dealID, products: products)
        builder.selected = builder.shown.isEmpty ? 0 : 1
        state.open(.quote(builder))
        return []
    }

    /// Keys in the builder: typing filters, ↑↓ choose, Enter adds the product or issues, Esc closes.
    static func apply(_ action: Action, _ builder: QuoteBuilder, _ state: inout BoardState) -> [Effect] {
        var builder = builder
        switch action {
        case .cancel:
            state.closeModal()
            return []
        case .up: builder.selected = max(0, builder.selected - 1)
        case .down: builder.selected = min(builder.shown.count, builder.selected + 1)
        case .input(let c):
            builder.filter.insert(String(c))
            builder.selected = builder.shown.isEmpty ? 0 : 1
        case .paste(let text):
            builder.filter.insert(text)
            builder.selected = builder.shown.isEmpty ? 0 : 1
        case .edit(let edit):
            builder.filter.apply(edit)
            builder.selected = builder.shown.isEmpty ? 0 : 1
        case .submit:
            state.open(.quote(builder))
            return builder.selected == 0 ? issue(builder, &state) : add(builder, &state)
        default: break
        }
        state.open(.quote(builder))
        return []
    }

    /// Adds one of the chosen product as a line, through the domain; a refusal is shown.
    static func add(_ builder: QuoteBuilder, _ state: inout BoardState) -> [Effect] {
        let shown = builder.shown
        guard let deal = state.deals[builder.dealID], shown.indices.contains(builder.selected - 1) else { return [] }
        let catalogue = ProductCatalogue(products: builder.products)
        switch catalogue.line(shown[builder.selected - 1].code, quantity: 1, price: nil, discount: 0, currency: deal.currency) {
        case .failure(let refusal):
            state.status = StatusMessage(
                text: state.text(.statusNotChanged, ["why": refusal.message.text(in: state.language)]),
                isError: true)
            return []
        case .success(let line):
            let effects = DetailUpdate.change(deal.id, .addLine(line), &state)
            if !(state.status?.isError ?? false) {
                state.status = StatusMessage(text: state.text(.statusLineAdded, ["text": line.text, "title": deal.title]), isError: false)
            }
            return effects
        }
    }

    /// The issue row: refused at once without lines, else the driver issues it.
    static func issue(_ builder: QuoteBuilder, _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[builder.dealID] else { return [] }
        guard !deal.quoteLines.isEmpty else {
            state.status = StatusMessage(
                text: state.text(.statusQuoteNotIssued, ["why": Message.quoteNoLines.text(in: state.language)]),
                isError: true)
            return []
        }
        state.status = StatusMessage(text: state.text(.statusQuoteIssuing, ["title": deal.title]), isError: false)
        return [.issueQuote(dealID: deal.id)]
    }

    /// The driver issued it: the deal as saved, the builder closed, the number and PDF shown.
    static func issued(_ deal: Deal, number: String, pdf: String, _ state: inout BoardState) -> [Effect] {
        state.replace(deal)
        state.closeModal()
        state.status = StatusMessage(text: state.text(.statusQuoteIssued, ["number": number, "pdf": pdf]), isError: false)
        return []
    }

    static func failed(_ reason: String, _ state: inout BoardState) -> [Effect] {
        state.status = StatusMessage(text: state.text(.statusQuoteNotIssued, ["why": reason]), isError: true)
        return []
    }

    /// The preview line: lines, subtotal, VAT, total of the deal's quote as it stands.
    static func preview(_ deal: Deal, state: BoardState) -> String {
        let installments = deal.paymentTerms?.installments ?? PaymentTerms.defaultInstallments
        let totals = QuoteTotals(lines: deal.quoteLines, vatPercent: state.pipeline.quotes.vatPercent, installments: installments)
        let money = { (amount: Decimal) in Money.display(amount, currency: deal.currency) }
        return state.text(
            .quotePreview,
            [
                "lines": "\(deal.quoteLines.count)", "subtotal": money(totals.subtotal),
                "vat": money(totals.vat), "total": money(totals.total),
            ])
    }
}
