import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// The last quote number used in each year (`quotes/numbers.json`, written before the counter
/// became `quotes/numbers/`; still read): `{"2026": 12}`.
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

/// Quote numbers, per data directory, with no gaps and no duplicates. Under the data lock a
/// number is claimed by creating its empty file in `quotes/numbers/` (O_EXCL: a name taken is
/// never taken twice); the next number is one past the highest of those files, of the old
/// `quotes/numbers.json`, and of every quote PDF this process can list (all of them for a single
/// user or a manager; for a rep the inbox's, their own and those from before). `quotes/numbers/`
/// is writable by every member of a team (like the inbox), sticky, so no one removes a number
/// someone else claimed, and it holds names only: no customer, no amount, no PDF.
extension FunnelStore {
    public var quotesDirectory: String { root + "/quotes" }
    var quoteCountersPath: String { quotesDirectory + "/numbers.json" }
    var quoteNumbersDirectory: String { quotesDirectory + "/numbers" }

    /// Where a clone synced over git keeps the quote series it was given (`.git/funnel-quote-series`,
    /// never shared: each clone its own).
    public var quoteSeriesPath: String { root + "/.git/funnel-quote-series" }

    /// What `.git/funnel-quote-series` holds for the clone that shared the data (its numbers have
    /// no series letter); a clone that joined holds its letters.
    public static let firstSeriesRecord = "first"

    /// The series this data directory issues quotes in: `""` unless it is a synced clone, then the
    /// one it was given when it joined (`""` for the clone that shared the data first). A synced
    /// clone without one (made before series existed) gets it at its next `funnel sync`; until then
    /// it issues none, so two laptops never give one number twice.
    public func quoteSeries() throws -> String {
        var info = stat()
        guard lstat(root + "/.git", &info) == 0 else { return "" }
        guard let data = try AtomicFile.readFile(quoteSeriesPath, limit: 64)?.data else {
            throw StoreError.io(
                path: quoteSeriesPath,
                detail: "is missing: this synced copy has no quote series yet, so its quote numbers could "
                    + "clash with a teammate's; run funnel sync once (online) and issue the quote again")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text == Self.firstSeriesRecord { return "" }
        guard QuoteNumber.isSeries(text) else {
            throw StoreError.corrupt(
                path: quoteSeriesPath,
                detail: "holds no quote series (one to three capital letters, or “\(Self.firstSeriesRecord)” for the copy that shared the data); "
                    + "remove it and run funnel sync to be given one")
        }
        return text
    }

    /// The next number of `year` in `series` (see above).
    func nextQuoteNumber(year: Int, series: String = "") throws -> QuoteNumber {
        var last = (sequence: 0, path: quoteNumbersDirectory)
        func see(_ number: QuoteNumber?, at path: String) {
            if let number, number.year == year, number.series == series, number.sequence > last.sequence { last = (number.sequence, path) }
        }
        if let data = try AtomicFile.readFile(quoteCountersPath, limit: Self.maximumFileBytes)?.data {
            let counters = try FunnelJSON.decode(StoredFile<QuoteCounters>.self, from: data, path: quoteCountersPath).body
            if series.isEmpty, let sequence = counters.last[String(year)], sequence > 0 {
                see(QuoteNumber(year: year, sequence: sequence), at: quoteCountersPath)
            }
        }
        for name in try AtomicFile.list(quoteNumbersDirectory) { see(QuoteNumber(name), at: "\(quoteNumbersDirectory)/\(name)") }
        for folder in try listableQuoteFolders() {
            for name in (try? AtomicFile.list(folder)) ?? [] { see(StorePaths.quoteNumber(ofPDF: name), at: "\(folder)/\(name)") }
        }
        // A number this high was planted, not issued: say where, rather than fail on a number too long.
        guard last.sequence < QuoteNumber.maximumSequence else {
            throw StoreError.io(
                path: last.path,
                detail: "holds quote number \(QuoteNumber(year: year, series: series, sequence: last.sequence)), "
                    + "the last one there is: funnel never issued it; a person removes that file")
        }
        return QuoteNumber(year: year, series: series, sequence: last.sequence + 1)
    }

    /// Claims the next number of `year`: its file in `quotes/numbers/` is made, never over one
    /// already there. Returns the number and that file (to remove if the quote is not issued).
    func claimQuoteNumber(year: Int) throws -> (QuoteNumber, marker: String) {
        let series = try quoteSeries()
        try prepareQuoteFolder(quoteNumbersDirectory)
        var number = try nextQuoteNumber(year: year, series: series)
        let mode: mode_t = isShared ? 0o640 : 0o600
        for _ in 0..<1000 {
            let marker = "\(quoteNumbersDirectory)/\(number)"
            let fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode)
            if fd >= 0 {
                fchmod(fd, mode)
                close(fd)
                try AtomicFile.syncDirectory(quoteNumbersDirectory)
                return (number, marker)
            }
            guard errno == EEXIST else { throw StoreError.errno(marker, "claiming the quote number") }
            number.sequence += 1
        }
        throw StoreError.io(path: quoteNumbersDirectory, detail: "has a thousand numbers past the highest PDF; a person looks at it")
    }

    /// The quote folders whose names count (`quotes/`, `quotes/inbox/`, `quotes/deals/*/`),
    /// whether or not this process may list them (an unlistable one, another rep's, counts through
    /// `quotes/numbers/` only).
    func listableQuoteFolders() throws -> [String] {
        let owners = quotesDirectory + "/deals"
        let folders = try AtomicFile.list(owners).filter(User.isValidAccount).sorted().map { owners + "/" + $0 }
        return [quotesDirectory, quotesDirectory + "/inbox"] + folders
    }

    /// `quotes/`, where present, is a real folder, not a link.
    func checkQuotesFolder() throws {
        var info = stat()
        guard lstat(quotesDirectory, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.io(path: quotesDirectory, detail: "is not a folder (a symbolic link is never followed)")
        }
    }

    /// Makes a quote folder where missing, for one user; in a team's shared directory only
    /// `funnel team-init` makes them (with their owner's permissions), so a missing one is an error.
    func prepareQuoteFolder(_ folder: String) throws {
        var info = stat()
        if lstat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError.io(path: folder, detail: "is not a folder (a symbolic link is never followed)")
            }
            return
        }
        guard errno == ENOENT, !isShared else {
            throw StoreError.io(
                path: folder,
                detail: "is missing or cannot be reached: in a team's shared directory, quote folders are "
                    + "made by funnel team-init (as root), which gives them the permissions of the deals they belong with")
        }
        try AtomicFile.makeDirectory(folder)
    }
}
