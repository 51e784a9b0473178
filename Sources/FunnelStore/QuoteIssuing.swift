import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Issuing a quote (R19): the number is taken, the PDF written and the deal saved in one locked
/// section, so concurrent writers never share a number and a refusal or failure before the deal
/// is saved uses none.
///
///     quotes/deals/OWNER/Q-YYYY-NNNN.pdf   the PDFs of OWNER's deals (as private as deals/OWNER/)
///     quotes/inbox/Q-YYYY-NNNN.pdf         the PDFs of unassigned leads (shared, as inbox/ is)
///     quotes/numbers/Q-YYYY-NNNN           one empty file per number used: the team's counter
///     quotes/Q-YYYY-NNNN.pdf, numbers.json quotes issued before quotes followed their deal (read only)
extension FunnelStore {
    /// Under the lock: re-reads deal `id`, claims the next number of `year`, lets `issue` compute
    /// the deal with its new quote, has `renderPDF` typeset it, puts the PDF beside the deal's
    /// owner atomically (never over another file) and saves the deal. When `issue` refuses or
    /// anything fails before the deal is saved, the number is given back and no PDF is left.
    public func issueQuote(
        id: String, year: Int, _ issue: (Deal, QuoteNumber) -> Result<Deal, Refusal>,
        renderPDF: (Deal) throws -> Data
    ) throws -> Update {
        try lock.withLock {
            guard let current = try loadDealFile(id: id) else { return .notFound }
            try checkQuotesFolder()
            try prepareQuoteFolder(StorePaths.quoteFolder(root: root, owner: current.deal.owner))
            let (number, marker) = try claimQuoteNumber(year: year)
            var issued = false
            defer { if !issued { unlink(marker) } }
            let next: Deal
            switch issue(current.deal, number) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let deal): next = deal
            }
            let pdf = try StorePaths.quotePDF(root: root, number: number, owner: next.owner)
            try prepareQuoteFolder((pdf as NSString).deletingLastPathComponent)
            let data = try renderPDF(next)
            guard !data.isEmpty else { throw StoreError.io(path: pdf, detail: "the PDF came out empty; nothing was issued") }
            try AtomicFile.write(data, to: pdf, replacing: .nothing)
            do {
                try writeRecorded(next, replacing: current)
            } catch {
                unlink(pdf)
                throw error
            }
            issued = true
            return .saved(next)
        }
    }
}
