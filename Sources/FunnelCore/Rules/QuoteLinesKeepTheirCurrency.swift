import Foundation

/// R19: quote lines are priced in the deal's currency. While a deal has lines, a change that
/// keeps them may not change the currency: that would relabel every line.
public struct QuoteLinesKeepTheirCurrency: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard let before = context.before, !before.quoteLines.isEmpty, context.after.quoteLines == before.quoteLines,
            context.after.currency != before.currency
        else { return nil }
        return Refusal(.currencyWithQuoteLines(dealTitle: before.title, currency: before.currency))
    }
}
