import Foundation
import FunnelCore

/// `--installments N` and `--payment-method M` (R20).
enum PaymentArguments {
    /// nil when neither flag is given; otherwise the change that sets (or clears) the terms.
    static func parse(_ arguments: Arguments<EditCommand.Option>, session: Session, id: String) throws -> DealChange? {
        let installmentsText = arguments[.installments]
        let chosen = try arguments.choice(.paymentMethod, as: PaymentMethodChoice.self)
        if installmentsText == nil && chosen == nil { return nil }
        if chosen == PaymentMethodChoice.none {
            if installmentsText != nil { throw CommandFailure.usage("--installments goes with a payment method, not none") }
            return .paymentTerms(nil)
        }
        let current = try session.data { try session.store.loadDeal(id: id) }?.paymentTerms
        var installments = current?.installments ?? PaymentTerms.defaultInstallments
        if let text = installmentsText {
            guard let n = Int(text) else { throw CommandFailure.usage("--installments “\(text)” is not a whole number") }
            installments = n
        }
        let method = chosen?.method ?? current?.method ?? PaymentMethod.allCases[0]
        return .paymentTerms(PaymentTerms(installments: installments, method: method))
    }
}

/// `--payment-method`: a payment method, or none to clear the terms.
enum PaymentMethodChoice: CaseIterable, RawRepresentable, Equatable {
    case method(PaymentMethod)
    case none

    static var allCases: [PaymentMethodChoice] { PaymentMethod.allCases.map(Self.method) + [.none] }

    init?(rawValue: String) {
        if rawValue == "none" {
            self = .none
        } else if let method = PaymentMethod(rawValue: rawValue) {
            self = .method(method)
        } else {
            return nil
        }
    }

    var rawValue: String {
        switch self {
        case .method(let method): method.rawValue
        case .none: "none"
        }
    }

    /// The method chosen; nil for none.
    var method: PaymentMethod? {
        if case .method(let method) = self { return method }
        return nil
    }
}
