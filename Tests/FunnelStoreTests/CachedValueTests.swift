import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// The snapshot's values in hundredths are checked as integers, so the reader skips the
/// `Decimal` comparisons; a cached value past the limit is still refused.
@Suite struct CachedValueTests {
    static func read(_ write: (inout BinaryWriter) -> Void) -> (Decimal?, cents: UInt64?, inRange: Bool)? {
        var w = BinaryWriter()
        write(&w)
        return w.bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try? DealBinary.readValue(&r)
        }
    }

    @Test func hundredthsUpToTheLimitAreInRangeAndBeyondAreRefused() {
        #expect(Limits.maximumAmount * 100 == Decimal(Limits.maximumCents))
        let top = Self.read {
            $0.u8(1); $0.u64(Limits.maximumCents)
        }
        #expect(top?.0 == Limits.maximumAmount && top?.cents == Limits.maximumCents && top?.inRange == true)
        #expect(
            Self.read {
                $0.u8(1); $0.u64(Limits.maximumCents + 1)
            } == nil)
        #expect(Self.read { $0.u8(0) }?.inRange == true)
        let text = Self.read {
            $0.u8(2); $0.string("12.50")
        }
        #expect(text?.0 == Decimal(string: "12.50") && text?.inRange == false)
    }

    @Test func aDealWithAValueInRangeIsCheckedForEverythingElse() {
        var deal = SFx.deal("abcd2345")
        deal.value = 5
        deal.revision = 0
        #expect(ValuesWithinLimits.violation(in: deal, valueInRange: true) != nil, "the revision is still checked")
        deal.revision = 1
        #expect(ValuesWithinLimits.violation(in: deal, valueInRange: true) == nil)
    }
}
