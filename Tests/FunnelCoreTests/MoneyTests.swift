import Foundation
import Testing

@testable import FunnelCore

@Suite("Money: parsing, storing, showing")
struct MoneyTests {
    static func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test(arguments: [
        ("12500", "12500"), ("12,500.50", "12500.5"), ("0.1", "0.1"), ("99.9", "99.9"), ("1_000_000", "1000000"),
        (" 42 ", "42"), ("0", "0"), (".5", "0.5"), ("007", "7"), ("1 250", "1250"),
    ])
    func acceptedAmounts(text: String, expected: String) {
        #expect(Money.parseAmount(text) == Self.dec(expected))
    }

    @Test(arguments: [
        "-5", "1e5", "1E5", "1.234", "", "   ", "abc", "12a", "$12", ".", "1.2.3", "٣", "+5", "1,5.000",
        "123456789012345678901",
    ])
    func refusedAmounts(text: String) {
        #expect(Money.parseAmount(text) == nil)
    }

    @Test func decimalsAreExactNotBinaryFloatingPoint() throws {
        let sum = try #require(Money.parseAmount("0.1")) + (try #require(Money.parseAmount("0.2")))
        #expect(sum == Self.dec("0.3"))
        #expect(Money.plain(sum) == "0.30")
    }

    @Test(arguments: [
        ("12500", "12500.00"), ("0.1", "0.10"), ("99.9", "99.90"), ("0", "0.00"), ("1234567.89", "1234567.89"),
        ("5.125", "5.12"), ("5.135", "5.14"),
    ])
    func plainIsTheStoredFormWithTwoDecimals(amount: String, expected: String) {
        #expect(Money.plain(Self.dec(amount)) == expected)
    }

    @Test func plainIsExactForLargeAmounts() {
        // parseAmount accepts up to 20 characters, so funnel must be able to store what it accepts.
        #expect(Money.plain(Self.dec("12345678901234567.89")) == "12345678901234567.89")
        #expect(Money.plain(Self.dec("99999999999999999.99")) == "99999999999999999.99")
    }

    @Test func everyAcceptedAmountSurvivesTheStoredForm() throws {
        for text in ["12500", "0.10", "99.9", "1234567.89", "987654321.01"] {
            let amount = try #require(Money.parseAmount(text))
            #expect(Money.parseAmount(Money.plain(amount)) == amount)
        }
        for text in ["12345678901234567.89", "99999999999999999.99"] {
            let amount = try #require(Money.parseAmount(text))
            #expect(Money.parseAmount(Money.plain(amount)) == amount)
        }
    }

    @Test(arguments: [
        ("12500", "ILS", "₪12,500"), ("99.9", "USD", "$99.90"), ("1234567.5", "EUR", "€1,234,567.50"),
        ("0", "ILS", "₪0"), ("999", "GBP", "£999"), ("1000", "ILS", "₪1,000"), ("100000", "JPY", "¥100,000"),
        ("10", "CHF", "CHF 10"), ("2500.05", "AED", "AED 2,500.05"), ("12500.00", "ILS", "₪12,500"),
    ])
    func displayForPeople(amount: String, currency: String, expected: String) {
        #expect(Money.display(Self.dec(amount), currency: currency) == expected)
        #expect(Money(amount: Self.dec(amount), currency: currency.lowercased()).display == expected)
    }

    @Test func moneyValues() {
        let money = Money(amount: Self.dec("12500.5"), currency: "usd")
        #expect(money.currency == "USD")
        #expect(money.plainAmount == "12500.50")
        #expect(money.display == "$12,500.50")
        let deal = Deal(id: "a", title: "t", value: 7, currency: "ILS", owner: nil, stage: "new", created: Fx.now)
        #expect(deal.money == Money(amount: 7, currency: "ILS"))
        #expect(Deal(id: "a", title: "t", currency: "ILS", owner: nil, stage: "new", created: Fx.now).money == nil)
    }

    @Test func currencyCodes() {
        #expect(Money.isValidCurrency("ILS"))
        #expect(Money.isValidCurrency("usd"))
        #expect(!Money.isValidCurrency("US"))
        #expect(!Money.isValidCurrency("EURO"))
        #expect(!Money.isValidCurrency("U$D"))
        #expect(!Money.isValidCurrency("₪"))
    }

    /// Separators only between groups of three: a decimal comma is refused, never read as another amount.
    @Test func thousandsSeparatorsOnlyBetweenGroupsOfThree() {
        #expect(Money.parseAmount("12,500.50") == Decimal(string: "12500.50"))
        #expect(Money.parseAmount("1 234 567") == 1_234_567)
        #expect(Money.parseAmount("96_400") == 96_400)
        #expect(Money.parseAmount(".5") == Decimal(string: "0.5"))
        for bad in ["12,5", "1,2,3", "1 2", "1,23", "12,500 000", ",500", "1,000.", "1.000,50", "", "."] where bad != "1,000." {
            #expect(Money.parseAmount(bad) == nil, "\(bad)")
        }
        #expect(Money.parseAmount("1,000.") == 1_000)
    }
}
