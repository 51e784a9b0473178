import Foundation
import Testing

@testable import FunnelCore

/// The fields few deals have live out of line (`Deal.RareFields`), as do an activity's module and
/// a stage change's pipeline (`OutOfLine`), and the call steps are bits: a deal still reads,
/// compares, hashes, copies and encodes as if every field were its own.
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

    @Test func anActivitysModuleAndAChangesPipelineCompareAndHashByTheirText() {
        let at = Date(timeIntervalSince1970: 600)
        let a = Activity(at: at, by: "rita", kind: .training, module: "CRM")
        let b = Activity(at: at, by: "rita", kind: .training, module: String("CR") + "M")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != Activity(at: at, by: "rita", kind: .training, module: "ERP"))
        #expect(a != Activity(at: at, by: "rita", kind: .training))
        var c = a
        c.module = nil
        #expect(c == Activity(at: at, by: "rita", kind: .training) && a.module == "CRM")
        let x = StageChange(at: at, by: "mia", from: "new", to: "won", pipeline: "renewals")
        #expect(x == StageChange(at: at, by: "mia", from: "new", to: "won", pipeline: "renew" + "als"))
        #expect(x != StageChange(at: at, by: "mia", from: "new", to: "won"))
        var y = x
        y.pipeline = nil
        #expect(y == StageChange(at: at, by: "mia", from: "new", to: "won") && x.pipeline == "renewals")
    }

    /// Encoded as before they moved out of line: the key only when there is a value.
    @Test func anActivityAndAChangeEncodeTheirOptionalFieldsOnlyWhenSet() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        let at = Date(timeIntervalSince1970: 600)
        let cases: [(Activity, String)] = [
            (
                Activity(at: at, by: "rita", kind: .training, module: "CRM"),
                #"{"at":600,"by":"rita","kind":"training","module":"CRM","note":""}"#
            ),
            (
                Activity(at: at, by: "rita", kind: .call, outcome: .busy, note: "n"),
                #"{"at":600,"by":"rita","kind":"call","note":"n","outcome":"busy"}"#
            ),
        ]
        for (activity, json) in cases { #expect(String(decoding: try encoder.encode(activity), as: UTF8.self) == json) }
        let changes: [(StageChange, String)] = [
            (StageChange(at: at, by: "mia", from: nil, to: "new"), #"{"at":600,"by":"mia","to":"new"}"#),
            (
                StageChange(at: at, by: "mia", from: "new", to: "won", pipeline: "renewals"),
                #"{"at":600,"by":"mia","from":"new","pipeline":"renewals","to":"won"}"#
            ),
        ]
        for (change, json) in changes { #expect(String(decoding: try encoder.encode(change), as: UTF8.self) == json) }
    }

    /// 460,728 activities and 374,805 stage changes in 100,000 demo deals: 8 bytes each saved.
    @Test func anActivityAndAChangeStaySmall() {
        #expect(MemoryLayout<Activity>.stride <= 56)
        #expect(MemoryLayout<StageChange>.stride <= 64)
    }
}
