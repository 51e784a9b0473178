import Foundation
import FunnelCore

/// A field of the detail pane.
public enum DetailField: String, CaseIterable, Sendable {
    case title, company, contact, phone, email, value, nextAction, stage, owner, priority, notes
    case installments, paymentMethod
    case probability, expectedClose
    case rapport, discovery, presentation, closing

    public var label: String { label(in: .en) }

    /// The field's label in `language`; a call step's is its name after a box.
    public func label(in language: Language) -> String {
        if let step = callStep { return "☐ " + step.label(in: language) }
        let keys: [DetailField: TextKey] = [
            .title: .fieldTitle, .company: .fieldCompany, .contact: .fieldContact, .phone: .fieldPhone, .email: .fieldEmail,
            .value: .fieldValue, .nextAction: .fieldNextAction, .stage: .fieldStage, .owner: .fieldOwner, .notes: .fieldNotes,
            .installments: .fieldInstallments, .paymentMethod: .fieldPayment, .priority: .fieldPriority,
            .probability: .fieldProbability, .expectedClose: .fieldExpectedClose,
        ]
        return keys[self].map { language.text($0) } ?? rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The call-script step this row ticks (R14), if it is one.
    public var callStep: CallStep? { CallStep(rawValue: rawValue) }
}
