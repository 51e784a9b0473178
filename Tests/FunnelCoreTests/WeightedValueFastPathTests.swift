import Foundation
import Testing

@testable import FunnelCore

/// The weighted value in integer hundredths must be exactly the `Decimal` figure, for every
/// amount funnel stores; amounts it cannot take go the `Decimal` way.
@Suite struct WeightedValueFastPathTests {
    static func amount(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func hundredthsAreTheStoredCents() {
        var generator = SystemRandomNumberGenerator()
        let edges = ["0", "0.01", "0.1", "1", "12500.50", "99999999999999999.99", "49800", "1e3", "12.500"]
        let random = (0..<3_000).map { _ in
            "\(UInt64.random(in: 0...99_999_999_999_999_999, using: &generator)).\(Int.random(in: 0...99, using: &generator))"
        }
        for text in edges + random {
            let value = Self.amount(text)
            // What the stored text says, computed the Decimal way (not through `hundredths`).
            let stored = UInt64(Money.decimalPlain(value).replacingOccurrences(of: ".", with: ""))
            #expect(Money.hundredths(value) == stored, "\(text)")
        }
    }

    @Test func amountsOutsideTheCentsAreLeftToDecimals() {
        for text in ["-1", "0.001", "12.345", "100000000000000000"] {
            #expect(Money.hundredths(Self.amount(text)) == nil, "\(text)")
        }
        #expect(Money.hundredths(.nan) == nil)
    }

    @Test func theIntegerFigureIsTheDecimalFigure() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = "\(UInt64.random(in: 0...9_999_999_999, using: &generator)).\(Int.random(in: 0...99, using: &generator))"
            let value = Self.amount(text)
            let percent = Int.random(in: 0...100, using: &generator)
            let fast = WeightedValue.hundredths(value, percent).map(Money.fromCents)
            #expect(fast == WeightedValue.decimal(value, percent), "\(text) × \(percent) %")
        }
        // Half a cent goes up.
        #expect(WeightedValue.hundredths(Self.amount("0.05"), 10) == 1)
        #expect(WeightedValue.hundredths(Self.amount("0.04"), 10) == 0)
        // The largest amount times a percentage does not fit 64 bits: it is left to decimals.
        let largest = Self.amount("99999999999999999.99")
        #expect(WeightedValue.hundredths(largest, 100) == nil)
        #expect(WeightedValue.decimal(largest, 100) == largest)
    }
}
