import Foundation

/// A sum of amounts kept in whole hundredths while they fit a `UInt64`, in `Decimal` otherwise:
/// the same total as adding the `Decimal`s (amounts of at most two decimals add exactly), at
/// the cost of integer additions (a board's column totals add 100,000 values; `Decimal`
/// addition takes a tenth of a microsecond each).
public struct MoneySum: Sendable, Hashable {
    var cents: UInt64 = 0
    var rest = Decimal(0)

    public init() {}

    /// Adds an amount: its hundredths (`Money.hundredths`) when known, else (or past what the
    /// integers hold) `amount`, worked out only then.
    public mutating func add(hundredths: UInt64?, _ amount: @autoclosure () -> Decimal) {
        if let hundredths, case (let sum, false) = cents.addingReportingOverflow(hundredths) {
            cents = sum
        } else {
            rest += amount()
        }
    }

    /// Adds another sum (of amounts counted elsewhere: the report's tallies on each core).
    public mutating func add(_ other: MoneySum) {
        rest += other.rest
        add(hundredths: other.cents, Money.fromCents(other.cents))
    }

    /// The total.
    public var value: Decimal { rest + Money.fromCents(cents) }
}
