import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a deal's quote PDFs are, and how they follow the deal to a new owner.
extension FunnelStore {
    /// The largest PDF a reassignment copies (a quote is a few hundred KB at most).
    static let maximumPDFBytes = 256 << 20

    /// The PDF of `quote` on `deal` (`IssuedQuote.pdfPath(on:)`: from its number and the deal's
    /// owner now, never from a path read from the deal file). Nil when either is not well formed.
    public func quotePDFPath(_ quote: IssuedQuote, of deal: Deal) -> String? {
        quote.pdfPath(on: deal).map { root + "/" + $0 }
    }

    /// The PDFs to copy when `deal` is saved with another owner than `old`'s: (from, to) pairs of
    /// the quotes whose PDF is beside the old owner.
    func quotePDFMoves(of deal: Deal, replacing old: DealFile?) throws -> [(from: String, to: String)] {
        guard let old, old.deal.owner != deal.owner, !deal.quotes.isEmpty else { return [] }
        var moves: [(from: String, to: String)] = []
        for quote in deal.quotes {
            guard let number = QuoteNumber(quote.number) else { continue }
            let from = try StorePaths.quotePDF(root: root, number: number, owner: old.deal.owner)
            let to = try StorePaths.quotePDF(root: root, number: number, owner: deal.owner)
            // Never through a linked `quotes/` (or one of its folders): refused, naming it.
            try StorePaths.checkNoLinkOnTheWay(root: root, to: from)
            try StorePaths.checkNoLinkOnTheWay(root: root, to: to)
            // Only a PDF funnel wrote goes along: a symbolic link, FIFO or folder planted by that
            // name is left where it is (never followed, never read).
            var info = stat()
            guard lstat(from, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            moves.append((from, to))
        }
        return moves
    }

    /// Copies each PDF into its new folder (whose permissions, on a team, give the new owner
    /// access), never over another file; on a failure the copies made are removed and the error
    /// thrown, so the deal is not saved. Returns the copies made.
    func copyQuotePDFs(_ moves: [(from: String, to: String)]) throws -> [String] {
        var copied: [String] = []
        do {
            for move in moves {
                try prepareQuoteFolder((move.to as NSString).deletingLastPathComponent)
                guard let pdf = try AtomicFile.readFile(move.from, limit: Self.maximumPDFBytes) else { continue }
                // Left there by a move interrupted after the copy: the same PDF is fine.
                if let there = try AtomicFile.readFile(move.to), there.data == pdf.data { continue }
                try AtomicFile.write(pdf.data, to: move.to, replacing: .nothing)
                copied.append(move.to)
            }
        } catch {
            for path in copied { unlink(path) }
            throw error
        }
        return copied
    }
}
