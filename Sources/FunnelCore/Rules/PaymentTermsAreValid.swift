import Foundation

/// R20: payment terms run over `Limits.installments` (1 … 120) installments. Part of
/// `ValuesWithinLimits`, so the readers refuse what this refuses.
public struct PaymentTermsAreValid: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        Self.violation(in: context.after).map(Refusal.init)
    }

    /// The problem of the deal's payment terms, or nil (no terms, or terms within the limits).
    public static func violation(in deal: Deal) -> Message? {
        guard let terms = deal.paymentTerms, !Limits.installments.contains(terms.installments) else { return nil }
        return .badInstallments(terms.installments)
    }
}
