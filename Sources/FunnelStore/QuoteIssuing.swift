import Foundation
import FunnelCore
#if canImport(Glibc)
import Glibc
#endif

/// The last quote number used in each year (`quotes/numbers.json`): `{"2026": 12}`.
public struct QuoteCounters: Codable, Hashable, Sendable {
    public var last: [String: Int]

    public init(last: [String: Int] = [:]) { self.last = last }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        last = try container.decode([String: Int].self)
        if let bad = last.first(where: {
            Int($0.key) == nil || $0.key.count != 4 || $0.value < 0 || $0.value >= QuoteNumber.maximumSequence
        }) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(bad.key)”: \(bad.value) is not a year and a count")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(last)
    }
}

/// Issuing a quote (R19): the number is taken, the PDF written and the deal saved in one locked
/// section, so concurrent writers never share a number and a refusal or failure before the deal
/// is saved uses none.
///
///     quotes/Q-YYYY-NNNN.pdf    each issued quote's PDF, never replaced: the record of numbers used
///     quotes/numbers.json       the last number of each year: a guard against a PDF removed since
extension FunnelStore {
    public var quotesDirectory: String { root + "/quotes" }
    var quoteCountersPath: String { quotesDirectory + "/numbers.json" }

    /// The PDF of quote `number` (a well-formed number only: it becomes a file name).
    public func quotePDFPath(_ number: QuoteNumber) -> String { "\(quotesDirectory)/\(number).pdf" }

    /// The next number of `year`: one past both the counter and every PDF already in `quotes/`
    /// (so a counter lost or rolled back never hands out a number twice).
    func nextQuoteNumber(year: Int) throws -> (QuoteNumber, QuoteCounters) {
        var counters = QuoteCounters()
        if let data = try AtomicFile.readFile(quoteCountersPath, limit: Self.maximumFileBytes)?.data {
            counters = try FunnelJSON.decode(StoredFile<QuoteCounters>.self, from: data, path: quoteCountersPath).body
        }
        var last = counters.last[String(year)] ?? 0
        for name in try AtomicFile.list(quotesDirectory) where name.hasSuffix(".pdf") {
            if let number = QuoteNumber(String(name.dropLast(4))), number.year == year { last = max(last, number.sequence) }
        }
        return (QuoteNumber(year: year, sequence: last + 1), counters)
    }

    /// Under the lock: re-reads deal `id`, takes the next number of `year`, lets `issue` compute
    /// the deal with its new quote, has `renderPDF` typeset it, puts the PDF in place atomically
    /// (never over another file), saves the deal, and records the number in `quotes/numbers.json`. When `issue` refuses or
    /// anything fails before the deal is saved, no number is used and no PDF is left.
    public func issueQuote(id: String, year: Int, _ issue: (Deal, QuoteNumber) -> Result<Deal, Refusal>,
                           renderPDF: (Deal) throws -> Data) throws -> Update {
        try lock.withLock {
            guard let current = try loadDealFile(id: id) else { return .notFound }
            try checkQuotesFolder()
            let (number, counters) = try nextQuoteNumber(year: year)
            let next: Deal
            switch issue(current.deal, number) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let deal): next = deal
            }
            let pdf = quotePDFPath(number)
            let data = try renderPDF(next)
            guard !data.isEmpty else { throw StoreError.io(path: pdf, detail: "the PDF came out empty; nothing was issued") }
            try AtomicFile.makeDirectory(quotesDirectory)
            try AtomicFile.write(data, to: pdf, replacing: .nothing)
            do {
                try writeRecorded(next, replacing: current)
            } catch {
                unlink(pdf)
                throw error
            }
            var updated = counters
            updated.last[String(number.year)] = number.sequence
            // The quote is issued: its PDF already keeps its number from being used again, so a
            // counter that cannot be written now costs nothing but the guard against a removed PDF.
            try? writeJSON(StoredFile(body: updated), to: quoteCountersPath)
            return .saved(next)
        }
    }

    /// `quotes/`, where present, is a real folder, not a link.
    func checkQuotesFolder() throws {
        var info = stat()
        guard lstat(quotesDirectory, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.io(path: quotesDirectory, detail: "is not a folder (a symbolic link is never followed)")
        }
    }
}
