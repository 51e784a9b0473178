import Foundation

/// A quote's sums (R19, R20): each line total rounded once (half-up, to cents); the subtotal
/// is their sum; VAT is the rate applied once to the sum of the lines that are not VAT-exempt,
/// rounded half-up; the total is subtotal + VAT; the total is paid in `installments` equal
/// installments rounded half-up, the last one taking the difference of cents.
public struct QuoteTotals: Hashable, Sendable {
    public var subtotal: Decimal
    /// The lines VAT applies to.
    public var taxable: Decimal
    public var vat: Decimal
    public var total: Decimal
    public var installments: Int
    /// Each installment but the last.
    public var installment: Decimal
    /// The last installment: `total − (installments − 1) × installment`.
    public var lastInstallment: Decimal

    /// The sums of `lines` at `vatPercent`, paid in `installments` (at least one).
    public init(lines: [QuoteLine], vatPercent: Decimal, installments: Int) {
        subtotal = lines.reduce(Decimal(0)) { $0 + $1.total }
        taxable = lines.filter { !$0.vatExempt }.reduce(Decimal(0)) { $0 + $1.total }
        vat = DecimalText.roundHalfUp(taxable * vatPercent / 100)
        total = subtotal + vat
        self.installments = max(1, installments)
        installment = DecimalText.roundHalfUp(total / Decimal(self.installments))
        lastInstallment = total - Decimal(self.installments - 1) * installment
    }

    /// Whether every installment is the same amount.
    public var evenInstallments: Bool { installment == lastInstallment }
}
