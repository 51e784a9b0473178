import Foundation
import FunnelCore

/// The new-deal form.
public struct DealForm: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case title = "Title", company = "Company", contact = "Contact", phone = "Phone", email = "Email"
        case value = "Value", next = "Next action"

        /// The field's label in `language`.
        public func label(in language: Language) -> String {
            let keys: [Field: TextKey] = [
                .title: .fieldTitle, .company: .fieldCompany, .contact: .fieldContact, .phone: .fieldPhone,
                .email: .fieldEmail, .value: .fieldValue, .next: .fieldNextAction,
            ]
            return language.text(keys[self] ?? .fieldTitle)
        }
    }
    /// Each field's text and cursor.
    public var lines: [Field: LineEditor] = [:]
    public var field: Field = .title
    public var errors: [Field: String] = [:]
    /// The stage the deal will be created in.
    public var stage: String

    public init(stage: String) { self.stage = stage }

    /// Each field's text.
    public var values: [Field: String] { lines.mapValues(\.text) }
}
