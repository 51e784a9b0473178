import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// R19 in the data directory: products.json, quote templates, and issuing under the lock.
@Suite("Quotes in the store")
struct QuoteStoreTests {
    static let product = Product(code: "CRM-Y", name: "CRM", price: 1200, currency: "ILS")

    @Test func theCatalogueIsEmptyUntilWrittenThenReadBackExactly() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        #expect(try store.loadProducts().products.isEmpty)
        #expect(try store.updateProducts { $0.adding(Self.product) }.get().products == [Self.product])
        #expect(try store.loadProducts().products == [Self.product])
        let text = try #require(bytes(store.productsPath)).string
        #expect(text.contains("\"products\"") && text.contains("\"price\" : \"1200.00\"") && text.contains("\"schema\" : 1"))
        #expect(fileMode(store.productsPath) == 0o600)
    }

    @Test func aRefusedCatalogueChangeWritesNothing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try store.updateProducts { $0.adding(Self.product) }
        let before = bytes(store.productsPath)
        let result = try store.updateProducts { $0.adding(Product(code: "crm-y", name: "Again", price: 1, currency: "ILS")) }
        #expect(result.refusal == .productExists(code: "crm-y"))
        #expect(bytes(store.productsPath) == before)
    }

    @Test func aCorruptOrForeignCatalogueIsReportedAndLeftUntouched() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        for text in [
            "{\"schema\": 1, \"products\": [{\"code\": \"A\", \"name\": \"a\", \"price\": \"1\", \"currency\": \"ILS\", \"colour\": 1}]}",
            "{\"schema\": 1, \"products\": [{\"code\": \"A\", \"name\": \"a\", \"price\": \"-1\", \"currency\": \"ILS\"}]}",
            "{\"schema\": 1, \"products\": [{\"code\": \"A\", \"name\": \"a\", \"price\": \"1\", \"currency\": \"ILS\"},"
                + " {\"code\": \"a\", \"name\": \"b\", \"price\": \"2\", \"currency\": \"ILS\"}]}",
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: store.productsPath))
            let error = storeError { _ = try store.loadProducts() }
            guard case .corrupt(let path, _) = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(path == store.productsPath)
            #expect(bytes(store.productsPath) == Data(text.utf8))
        }
    }

    static func dealWithLine(_ store: FunnelStore, id: String = "q2345678") throws -> Deal {
        var deal = SFx.deal(id)
        deal.quoteLines = [QuoteLine(product: "CRM-Y", text: "CRM", quantity: 2, unitPrice: 1200)]
        try store.insert(deal)
        return deal
    }

    static func issue(
        _ store: FunnelStore, id: String = "q2345678", year: Int = 2026,
        render: (Deal) throws -> Data = { Data("%PDF \($0.quotes.last!.number)".utf8) }
    ) throws -> FunnelStore.Update {
        try store.issueQuote(
            id: id, year: year,
            { deal, number in
                let quote = IssuedQuote(
                    deal: deal, number: number, pipeline: SFx.funnel.pipeline, language: .en, by: "rita",
                    now: SFx.now, utcOffset: 0)
                return SFx.funnel.apply(.issueQuote(quote), to: deal, by: SFx.rita, now: SFx.now)
            }, renderPDF: render)
    }

    static func number(_ update: FunnelStore.Update) -> String? {
        if case .saved(let deal) = update { return deal.quotes.last?.number }
        return nil
    }

    @Test func numbersRunWithoutGapsAndThePDFIsKept() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try Self.dealWithLine(store)
        for n in 1...3 { #expect(Self.number(try Self.issue(store)) == String(format: "Q-2026-%04d", n)) }
        #expect(bytes(store.quotesDirectory + "/deals/rita/Q-2026-0002.pdf")?.string == "%PDF Q-2026-0002")
        #expect(try store.loadDeal(id: "q2345678")?.quotes.map(\.number) == ["Q-2026-0001", "Q-2026-0002", "Q-2026-0003"])
        #expect(try AtomicFile.list(store.quoteNumbersDirectory).sorted() == ["Q-2026-0001", "Q-2026-0002", "Q-2026-0003"])
        #expect(fileMode(store.quoteNumbersDirectory + "/Q-2026-0003") == 0o600)
        // A new year starts again at 1.
        #expect(Self.number(try Self.issue(store, year: 2027)) == "Q-2027-0001")
    }

    @Test func aRefusalOrAFailedRenderUsesNoNumberAndLeavesNothing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        var empty = SFx.deal("e2345678")
        empty.quoteLines = []
        try store.insert(empty)
        guard case .refused(let refusal) = try Self.issue(store, id: "e2345678") else { Issue.record("not refused"); return }
        #expect(refusal.message == .quoteNoLines)
        _ = try Self.dealWithLine(store)
        struct Broken: Error {}
        #expect(throws: StoreError.self) { _ = try Self.issue(store, render: { _ in Data() }) }
        #expect(throws: Broken.self) { _ = try Self.issue(store, render: { _ in throw Broken() }) }
        #expect(try AtomicFile.list(store.quotesDirectory + "/deals/rita").isEmpty)
        #expect(try AtomicFile.list(store.quoteNumbersDirectory).isEmpty, "the numbers were given back")
        #expect(try store.loadDeal(id: "q2345678")?.quotes.isEmpty == true)
        #expect(!exists(store.quoteCountersPath))
        #expect(Self.number(try Self.issue(store)) == "Q-2026-0001")
    }

    @Test func aLostCounterNeverHandsOutANumberTwice() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try Self.dealWithLine(store)
        _ = try Self.issue(store)
        _ = try Self.issue(store)
        try FileManager.default.removeItem(atPath: store.quoteNumbersDirectory)
        #expect(Self.number(try Self.issue(store)) == "Q-2026-0003", "the PDFs still count")
        // The counter of before (quotes/numbers.json) still counts too.
        try Data("{\"schema\": 1, \"quote_numbers\": {\"2026\": 7}}".utf8).write(to: URL(fileURLWithPath: store.quoteCountersPath))
        #expect(Self.number(try Self.issue(store)) == "Q-2026-0008")
        // And a PDF of before, in quotes/ itself.
        try Data("old".utf8).write(to: URL(fileURLWithPath: store.quotesDirectory + "/Q-2026-0011.pdf"))
        #expect(Self.number(try Self.issue(store)) == "Q-2026-0012")
    }

    @Test func aPDFAlreadyAtTheNameIsNeverReplaced() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try Self.dealWithLine(store)
        try AtomicFile.makeDirectory(store.quotesDirectory + "/deals/rita")
        // A symbolic link planted where the next PDF would go counts as taken, and is left alone.
        let target = dir.path + "/elsewhere.pdf"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink(target, store.quotesDirectory + "/deals/rita/Q-2026-0001.pdf") == 0)
        let update = try Self.issue(store)
        #expect(Self.number(update) == "Q-2026-0002")
        #expect(bytes(target)?.string == "mine")
    }

    @Test func quoteTemplatesAreWrittenOnceAndReadWithoutFollowingLinks() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        try store.writeQuoteTemplates(DefaultQuoteTemplates.all)
        let path = store.quoteTemplateDirectory + "/he.txt"
        #expect(try store.readQuoteTemplate(.he) == DefaultQuoteTemplates.template(.he).fileText)
        try Data("[greeting]\nשלום {contact}\n".utf8).write(to: URL(fileURLWithPath: path))
        try store.writeQuoteTemplates(DefaultQuoteTemplates.all)
        #expect(try store.readQuoteTemplate(.he) == "[greeting]\nשלום {contact}\n", "init keeps an edited template")
        try FileManager.default.removeItem(atPath: path)
        #expect(symlink("/etc/passwd", path) == 0)
        #expect(throws: StoreError.self) { _ = try store.readQuoteTemplate(.he) }
    }
}

extension Data {
    var string: String { String(decoding: self, as: UTF8.self) }
}

extension Result where Failure == Refusal {
    var refusal: Message? { if case .failure(let refusal) = self { return refusal.message } else { return nil } }
}

@Suite("Quotes in the snapshot cache")
struct QuoteCacheTests {
    @Test func aDealWithLinesAndQuotesReadsBackEqualFromTheCache() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        var deal = SFx.deal("c2345678")
        deal.quoteLines = [
            QuoteLine(product: "CRM-Y", text: "CRM", quantity: 2, unitPrice: 1200, discount: 5),
            QuoteLine(product: nil, text: "התקנה", quantity: Decimal(string: "1.5")!, unitPrice: 300, vatExempt: true),
        ]
        let quote = IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: 9), pipeline: SFx.funnel.pipeline,
            language: .he, by: "rita", now: SFx.now, utcOffset: 0)
        deal.quotes = [quote]
        let plain = SFx.deal("d2345678")
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write([deal, plain], fingerprint: "fp")
        let loaded = try #require(cache.load(fingerprint: "fp"))
        #expect(loaded["c2345678"] == deal)
        #expect(loaded["d2345678"] == plain)
    }
}
