import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// R19 on the board: `Q` in the detail pane asks the driver for the catalogue, a list of the
/// products on sale narrowed by what is typed, Enter adds a line through the domain (undoable),
/// the totals previewed, the first row issues through the driver; the detail pane lists quotes.
@Suite struct QuoteFromTheBoardTests {
    static let products = [
        Product(code: "CRM-Y", name: "CRM, yearly licence", price: 1200, currency: "ILS"),
        Product(code: "SETUP", name: "התקנה והדרכה", price: Decimal(string: "450.50")!, currency: "ILS", vatExempt: true),
        Product(code: "OLD", name: "Retired", price: 1, currency: "ILS", active: false),
    ]

    /// The detail pane of one deal of dana's, open.
    static func state(width: Int = 110, height: Int = 34) -> BoardState {
        let deal = BoardFixtures.deal("aaaa1111", "Acme CRM", company: "Acme", stage: "meeting", owner: "dana", next: 1)
        var state = BoardFixtures.state([deal], width: width, height: height)
        state.display = TextDisplay(mode: .terminal)
        state.recompute(keeping: "aaaa1111")
        _ = BoardFixtures.press([.enter], &state)
        return state
    }

    @Test func qAsksForTheCatalogueAndListsOnlyProductsOnSale() {
        var state = Self.state()
        #expect(state.keyContext == .detail)
        #expect(BoardFixtures.press([.char("Q")], &state) == [.loadProducts(dealID: "aaaa1111")])
        #expect(BoardUpdate.apply(.products(dealID: "aaaa1111", Self.products), &state).isEmpty)
        #expect(state.keyContext == .quote)
        let text = BoardRender.render(state).text
        #expect(text.contains("Quote for “Acme CRM”"), "\(text)")
        #expect(text.contains("⇒ Issue the quote as a PDF"))
        #expect(text.contains("▸ CRM-Y  CRM, yearly licence") && text.contains("₪1,200"), "\(text)")
        #expect(text.contains("SETUP  התקנה והדרכה") && !text.contains("Retired"))
        #expect(text.contains("lines: 0 · subtotal ₪0 · VAT ₪0 · total ₪0"), "\(text)")
    }

    @Test func typingFiltersEnterAddsALineAndTheTotalsFollow() throws {
        var state = Self.state()
        _ = BoardFixtures.press([.char("Q")], &state)
        _ = BoardUpdate.apply(.products(dealID: "aaaa1111", Self.products), &state)
        BoardFixtures.type("setup", &state)
        var text = BoardRender.render(state).text
        #expect(text.contains("▸ SETUP") && !text.contains("CRM-Y  CRM"), "\(text)")
        let effects = BoardFixtures.press([.enter], &state)
        guard case .save(let before, let after)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(before.quoteLines.isEmpty)
        #expect(
            after.quoteLines == [
                QuoteLine(
                    product: "SETUP", text: "התקנה והדרכה", quantity: 1,
                    unitPrice: Decimal(string: "450.50")!, vatExempt: true)
            ])
        #expect(state.status?.text == "added התקנה והדרכה to “Acme CRM”")
        // Ctrl-U clears the filter; ↓ to the licence, added twice: 1 × 450.50 exempt + 2 × 1,200 with 18 % VAT.
        _ = BoardFixtures.press([.ctrl("u")], &state)
        _ = BoardFixtures.press([.enter], &state)
        _ = BoardFixtures.press([.enter], &state)
        text = BoardRender.render(state).text
        #expect(text.contains("lines: 3 · subtotal ₪2,850.50 · VAT ₪432 · total ₪3,282.50"), "\(text)")
        #expect(text.contains("1 × CRM, yearly licence"))
        // Undo takes the last line away, as any change.
        _ = BoardFixtures.press([.escape], &state)
        _ = BoardFixtures.press([.char("u")], &state)
        #expect(state.deals["aaaa1111"]?.quoteLines.count == 2)
    }

    @Test func theFirstRowIssuesThroughTheDriverAndTheDetailPaneListsTheQuote() throws {
        var state = Self.state()
        _ = BoardFixtures.press([.char("Q")], &state)
        _ = BoardUpdate.apply(.products(dealID: "aaaa1111", Self.products), &state)
        // Nothing to issue yet: refused at once, no effect.
        _ = BoardFixtures.press([.up], &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        #expect(state.status?.isError == true && state.status?.text.contains("no quote lines") == true)
        _ = BoardFixtures.press([.down], &state)
        guard case .save(_, let after)? = BoardFixtures.press([.enter], &state).first else {
            Issue.record("no line added")
            return
        }
        _ = BoardUpdate.apply(.saved(after), &state)
        _ = BoardFixtures.press([.up], &state)
        #expect(BoardFixtures.press([.enter], &state) == [.issueQuote(dealID: "aaaa1111")])
        // The driver issued it: the deal as saved comes back with its quote.
        var issued = after
        let quote = IssuedQuote(
            deal: after, number: QuoteNumber(year: 2026, sequence: 7), pipeline: state.pipeline,
            language: .en, by: "dana", now: state.now, utcOffset: 0)
        issued = try state.funnel.apply(.issueQuote(quote), to: issued, by: state.actor, now: state.now).get()
        _ = BoardUpdate.apply(.quoteIssued(issued, number: "Q-2026-0007", pdf: "/data/quotes/Q-2026-0007.pdf"), &state)
        #expect(state.modal == nil && state.keyContext == .detail)
        #expect(state.status?.text == "issued Q-2026-0007: /data/quotes/Q-2026-0007.pdf")
        for _ in 0..<40 { _ = BoardFixtures.press([.pageDown], &state) }
        let text = BoardRender.render(state).text
        #expect(text.contains("Quotes") && text.contains("Q-2026-0007  2026-11-24  en  ₪1,416  quotes/deals/dana/Q-2026-0007.pdf"), "\(text)")
        _ = BoardUpdate.apply(.quoteFailed("the data is locked"), &state)
        #expect(state.status == StatusMessage(text: "quote not issued: the data is locked", isError: true))
    }

    @Test func theQuoteKeysAreInTheHelpAndTheFooter() {
        #expect(KeyTable.action(for: .char("Q"), in: .detail) == .quote)
        #expect(KeyTable.action(for: .char("x"), in: .quote) == .input("x"))
        #expect(KeyTable.action(for: .enter, in: .quote) == .submit)
        #expect(KeyTable.helpLines.contains { $0.contains("a quote: add lines from the catalogue") })
        for language in Language.allCases { #expect(!KeyContext.quote.title(in: language).hasPrefix("help")) }
    }
}
