import Foundation
import FunnelCore

/// `--installments N` and `--payment-method M` (R20).
enum PaymentArguments {
    /// nil when neither flag is given; otherwise the change that sets (or clears) the terms.
    static func parse(_ arguments: Arguments<EditCommand.Option>, session: Session, id: String) throws -> DealChange? {
        let installmentsText = arguments[.installments]
        let methodText = arguments[.paymentMethod]
        if installmentsText == nil && methodText == nil { return nil }
        if methodText?.lowercased() == "none" {
            if installmentsText != nil { throw CommandFailure.usage("--installments goes with a payment method, not none") }
            return .paymentTerms(nil)
        }
        let current = try session.data { try session.store.loadDeal(id: id) }?.paymentTerms
        var installments = current?.installments ?? PaymentTerms.defaultInstallments
        if let text = installmentsText {
            guard let n = Int(text) else { throw CommandFailure.usage("--installments “\(text)” is not a whole number") }
            installments = n
        }
        var method = current?.method ?? PaymentMethod.allCases[0]
        if let text = methodText {
            guard let m = PaymentMethod(rawValue: text.lowercased()) else {
                throw CommandFailure.usage(
                    "--payment-method “\(text)” is not a method; use " + PaymentMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            method = m
        }
        return .paymentTerms(PaymentTerms(installments: installments, method: method))
    }
}
