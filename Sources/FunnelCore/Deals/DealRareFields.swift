import Foundation

extension Deal {
    /// The fields few deals have: payment terms (a won deal's, R20), assignments (R16), billed
    /// modules (R21), quote lines and issued quotes (R19).
    struct Rare: Hashable, Sendable {
        var paymentTerms: PaymentTerms? = nil
        var assignments: [Assignment] = []
        var modules: [BilledModule] = []
        var quoteLines: [QuoteLine] = []
        var quotes: [IssuedQuote] = []

        /// Whether every field is its default (then nothing is kept).
        var isEmpty: Bool {
            paymentTerms == nil && assignments.isEmpty && modules.isEmpty && quoteLines.isEmpty && quotes.isEmpty
        }
    }

    /// `Rare` kept out of line, behind one reference that is nil while every field is its
    /// default: a deal without them holds 8 bytes for them, not 48 (100,000 deals: 4 MB).
    /// Equal and hashed by the fields, as if they were inline; copied on write.
    struct RareFields: Hashable, Sendable {
        private final class Box: @unchecked Sendable {
            // Safe to share: changed only through a `RareFields` holding the sole reference.
            var value: Rare
            init(_ value: Rare) { self.value = value }
        }
        private var box: Box?

        init() {}

        /// The fields (their defaults when none is kept).
        var value: Rare {
            get { box?.value ?? Rare() }
            set {
                if newValue.isEmpty {
                    box = nil
                } else if isKnownUniquelyReferenced(&box) {
                    box?.value = newValue
                } else {
                    box = Box(newValue)
                }
            }
        }

        static func == (a: RareFields, b: RareFields) -> Bool { a.box === b.box || a.value == b.value }

        func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
    }
}

extension CallStep {
    /// The steps as bits, bit i for `allCases[i]`: how a deal keeps them and the snapshot stores them.
    public static func bits(of steps: Set<CallStep>) -> UInt8 {
        ordered.indices.reduce(0) { steps.contains(ordered[$1]) ? $0 | 1 << $1 : $0 }
    }

    /// The steps that `bits` names (bits past the last step are ignored).
    public static func steps(ofBits bits: UInt8) -> Set<CallStep> {
        guard bits & allBits != 0 else { return [] }
        return Set(ordered.indices.lazy.filter { bits & 1 << $0 != 0 }.map { ordered[$0] })
    }

    /// Every step's bit.
    public static let allBits = UInt8(1 << ordered.count - 1)

    /// `allCases`, made once (a synthesized `allCases` is a new array on each call).
    static let ordered = CallStep.allCases
}
