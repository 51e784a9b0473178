import Foundation

/// Plain validity of a deal's fields: a title and a currency code. Ranges (a value is never
/// negative) and lengths are `ValuesWithinLimits`'s.
public struct FieldsAreValid: DealRule {
    /// The longest title, company, contact, phone, email or next action: `Limits.fieldLength`.
    public static let maximumFieldLength = Limits.fieldLength
    /// The longest notes: `Limits.notesLength`.
    public static let maximumNotesLength = Limits.notesLength

    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        let deal = context.after
        if deal.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Refusal(.emptyTitle) }
        if !Money.isValidCurrency(deal.currency) { return Refusal(.invalidCurrency(text: deal.currency)) }
        return nil
    }
}
