import Foundation
import Testing

@testable import FunnelCore

/// The fields few deals have live out of line (`Deal.RareFields`) and the call steps as bits:
/// a deal still reads, compares, hashes and copies as if every field were its own.
struct DealRareFieldsTests {
    static func deal() -> Deal {
        Deal(id: "abcd2345", title: "t", currency: "ILS", owner: nil, stage: "new", created: Date(timeIntervalSince1970: 0))
    }

    static let assignment = Assignment(at: Date(timeIntervalSince1970: 60), by: "mia", from: nil, to: "rita")

    @Test func aFieldSetAndPutBackLeavesTheDealEqualToOneNeverChanged() {
        let plain = Self.deal()
        var changed = plain
        changed.assignments = [Self.assignment]
        changed.paymentTerms = PaymentTerms(installments: 3, method: .cheques)
        #expect(changed != plain)
        changed.assignments = []
        changed.paymentTerms = nil
        #expect(changed == plain)
        #expect(changed.hashValue == plain.hashValue)
    }

    @Test func eachRareFieldMakesADifferenceOfItsOwn() {
        let plain = Self.deal()
        var variants: [Deal] = []
        var a = plain
        a.assignments = [Self.assignment]
        variants.append(a)
        var b = plain
        b.paymentTerms = PaymentTerms(method: .bankTransfer)
        variants.append(b)
        var c = plain
        c.modules = [BilledModule(module: "CRM", at: Date(timeIntervalSince1970: 0), by: "rita")]
        variants.append(c)
        for (i, one) in variants.enumerated() {
            #expect(one != plain)
            for (j, other) in variants.enumerated() where i != j { #expect(one != other) }
        }
    }

    @Test func aCopyChangedLeavesTheOriginalAsItWas() {
        var original = Self.deal()
        original.assignments = [Self.assignment]
        var copy = original
        copy.assignments.append(Assignment(at: Date(timeIntervalSince1970: 120), by: "mia", from: "rita", to: "sam"))
        copy.paymentTerms = PaymentTerms(method: .creditCard)
        #expect(original.assignments == [Self.assignment])
        #expect(original.paymentTerms == nil)
        #expect(copy.assignments.count == 2)
        #expect(copy.paymentTerms?.method == .creditCard)
    }

    @Test func everySetOfCallStepsIsKeptAsItsBits() {
        for bits in 0..<UInt8(1 << CallStep.allCases.count) {
            let steps = Set(CallStep.allCases.enumerated().filter { bits & 1 << $0.offset != 0 }.map(\.element))
            var deal = Self.deal()
            deal.callSteps = steps
            #expect(deal.callSteps == steps)
            #expect(deal.callStepBits == bits)
            #expect(CallStep.bits(of: steps) == bits)
            #expect(CallStep.steps(ofBits: bits) == steps)
        }
    }

    @Test func bitsPastTheLastStepAreDropped() {
        var deal = Self.deal()
        deal.callStepBits = 0xF0 | 0b0101
        #expect(deal.callStepBits == 0b0101)
        #expect(deal.callSteps == [CallStep.allCases[0], CallStep.allCases[2]])
        #expect(CallStep.steps(ofBits: 0xF0).isEmpty)
    }

    /// The deal's box is what 100,000 deals hold 100,000 times: 360 bytes of fields since the rare
    /// ones went out of line and the call steps became bits (432 before).
    @Test func aDealsFieldsStaySmall() {
        #expect(MemoryLayout<Deal.Fields>.size <= 360)
    }
}
