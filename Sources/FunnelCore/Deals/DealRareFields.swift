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

    /// `Rare` kept out of line (`OutOfLine`), nil while every field is its default: a deal
    /// without them holds 8 bytes for them, not 48 (100,000 deals: 4 MB).
    struct RareFields: Hashable, Sendable {
        // nil exactly when the fields are all defaults, so equal fields make equal values.
        private var box: OutOfLine<Rare>?

        init() {}

        /// The fields (their defaults when none is kept).
        var value: Rare {
            get { box?.value ?? Rare() }
            set { box = newValue.isEmpty ? nil : OutOfLine(newValue) }
        }
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
