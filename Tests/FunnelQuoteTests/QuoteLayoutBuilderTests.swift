import Foundation
import FunnelCore
import FunnelPDF
import FunnelTestSupport
import Testing

@testable import FunnelQuote

/// The mapping from an issued quote and its template to the layout FunnelPDF typesets.
@Suite("Quote layout from an issued quote and its template")
struct QuoteLayoutBuilderTests {
    static let now = FixedClock.now
    static let rep = User(account: "rita", name: "Rita Rep", role: .rep, email: "rita@example.com")

    static func deal(contact: String = "Dana Levi") -> Deal {
        var deal = Deal(
            id: "abcd2345", title: "CRM for Acme", company: "Acme Ltd", contact: contact, currency: "ILS",
            owner: "rita", stage: "meeting", created: now)
        deal.quoteLines = [
            QuoteLine(product: "CRM-Y", text: "CRM, yearly licence", quantity: 3, unitPrice: 1200, discount: 10),
            QuoteLine(product: "SETUP", text: "התקנה\nוהדרכה", quantity: Decimal(string: "1.5")!, unitPrice: 300, vatExempt: true),
        ]
        deal.paymentTerms = PaymentTerms(installments: 10, method: .bankTransfer)
        return deal
    }

    static func quote(_ deal: Deal, language: Language) -> IssuedQuote {
        IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: 42), pipeline: PipelineTemplate.simple.pipeline,
            language: language, by: "rita", now: now, utcOffset: 0)
    }

    static func layout(_ language: Language, deal: Deal = deal(), template: QuoteTemplate? = nil) -> QuoteLayout {
        QuoteLayoutBuilder.layout(
            quote(deal, language: language), deal: deal,
            template: template ?? DefaultQuoteTemplates.template(language), rep: rep, dataDirectory: "/data")
    }

    @Test func anEnglishQuoteHasItsFactsRowsAndSums() {
        let layout = Self.layout(.en)
        #expect(!layout.rightToLeft && layout.language == "en")
        #expect(layout.title == "Quote Q-2026-0042")
        #expect(layout.facts.map(\.value) == ["Q-2026-0042", "2026-11-24", "2026-12-24", "Acme Ltd", "Dana Levi"])
        #expect(layout.columns.map(\.heading) == ["Item", "Qty", "Unit price", "Discount", "Total"])
        #expect(layout.columns.map(\.numeric) == [false, true, true, true, true])
        #expect(
            layout.rows == [
                ["CRM, yearly licence", "3", "₪1,200.00", "10%", "₪3,240.00"],
                ["התקנה והדרכה (VAT exempt)", "1.5", "₪300.00", "", "₪450.00"],
            ])
        // VAT 18 % of 3,240.00 only; 3,690.00 + 583.20.
        #expect(
            layout.totals == [
                LabeledValue(label: "Subtotal", value: "₪3,690.00"), LabeledValue(label: "VAT 18%", value: "₪583.20"),
                LabeledValue(label: "Total", value: "₪4,273.20"),
            ])
        #expect(layout.closing.prefix(2) == ["Payment: 10 installments of ₪427.32", "Payment method: Bank transfer"])
        #expect(layout.intro.first == "Dear Dana Levi,")
        #expect(layout.closing.last == "Best regards,\nRita Rep\nrita@example.com")
        #expect(layout.pageFooter == "Q-2026-0042 · Page {page} of {pages}")
        #expect(layout.logoPath == nil)
    }

    @Test func hebrewAndArabicQuotesAreRightToLeftInTheirWords() {
        let hebrew = Self.layout(.he)
        #expect(hebrew.rightToLeft && hebrew.language == "he")
        #expect(hebrew.title == "הצעת מחיר Q-2026-0042")
        #expect(hebrew.facts[1].value == "24.11.2026" && hebrew.facts[2].value == "24.12.2026")
        #expect(hebrew.totals.map(\.label) == ["סכום ביניים", "מע\"מ 18%", "סה\"כ לתשלום"])
        #expect(hebrew.closing.first == "תשלום: 10 תשלומים של ₪427.32")
        let arabic = Self.layout(.ar)
        #expect(arabic.rightToLeft && arabic.title == "عرض سعر Q-2026-0042")
        #expect(arabic.facts[1].value == "24/11/2026")
        #expect(arabic.columns.first?.heading == "البند")
        #expect(arabic.closing.first == "الدفع: 10 دفعات بقيمة ₪427.32")
    }

    @Test func unevenInstallmentsNameTheLastOne() {
        var deal = Self.deal()
        deal.paymentTerms = PaymentTerms(installments: 12, method: .cheques)
        // 4,273.20 / 12 = 356.10 exactly; make it uneven with one more cent of price.
        deal.quoteLines[1].unitPrice = Decimal(string: "300.01")!
        let layout = Self.layout(.en, deal: deal)
        let quote = Self.quote(deal, language: .en)
        #expect(quote.installment * 11 + quote.lastInstallment == quote.total)
        #expect(
            layout.closing.first
                == "Payment: 12 installments of \(QuoteText.money(quote.installment, currency: "ILS")), the last one \(QuoteText.money(quote.lastInstallment, currency: "ILS"))"
        )
    }

    @Test func noDiscountColumnWithoutADiscountAndTheCustomerStandsInForAMissingContact() {
        var deal = Self.deal(contact: "")
        deal.quoteLines[0].discount = 0
        let layout = Self.layout(.en, deal: deal)
        #expect(layout.columns.map(\.heading) == ["Item", "Qty", "Unit price", "Total"])
        #expect(layout.rows.allSatisfy { $0.count == 4 })
        #expect(layout.facts.count == 4, "no contact line when there is no contact")
        #expect(layout.intro.first == "Dear Acme Ltd,")
    }

    @Test func theTemplatesSectionsArePlacedAndFilled() throws {
        let text = """
            [company]
            Acme Sales Ltd
            Tax id 123 · {rep_email}
            [logo]
            logo.png
            [greeting]
            Hello {contact} of {company}, quote {number} for {title}, valid until {valid_until}.

            Second paragraph: {total} in {installments} × {installment} by {payment_method}.
            [terms]
            Subtotal {subtotal}, VAT {vat}, dated {date}, for {customer}, in {currency}.
            [signature]
            {rep}
            """
        let template = try QuoteTemplate.parse(language: .en, text: text).get()
        let layout = Self.layout(.en, template: template)
        #expect(layout.seller == ["Acme Sales Ltd", "Tax id 123 · rita@example.com"])
        #expect(layout.logoPath == "/data/logo.png")
        #expect(
            layout.intro == [
                "Hello Dana Levi of Acme Ltd, quote Q-2026-0042 for CRM for Acme, valid until 2026-12-24.",
                "Second paragraph: ₪4,273.20 in 10 × ₪427.32 by Bank transfer.",
            ])
        #expect(layout.closing.contains("Subtotal ₪3,690.00, VAT ₪583.20, dated 2026-11-24, for Acme Ltd, in ILS."))
        #expect(layout.closing.last == "Rita Rep")
        let absolute = try QuoteTemplate.parse(language: .en, text: "[logo]\n/srv/logo.png\n").get()
        #expect(Self.layout(.en, template: absolute).logoPath == "/srv/logo.png")
    }

    @Test func aDealsControlCharactersNeverReachTheLayout() {
        var deal = Self.deal(contact: "Dana\u{1B}[31m\nLevi")
        deal.title = "CRM\u{7}"
        let layout = Self.layout(.en, deal: deal)
        let all = ([layout.title] + layout.facts.map(\.value) + layout.intro + layout.rows.flatMap { $0 }).joined()
        #expect(!all.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
