import Foundation

/// Plain validity of a deal's fields: a title, a non-negative value, a currency code, sane lengths.
public struct FieldsAreValid: DealRule {
    public static let maximumFieldLength = 500
    public static let maximumNotesLength = 20_000

    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        let deal = context.after
        if deal.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Refusal(.emptyTitle) }
        if let value = deal.value, value < 0 { return Refusal(.negativeValue) }
        if !Money.isValidCurrency(deal.currency) { return Refusal(.invalidCurrency(text: deal.currency)) }
        let fields = [("title", deal.title), ("company", deal.company), ("contact", deal.contact),
                      ("phone", deal.phone), ("email", deal.email), ("next action", deal.nextAction?.text ?? "")]
        for (name, text) in fields where text.count > Self.maximumFieldLength {
            return Refusal(.fieldTooLong(field: name, limit: Self.maximumFieldLength))
        }
        if deal.notes.count > Self.maximumNotesLength {
            return Refusal(.fieldTooLong(field: "notes", limit: Self.maximumNotesLength))
        }
        return nil
    }
}
