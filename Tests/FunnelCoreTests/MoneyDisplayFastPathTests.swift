import Foundation
import Testing

@testable import FunnelCore

/// `Money.display` of a whole number of hundredths goes through integers; it must write what
/// the `Decimal` way writes.
@Suite struct MoneyDisplayFastPathTests {
    @Test func integersWriteWhatDecimalsWrite() {
        var generator = SystemRandomNumberGenerator()
        let edges = ["0", "0.01", "0.1", "0.5", "1", "999", "1000", "12500.50", "12500.05", "99999999999999999.99", "1e3"]
        let random = (0..<2_000).map { _ in
            "\(UInt64.random(in: 0...99_999_999_999, using: &generator)).\(Int.random(in: 0...99, using: &generator))"
        }
        for text in edges + random {
            let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            #expect(Money.plain(amount) == Money.decimalPlain(amount), "\(text)")
            for currency in ["ILS", "USD", "AED", "chf"] {
                #expect(Money.display(amount, currency: currency) == Money.decimalDisplay(amount, currency: currency), "\(text) \(currency)")
            }
        }
        #expect(Money.display(Decimal(string: "12500.5")!, currency: "ILS") == "₪12,500.50")
        #expect(Money.plain(Decimal(string: "12500.5")!) == "12500.50")
        #expect(Money.plain(Decimal(string: "0")!) == "0.00")
        #expect(Money.plain(Decimal(string: "-0.004")!) == "0.00")
        #expect(Money.display(Decimal(string: "-3.5")!, currency: "USD") == "-$3.50")
    }
}
