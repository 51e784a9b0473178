import Foundation
import Testing

@testable import FunnelCore

/// `Money.display` of a whole number of hundredths goes through integers; it must write what
/// the `Decimal` way writes.
@Suite struct MoneyDisplayFastPathTests {
    /// The `Decimal` way, as `display` wrote every amount before.
    static func slow(_ amount: Decimal, _ currency: String) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        var whole = Decimal()
        var copy = rounded
        NSDecimalRound(&whole, &copy, 0, .down)
        var digits = Money.plain(rounded)
        if whole == rounded, let dot = digits.firstIndex(of: ".") { digits = String(digits[..<dot]) }
        let parts = digits.split(separator: ".", maxSplits: 1)
        var grouped = Money.grouped(parts[0])
        if parts.count == 2 { grouped += "." + parts[1] }
        return Money.symbol(for: currency) + grouped
    }

    /// `Money.plain` the `Decimal` way.
    static func slowPlain(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        var text = rounded.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "0"
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < 2 { fraction += "0" }
        return (negative && rounded != 0 ? "-" : "") + whole + "." + fraction.prefix(2)
    }

    @Test func integersWriteWhatDecimalsWrite() {
        var generator = SystemRandomNumberGenerator()
        let edges = ["0", "0.01", "0.1", "0.5", "1", "999", "1000", "12500.50", "12500.05", "99999999999999999.99", "1e3"]
        let random = (0..<2_000).map { _ in
            "\(UInt64.random(in: 0...99_999_999_999, using: &generator)).\(Int.random(in: 0...99, using: &generator))"
        }
        for text in edges + random {
            let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            #expect(Money.plain(amount) == Self.slowPlain(amount), "\(text)")
            for currency in ["ILS", "USD", "AED", "chf"] {
                #expect(Money.display(amount, currency: currency) == Self.slow(amount, currency), "\(text) \(currency)")
            }
        }
        #expect(Money.display(Decimal(string: "12500.5")!, currency: "ILS") == "₪12,500.50")
        #expect(Money.plain(Decimal(string: "12500.5")!) == "12500.50")
        #expect(Money.plain(Decimal(string: "0")!) == "0.00")
        #expect(Money.plain(Decimal(string: "-0.004")!) == "0.00")
        #expect(Money.display(Decimal(string: "-3.5")!, currency: "USD") == "-$3.50")
    }
}
