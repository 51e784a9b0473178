import Foundation
import Testing

@testable import FunnelCore

/// `MoneySum` adds in hundredths while they fit, in `Decimal` past that: always the `Decimal` sum.
struct MoneySumTests {
    @Test func theSumIsTheDecimalSumBelowAndPastWhatTheIntegersHold() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            var sum = MoneySum(), exact = Decimal(0)
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                // Small amounts, the largest amounts (two of them overflow the integers), and
                // amounts given without their hundredths.
                let cents =
                    round % 3 == 0
                    ? Limits.maximumCents - UInt64.random(in: 0...999, using: &generator) : UInt64.random(in: 0...10_000_000, using: &generator)
                let amount = Money.fromCents(cents)
                sum.add(hundredths: Bool.random(using: &generator) ? cents : nil, amount)
                exact += amount
            }
            #expect(sum.value == exact, "round \(round)")
        }
    }

    @Test func theAmountIsWorkedOutOnlyWhenTheHundredthsCannotBeAdded() {
        var sum = MoneySum()
        var asked = 0
        func amount(_ value: Decimal) -> Decimal {
            asked += 1
            return value
        }
        sum.add(hundredths: 150, amount(Decimal(string: "1.5")!))
        #expect(asked == 0)
        sum.add(hundredths: nil, amount(Decimal(string: "0.25")!))
        #expect(asked == 1 && sum.value == Decimal(string: "1.75")!)
    }
}
