import Foundation

/// A quote's number, `Q-YYYY-NNNN`: the year it was issued and its place in that year's
/// sequence of the data directory, from 1, with no gaps (past 9999 the sequence takes more digits).
public struct QuoteNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var sequence: Int

    /// The largest sequence a number has (nine digits, as `init?(_:)` reads them).
    public static let maximumSequence = 999_999_999

    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    public var description: String {
        let digits = String(sequence)
        return "Q-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Reads `Q-YYYY-NNNN` (a PDF's name without `.pdf`); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "Q", parts[1].count == 4, parts[2].count >= 4, parts[2].count <= 9,
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), parts[2].allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(parts[1]), let sequence = Int(parts[2]), sequence >= 1 else { return nil }
        self.init(year: year, sequence: sequence)
        guard description == text else { return nil }
    }

    public static func < (a: QuoteNumber, b: QuoteNumber) -> Bool { (a.year, a.sequence) < (b.year, b.sequence) }
}
