import Foundation
import Testing

@testable import FunnelCore

/// A deal keeps its value in hundredths beside the `Decimal`; every figure read from them is the
/// figure `Money` and `WeightedValue` compute from the `Decimal`.
struct DealHundredthsTests {
    static func deal() -> Deal {
        Deal(id: "abcd2345", title: "t", currency: "ILS", owner: nil, stage: "new", created: Date(timeIntervalSince1970: 0))
    }

    static let amounts: [Decimal] = {
        var generator = SystemRandomNumberGenerator()
        var amounts: [Decimal] = [0, 1, Decimal(string: "0.05")!, Decimal(string: "12.5")!, Limits.maximumAmount, Limits.maximumAmount + 1]
        amounts.append(Decimal(string: "1.005")!)
        for _ in 0..<3_000 {
            let cents = UInt64.random(in: 0...Limits.maximumCents, using: &generator) >> UInt64.random(in: 0...60, using: &generator)
            amounts.append(Money.fromCents(cents))
        }
        return amounts
    }()

    @Test func theKeptHundredthsAreMoneysAndEveryFigureFromThemIsTheSame() {
        let stages = [Stage(id: "s", name: "S", kind: .open, probability: 35), Stage(id: "s", name: "S", kind: .open)]
        for amount in Self.amounts {
            var deal = Self.deal()
            deal.value = amount
            #expect(deal.hundredths == Money.hundredths(amount), "\(amount)")
            #expect(deal.valueDisplay == deal.money?.display, "\(amount)")
            #expect(deal.valuePlain == Money.plain(amount), "\(amount)")
            for currency in ["USD", "eur", "XAF"] {
                deal.currency = currency
                #expect(deal.valueDisplay == deal.money?.display, "\(amount) \(currency)")
            }
            for stage in stages {
                #expect(WeightedValue.plain(deal, in: stage) == WeightedValue.of(deal, in: stage).map(Money.plain), "\(amount)")
            }
        }
    }

    @Test func hundredthsSetDirectlyMakeTheSameDeal() {
        for amount in Self.amounts {
            guard let cents = Money.hundredths(amount) else { continue }
            var direct = Self.deal(), set = Self.deal()
            direct.setValue(hundredths: cents)
            set.value = amount
            #expect(direct == set && direct.value == amount && direct.hundredths == cents)
        }
        var deal = Self.deal()
        deal.value = 5
        deal.value = nil
        #expect(deal.hundredths == nil && deal.valueDisplay == nil && deal.valuePlain == nil)
    }
}
