import Foundation

/// A quote's number, `Q-YYYY-NNNN`: the year it was issued and its place in that year's
/// sequence of the data directory, from 1, with no gaps (past 9999 the sequence takes more digits).
/// A clone of a team synced over git issues its own series, `Q-YYYY-S-NNNN` (S: one to three
/// capital letters given when it joined, docs/sync.md), so two laptops offline never give one
/// number twice; each series has no gaps of its own.
public struct QuoteNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// The clone's series (`""`: the data directory's own, the first clone's in a synced team).
    public var series: String
    public var sequence: Int

    /// The largest sequence a number has (nine digits, as `init?(_:)` reads them).
    public static let maximumSequence = 999_999_999

    public init(year: Int, series: String = "", sequence: Int) {
        self.year = year
        self.series = series
        self.sequence = sequence
    }

    public var description: String {
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return series.isEmpty ? "Q-\(year)-\(padded)" : "Q-\(year)-\(series)-\(padded)"
    }

    /// Reads `Q-YYYY-NNNN` or `Q-YYYY-S-NNNN` (a PDF's name without `.pdf`); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4, parts[0] == "Q", parts[1].count == 4,
            let digits = parts.last, digits.count >= 4, digits.count <= 9,
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(parts[1]), let sequence = Int(digits), sequence >= 1
        else { return nil }
        let series = parts.count == 4 ? parts[2] : ""
        guard series.isEmpty || Self.isSeries(series) else { return nil }
        self.init(year: year, series: series, sequence: sequence)
        guard description == text else { return nil }
    }

    /// Whether `text` names a clone's series: one to three capital letters A–Z.
    public static func isSeries(_ text: String) -> Bool {
        (1...3).contains(text.utf8.count) && text.utf8.allSatisfy { (65...90).contains($0) }
    }

    /// How many series there are (A … ZZZ).
    public static let seriesCount = 26 + 26 * 26 + 26 * 26 * 26

    /// The `index`th series (0: A … 25: Z, 26: AA …), the order clones are given them in.
    public static func series(at index: Int) -> String {
        var letters: [Character] = []
        var rest = index
        repeat {
            letters.insert(Character(UnicodeScalar(UInt8(65 + rest % 26))), at: 0)
            rest = rest / 26 - 1
        } while rest >= 0
        return String(letters)
    }

    public static func < (a: QuoteNumber, b: QuoteNumber) -> Bool {
        (a.year, a.series.count, a.series, a.sequence) < (b.year, b.series.count, b.series, b.sequence)
    }
}
