import Foundation

/// Plain validity of a deal's fields: a title and a currency code (an active ISO 4217 code,
/// checked when it is set or changed, so a deal kept in a since-withdrawn currency still takes
/// other changes). Ranges (a value is never negative) and lengths are `ValuesWithinLimits`'s.
public struct FieldsAreValid: DealRule {
    /// The longest title, company, contact, phone, email or next action: `Limits.fieldLength`.
    public static let maximumFieldLength = Limits.fieldLength
    /// The longest notes: `Limits.notesLength`.
    public static let maximumNotesLength = Limits.notesLength

    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        let deal = context.after
        if deal.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Refusal(.emptyTitle) }
        if deal.currency != context.before?.currency, !Money.isValidCurrency(deal.currency) { return Refusal(.invalidCurrency(text: deal.currency)) }
        return nil
    }
}
