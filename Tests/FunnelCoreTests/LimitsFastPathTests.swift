import Foundation
import Testing

@testable import FunnelCore

/// `ValuesWithinLimits` first measures every text by its UTF-8 bytes; a text past its limit is
/// still found and named, however deep in the deal it sits.
struct LimitsFastPathTests {
    static let long = String(repeating: "a", count: Limits.fieldLength + 1)
    static let hebrewAtLimit = String(repeating: "ש", count: Limits.fieldLength)

    static func deal() -> Deal {
        var deal = Deal(id: "abcd2345", title: "t", currency: "ILS", owner: "rita", stage: "new", created: Fx.now)
        deal.history = [StageChange(at: Fx.now, by: "rita", from: "new", to: "won")]
        deal.activities = [Activity(at: Fx.now, by: "rita", kind: .training, note: "n", module: "m")]
        deal.assignments = [Assignment(at: Fx.now, by: "dana", from: nil, to: "rita")]
        deal.modules = [BilledModule(module: "m", at: Fx.now, by: "dana")]
        return deal
    }

    static let deepFields: [(String, @Sendable (inout Deal, String) -> Void)] = [
        ("stage change", { $0.history[0] = StageChange(at: Fx.now, by: $1, from: nil, to: "won") }),
        ("stage change", { $0.history[0] = StageChange(at: Fx.now, by: "r", from: $1, to: "won") }),
        ("stage change", { $0.history[0] = StageChange(at: Fx.now, by: "r", from: nil, to: $1) }),
        ("activity author", { $0.activities[0] = Activity(at: Fx.now, by: $1, kind: .call, note: "") }),
        ("module", { $0.activities[0] = Activity(at: Fx.now, by: "r", kind: .training, note: "", module: $1) }),
        ("assignment", { $0.assignments[0] = Assignment(at: Fx.now, by: $1, from: nil, to: nil) }),
        ("assignment", { $0.assignments[0] = Assignment(at: Fx.now, by: "d", from: $1, to: nil) }),
        ("assignment", { $0.assignments[0] = Assignment(at: Fx.now, by: "d", from: nil, to: $1) }),
        ("module", { $0.modules[0] = BilledModule(module: $1, at: Fx.now, by: "d") }),
        ("module", { $0.modules[0] = BilledModule(module: "m", at: Fx.now, by: $1) }),
        ("source", { $0.source = $1 }), ("id", { $0.id = $1 }), ("owner", { $0.owner = $1 }),
        ("lost reason", { $0.lostReason = $1 }), ("currency", { $0.currency = $1 }), ("stage", { $0.stage = $1 }),
    ]

    @Test func aLongTextAnywhereIsNamedAndTwoByteLettersAtTheLimitPass() {
        #expect(ValuesWithinLimits.violation(in: Self.deal()) == nil)
        for (field, set) in Self.deepFields {
            var deal = Self.deal()
            set(&deal, Self.long)
            #expect(ValuesWithinLimits.violation(in: deal) == .fieldTooLong(field: field, limit: Limits.fieldLength), "\(field)")
            set(&deal, Self.hebrewAtLimit)
            #expect(ValuesWithinLimits.violation(in: deal) == nil, "\(field) at the limit in two-byte letters")
        }
    }
}
