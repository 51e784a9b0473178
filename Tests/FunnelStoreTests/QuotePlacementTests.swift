import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// Where quote PDFs live: beside their deal's owner, following the deal to a new owner, with the
/// PDFs of before still found (docs/quotes.md, "Where the PDFs are").
@Suite("Quote PDFs beside their deal")
struct QuotePlacementTests {
    static func reassign(_ store: FunnelStore, _ id: String, to owner: String?) throws {
        let update = try store.update(id: id) { deal in
            var next = deal
            next.owner = owner
            next.stage = owner == nil ? "unsorted" : "new"
            return .success(next)
        }
        guard case .saved = update else { Issue.record("not saved: \(update)"); return }
    }

    @Test func aLeadsQuoteGoesToTheInboxFolderAndFollowsTheDealToItsOwnersThenToAnother() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        var lead = SFx.deal("l2345678", owner: nil, stage: "unsorted")
        lead.quoteLines = [QuoteLine(product: "CRM-Y", text: "CRM", quantity: 1, unitPrice: 100)]
        try store.insert(lead)
        let first = try QuoteStoreTests.issue(store, id: "l2345678")
        #expect(QuoteStoreTests.number(first) == "Q-2026-0001", "\(first)")
        let inbox = store.quotesDirectory + "/inbox/Q-2026-0001.pdf"
        #expect(bytes(inbox)?.string == "%PDF Q-2026-0001")
        try Self.reassign(store, "l2345678", to: "rita")
        let rita = store.quotesDirectory + "/deals/rita/Q-2026-0001.pdf"
        #expect(bytes(rita)?.string == "%PDF Q-2026-0001" && !exists(inbox))
        _ = try QuoteStoreTests.issue(store, id: "l2345678")
        try Self.reassign(store, "l2345678", to: "sam")
        #expect(try AtomicFile.list(store.quotesDirectory + "/deals/sam").sorted() == ["Q-2026-0001.pdf", "Q-2026-0002.pdf"])
        #expect(try AtomicFile.list(store.quotesDirectory + "/deals/rita").isEmpty)
        let deal = try #require(try store.loadDeal(id: "l2345678"))
        #expect(
            deal.quotes.map { store.quotePDFPath($0, of: deal) } == [
                store.quotesDirectory + "/deals/sam/Q-2026-0001.pdf",
                store.quotesDirectory + "/deals/sam/Q-2026-0002.pdf",
            ])
        #expect(
            deal.quotes.map(\.pdf) == ["quotes/inbox/Q-2026-0001.pdf", "quotes/deals/rita/Q-2026-0002.pdf"],
            "the record says where each was written")
    }

    @Test func aPDFFromBeforeQuotesFollowedTheirDealIsStillFound() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        var deal = try QuoteStoreTests.dealWithLine(store)
        var quote = IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: 1), pipeline: SFx.funnel.pipeline,
            language: .en, by: "rita", now: SFx.now, utcOffset: 0)
        quote.pdf = "quotes/Q-2026-0001.pdf"
        deal.quotes = [quote]
        try AtomicFile.makeDirectory(store.quotesDirectory)
        try Data("old".utf8).write(to: URL(fileURLWithPath: store.quotesDirectory + "/Q-2026-0001.pdf"))
        #expect(store.quotePDFPath(quote, of: deal) == store.quotesDirectory + "/Q-2026-0001.pdf")
        #expect(quote.violation == nil)
        // A number that is not one never becomes a path.
        quote.number = "../../etc/passwd"
        #expect(store.quotePDFPath(quote, of: deal) == nil)
    }

    @Test func aHandEditedPDFPathIsRefusedAsCorrupt() throws {
        let deal = SFx.deal("q2345678")
        var quote = IssuedQuote(
            deal: deal, number: QuoteNumber(year: 2026, sequence: 3), pipeline: SFx.funnel.pipeline,
            language: .en, by: "rita", now: SFx.now, utcOffset: 0)
        for accepted in ["quotes/Q-2026-0003.pdf", "quotes/inbox/Q-2026-0003.pdf", "quotes/deals/sam/Q-2026-0003.pdf"] {
            quote.pdf = accepted
            #expect(quote.violation != .quoteCorrupt(number: "Q-2026-0003"), "\(accepted)")
        }
        for refused in [
            "quotes/deals/../Q-2026-0003.pdf", "/etc/passwd", "quotes/deals/sam/Q-2026-0004.pdf",
            "quotes/deals/sam/x/Q-2026-0003.pdf", "quotes/numbers/Q-2026-0003",
        ] {
            quote.pdf = refused
            #expect(quote.violation == .quoteCorrupt(number: "Q-2026-0003"), "\(refused)")
        }
    }

    @Test func inASharedDirectoryNotPreparedByTeamInitNoQuoteFolderIsMadeAndNoNumberUsed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try QuoteStoreTests.dealWithLine(store)
        #expect(chmod(store.root, 0o2770) == 0 && store.isShared)
        let error = storeError { try QuoteStoreTests.issue(store) }
        #expect(error.map { "\($0)" }?.contains("funnel team-init") == true, "\(String(describing: error))")
        #expect(!exists(store.quotesDirectory + "/deals"))
        #expect(try store.loadDeal(id: "q2345678")?.quotes.isEmpty == true)
    }
}
