import Foundation
import Testing

@testable import FunnelCore

/// R19: the product catalogue, quote lines and their sums, issuing, and the stage requirement.
@Suite("R19 quotes: catalogue, lines, totals, issuing")
struct QuoteTests {
    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    static let licence = Product(code: "CRM-Y", name: "CRM, yearly licence", price: d("1200"), currency: "ILS")
    static let setup = Product(code: "SETUP", name: "התקנה והדרכה", price: d("450.50"), currency: "ILS", vatExempt: true)
    static let dollars = Product(code: "US-1", name: "Support", price: d("99.90"), currency: "USD")

    static func catalogue() throws -> ProductCatalogue {
        try ProductCatalogue().adding(licence).flatMap { $0.adding(setup) }.flatMap { $0.adding(dollars) }.get()
    }

    @Test func aLineTotalIsRoundedHalfUpOnce() {
        // 3 × 0.35 × 95 % = 0.9975 → 1.00 (half-up on the exact product, never per step).
        #expect(QuoteLine(product: nil, text: "x", quantity: 3, unitPrice: Self.d("0.35"), discount: 5).total == Self.d("1.00"))
        // 0.125 → 0.13 (half-up: accountants; bankers' rounding would give 0.12).
        #expect(QuoteLine(product: nil, text: "x", quantity: 1, unitPrice: Self.d("0.25"), discount: 50).total == Self.d("0.13"))
        #expect(QuoteLine(product: nil, text: "x", quantity: Self.d("1.5"), unitPrice: Self.d("10.01")).total == Self.d("15.02"))
        #expect(QuoteLine(product: nil, text: "x", quantity: 2, unitPrice: 100, discount: 100).total == 0)
    }

    @Test func totalsApplyVATOnlyToLinesThatAreNotExempt() {
        let lines = [
            QuoteLine(product: "CRM-Y", text: "CRM", quantity: 3, unitPrice: 1200, discount: 10),
            QuoteLine(product: "SETUP", text: "Setup", quantity: 1, unitPrice: Self.d("450.50"), vatExempt: true),
            QuoteLine(product: nil, text: "Migration", quantity: 1, unitPrice: Self.d("800.01")),
        ]
        let totals = QuoteTotals(lines: lines, vatPercent: 18, installments: 12)
        #expect(totals.subtotal == Self.d("4490.51"))
        #expect(totals.taxable == Self.d("4040.01"))
        #expect(totals.vat == Self.d("727.20"))  // 727.2018 → 727.20
        #expect(totals.total == Self.d("5217.71"))
        #expect(totals.installment == Self.d("434.81") && totals.lastInstallment == Self.d("434.80"))
        #expect(totals.installment * 11 + totals.lastInstallment == totals.total)
        #expect(!totals.evenInstallments)
        let even = QuoteTotals(lines: [QuoteLine(product: nil, text: "y", quantity: 12, unitPrice: 100)], vatPercent: 0, installments: 12)
        #expect(even.evenInstallments && even.installment == 100 && even.vat == 0)
    }

    @Test func theCatalogueRefusesBadProductsAndDuplicateCodes() throws {
        let catalogue = try Self.catalogue()
        #expect(
            catalogue.adding(Product(code: "crm-y", name: "Again", price: 1, currency: "ILS")).refusal
                == .productExists(code: "crm-y"))
        #expect(catalogue.adding(Product(code: "-x", name: "A", price: 1, currency: "ILS")).refusal == .productBadCode(code: "-x"))
        #expect(catalogue.adding(Product(code: "a/b", name: "A", price: 1, currency: "ILS")).refusal == .productBadCode(code: "a/b"))
        #expect(catalogue.adding(Product(code: "B", name: "  ", price: 1, currency: "ILS")).refusal == .productEmptyName)
        #expect(catalogue.adding(Product(code: "B", name: "b", price: -1, currency: "ILS")).refusal == .negativePrice)
        #expect(
            catalogue.adding(Product(code: "B", name: "b", price: Self.d("1.005"), currency: "ILS")).refusal
                == .tooManyDecimals(places: 2))
        #expect(
            catalogue.adding(Product(code: "B", name: "b", price: Limits.maximumAmount + 1, currency: "ILS")).refusal
                == .valueTooLarge(limit: Limits.maximumAmount))
        #expect(catalogue.adding(Product(code: "B", name: "b", price: 1, currency: "XYZ")).refusal == .invalidCurrency(text: "XYZ"))
        #expect(catalogue.product("crm-y")?.code == "CRM-Y")
    }

    @Test func editingAndArchivingAProduct() throws {
        let catalogue = try Self.catalogue()
        let edited = try catalogue.editing("crm-y", ProductEdit(name: " CRM ", price: 1100, vatExempt: true)).get()
        #expect(edited.product("CRM-Y") == Product(code: "CRM-Y", name: "CRM", price: 1100, currency: "ILS", vatExempt: true))
        let archived = try edited.editing("CRM-Y", ProductEdit(active: false)).get()
        #expect(archived.product("CRM-Y")?.active == false)
        #expect(
            archived.line("CRM-Y", quantity: 1, price: nil, discount: 0, currency: "ILS").refusal
                == .unknownProduct(code: "CRM-Y"))
        #expect(catalogue.editing("NOPE", ProductEdit(price: 1)).refusal == .unknownProduct(code: "NOPE"))
        #expect(catalogue.editing("CRM-Y", ProductEdit(currency: "QQQ")).refusal == .invalidCurrency(text: "QQQ"))
    }

    @Test func aProductLineTakesTheCataloguesNameAndPriceUnlessOverridden() throws {
        let catalogue = try Self.catalogue()
        let line = try catalogue.line("setup", quantity: 2, price: nil, discount: 0, currency: "ils").get()
        #expect(line == QuoteLine(product: "SETUP", text: "התקנה והדרכה", quantity: 2, unitPrice: Self.d("450.50"), vatExempt: true))
        #expect(try catalogue.line("CRM-Y", quantity: 1, price: 999, discount: 5, currency: "ILS").get().unitPrice == 999)
        #expect(
            catalogue.line("US-1", quantity: 1, price: nil, discount: 0, currency: "ILS").refusal
                == .productCurrency(code: "US-1", currency: "USD", deal: "ILS"))
        #expect(catalogue.line("GONE", quantity: 1, price: nil, discount: 0, currency: "ILS").refusal == .unknownProduct(code: "GONE"))
    }

    @Test func badLinesAreRefusedAndChangeNothing() throws {
        let funnel = Fx.funnel()
        let deal = try Fx.create()
        func refusal(_ line: QuoteLine) -> Message? { funnel.apply(.addLine(line), to: deal, by: Fx.rita, now: Fx.now).refusal }
        #expect(refusal(QuoteLine(product: nil, text: "x", quantity: 0, unitPrice: 1)) == .quoteLineQuantity(quantity: "0"))
        #expect(refusal(QuoteLine(product: nil, text: "x", quantity: -2, unitPrice: 1)) == .quoteLineQuantity(quantity: "-2"))
        #expect(
            refusal(QuoteLine(product: nil, text: "x", quantity: 1, unitPrice: 1, discount: Self.d("100.01")))
                == .quoteLineDiscount(discount: "100.01"))
        #expect(refusal(QuoteLine(product: nil, text: "x", quantity: 1, unitPrice: 1, discount: -1)) == .quoteLineDiscount(discount: "-1"))
        #expect(refusal(QuoteLine(product: nil, text: " ", quantity: 1, unitPrice: 1)) == .quoteLineEmptyText)
        #expect(refusal(QuoteLine(product: nil, text: "x", quantity: 1, unitPrice: -1)) == .negativePrice)
        #expect(
            refusal(QuoteLine(product: nil, text: "big", quantity: 2, unitPrice: Limits.maximumAmount))
                == .quoteLineTooLarge(text: "big", limit: Limits.maximumAmount))
        // Two lines each within the limit whose sum is not; and one whose total with VAT is not.
        let big = Self.d("80000000000000000")
        let half = try funnel.apply(
            .addLine(QuoteLine(product: nil, text: "a", quantity: 1, unitPrice: big)),
            to: deal, by: Fx.rita, now: Fx.now
        ).get()
        #expect(
            funnel.apply(
                .addLine(QuoteLine(product: nil, text: "b", quantity: 1, unitPrice: Self.d("20000000000000000"))),
                to: half, by: Fx.rita, now: Fx.now
            ).refusal == .quoteTotalTooLarge(limit: Limits.maximumAmount))
        #expect(
            funnel.apply(
                .addLine(QuoteLine(product: nil, text: "b", quantity: 1, unitPrice: Self.d("5000000000000000"))),
                to: half, by: Fx.rita, now: Fx.now
            ).refusal == .quoteTotalTooLarge(limit: Limits.maximumAmount))
        #expect(funnel.apply(.removeLine(number: 2), to: half, by: Fx.rita, now: Fx.now).refusal == .noSuchQuoteLine(number: 2, count: 1))
        #expect(funnel.apply(.removeLine(number: 0), to: half, by: Fx.rita, now: Fx.now).refusal == .noSuchQuoteLine(number: 0, count: 1))
    }

    @Test func onlyTheOwnerOrAManagerChangesLines() throws {
        let deal = try Fx.create()
        let line = QuoteLine(product: nil, text: "x", quantity: 1, unitPrice: 1)
        #expect(
            Fx.funnel().apply(.addLine(line), to: deal, by: Fx.sam, now: Fx.now).refusal
                == .notYourDeal(dealTitle: "Solar panels", owner: "Rita Rep"))
        #expect(Fx.funnel().apply(.addLine(line), to: deal, by: Fx.manager, now: Fx.now).success?.quoteLines == [line])
    }

    static func dealWithLines(_ funnel: Funnel) throws -> Deal {
        var deal = try Fx.create()
        for line in [
            QuoteLine(product: "CRM-Y", text: "CRM", quantity: 3, unitPrice: 1200, discount: 10),
            QuoteLine(product: "SETUP", text: "Setup", quantity: 1, unitPrice: Self.d("450.50"), vatExempt: true),
        ] {
            deal = try funnel.apply(.addLine(line), to: deal, by: Fx.rita, now: Fx.now).get()
        }
        return deal
    }

    /// The quote of `deal` numbered 2026/`sequence`, issued by rita at the tests' clock.
    static func issued(_ deal: Deal, _ funnel: Funnel, sequence: Int = 1, language: Language = .en) -> IssuedQuote {
        IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: sequence), pipeline: funnel.pipeline, language: language,
            by: "rita", now: Fx.now, utcOffset: 0)
    }

    @Test func issuingFreezesTheLinesLogsItAndSetsAnEmptyValue() throws {
        let funnel = Fx.funnel()
        let deal = try Self.dealWithLines(funnel)
        let quote = IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: 7), pipeline: funnel.pipeline,
            language: .he, by: "rita", now: Fx.later(hours: 1), utcOffset: 0)
        #expect(quote.number == "Q-2026-0007" && quote.pdf == "quotes/deals/rita/Q-2026-0007.pdf")
        #expect(quote.date == Fx.today && quote.validUntil == Fx.today.adding(days: 30))
        #expect(quote.subtotal == Self.d("3690.50") && quote.vat == Self.d("583.20") && quote.total == Self.d("4273.70"))
        #expect(quote.installments == 12 && quote.paymentMethod == funnel.pipeline.work.paymentMethods.first)
        let issued = try funnel.apply(.issueQuote(quote), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).get()
        #expect(issued.quotes == [quote])
        #expect(issued.value == quote.total)
        #expect(issued.activities.last?.kind == .quote && issued.activities.last?.note.hasPrefix("Q-2026-0007") == true)
        // A deal with a value keeps it; the draft lines stay for the next quote.
        let valued = try funnel.apply(
            .edit(
                {
                    var e = DealEdit(); e.value = .some(5); return e
                }()), to: deal, by: Fx.rita, now: Fx.now
        ).get()
        let again = try funnel.apply(
            .issueQuote(
                IssuedQuote(
                    deal: valued, number: QuoteNumber(year: 2026, sequence: 8),
                    pipeline: funnel.pipeline, language: .en, by: "rita", now: Fx.now,
                    utcOffset: 0)), to: valued, by: Fx.rita, now: Fx.now
        ).get()
        #expect(again.value == 5 && again.quoteLines == deal.quoteLines)
        // An undo never takes an issued quote away.
        let undone = try funnel.apply(.restore(deal), to: issued, by: Fx.rita, now: Fx.later(hours: 2)).get()
        #expect(undone.quotes == [quote])
    }

    @Test func aQuoteNeedsLinesAndSumsThatAddUp() throws {
        let funnel = Fx.funnel()
        let empty = try Fx.create()
        let none = QuoteTests.issued(empty, funnel)
        #expect(funnel.apply(.issueQuote(none), to: empty, by: Fx.rita, now: Fx.now).refusal == .quoteNoLines)
        let deal = try Self.dealWithLines(funnel)
        var forged = QuoteTests.issued(deal, funnel)
        forged.total += 1
        #expect(funnel.apply(.issueQuote(forged), to: deal, by: Fx.rita, now: Fx.now).refusal == .quoteCorrupt(number: "Q-2026-0001"))
    }

    @Test func theVATRateAndValidityComeFromThePipeline() throws {
        var funnel = Fx.funnel()
        funnel.pipeline.quotes.vatPercent = 17
        funnel.pipeline.quotes.validDays = 14
        let deal = try Self.dealWithLines(funnel)
        let quote = QuoteTests.issued(deal, funnel)
        #expect(quote.vat == Self.d("550.80") && quote.validUntil == Fx.today.adding(days: 14))
        funnel.pipeline.quotes.vatPercent = 101
        #expect(!funnel.pipeline.validationErrors.isEmpty)
    }

    @Test func aStageCanRequireAnIssuedQuote() throws {
        var funnel = Fx.funnel()
        let deal = try Self.dealWithLines(funnel)
        // Off by default: the shipped templates move freely.
        #expect(funnel.apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.now).success != nil)
        let index = try #require(funnel.pipeline.index(of: "meeting"))
        funnel.pipeline.stages[index].requires.append(.quote)
        #expect(funnel.apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.now).refusal == .needsQuote(stage: "Meeting / quote"))
        let quote = QuoteTests.issued(deal, funnel)
        let issued = try funnel.apply(.issueQuote(quote), to: deal, by: Fx.rita, now: Fx.now).get()
        #expect(funnel.apply(.move(to: "meeting"), to: issued, by: Fx.rita, now: Fx.now).success?.stage == "meeting")
    }

    @Test func quoteNumbersReadAndWriteOneForm() {
        #expect(QuoteNumber(year: 2026, sequence: 1).description == "Q-2026-0001")
        #expect(QuoteNumber(year: 2026, sequence: 12345).description == "Q-2026-12345")
        #expect(QuoteNumber("Q-2026-0042") == QuoteNumber(year: 2026, sequence: 42))
        for bad in [
            "Q-2026-42", "Q-2026-0000", "q-2026-0001", "Q-26-0001", "Q-2026-0001.pdf", "Q-2026-00001", "../Q-2026-0001",
            "Q-2026-a-0001", "Q-2026-ABCD-0001", "Q-2026--0001", "Q-2026-A1-0001", "Q-2026-A-B-0001", "Q-2026-Ä-0001",
        ] {
            #expect(QuoteNumber(bad) == nil, "\(bad)")
        }
    }

    @Test func aClonesSeriesIsPartOfTheNumber() {
        #expect(QuoteNumber(year: 2026, series: "B", sequence: 7).description == "Q-2026-B-0007")
        #expect(QuoteNumber("Q-2026-AB-0042") == QuoteNumber(year: 2026, series: "AB", sequence: 42))
        #expect((0..<30).map(QuoteNumber.series(at:)).suffix(6) == ["Y", "Z", "AA", "AB", "AC", "AD"])
        #expect(QuoteNumber.series(at: 26 + 26 * 26) == "AAA")
        #expect(QuoteNumber.series(at: QuoteNumber.seriesCount - 1) == "ZZZ")
        #expect((0..<QuoteNumber.seriesCount).allSatisfy { QuoteNumber.isSeries(QuoteNumber.series(at: $0)) })
        // Sorted by year, then series (the plain one first), then sequence.
        let numbers = ["Q-2026-B-0001", "Q-2026-0002", "Q-2026-AA-0001", "Q-2026-A-0003", "Q-2025-Z-0009", "Q-2026-0001"]
            .compactMap(QuoteNumber.init)
        #expect(
            numbers.sorted().map(\.description)
                == ["Q-2025-Z-0009", "Q-2026-0001", "Q-2026-0002", "Q-2026-A-0003", "Q-2026-B-0001", "Q-2026-AA-0001"])
    }

    @Test func aDealWithQuotesRoundTripsAndOldFilesStillRead() throws {
        let funnel = Fx.funnel()
        let deal = try Self.dealWithLines(funnel)
        let quote = QuoteTests.issued(deal, funnel, sequence: 3, language: .ar)
        let issued = try funnel.apply(.issueQuote(quote), to: deal, by: Fx.rita, now: Fx.now).get()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Deal.self, from: encoder.encode(issued)) == issued)
        let plain = try Fx.create()
        let json = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!json.contains("quote_lines") && !json.contains("\"quotes\""), "a deal without quotes is written as before")
        // A hand-edited line past the limits is refused by the reader.
        let text = String(decoding: try encoder.encode(issued), as: UTF8.self).replacingOccurrences(of: "\"3.00\"", with: "\"-3.00\"")
        #expect(throws: (any Error).self) { try decoder.decode(Deal.self, from: Data(text.utf8)) }
    }

    @Test func templatesRefuseUnknownPlaceholdersAndSections() {
        #expect(
            QuoteTemplate.parse(language: .en, text: "[greeting]\nDear {contact}, {nope}\n").refusal
                == .quoteTemplateUnknownPlaceholder(language: "en", placeholder: "nope"))
        #expect(
            QuoteTemplate.parse(language: .he, text: "[greetings]\nשלום\n").refusal
                == .quoteTemplateUnknownSection(language: "he", section: "greetings"))
        let parsed = try? QuoteTemplate.parse(language: .en, text: "# comment\n[company]\nAcme\n\n[terms]\nValid until {valid_until}.\n").get()
        #expect(parsed?.text(.company) == "Acme" && parsed?.text(.terms) == "Valid until {valid_until}.")
        #expect(QuoteTemplate.fill("{number} {total} {x}", values: ["number": "Q-2026-0001", "total": "₪1"]) == "Q-2026-0001 ₪1 {x}")
        for template in DefaultQuoteTemplates.all {
            #expect((try? QuoteTemplate.parse(language: template.language, text: template.fileText).get()) == template)
        }
    }

    @Test func refusalsReadInEveryLanguage() {
        for language in Language.allCases {
            let text = Message.quoteTemplateUnknownPlaceholder(language: "he", placeholder: "nope").text(in: language)
            #expect(text.contains("{nope}") && text.contains("{valid_until}"), "\(language): \(text)")
            #expect(Message.needsQuote(stage: "Meeting").text(in: language).contains("funnel quote ID"))
        }
    }
}
