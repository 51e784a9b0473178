import Foundation

/// R19: every quote line has a text, a quantity above zero, a discount of 0 … 100 % and a line
/// total within the money limit; a quote's sums add up. Part of `ValuesWithinLimits`, so the
/// readers refuse what this refuses.
public struct QuoteLinesAreValid: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        Self.violation(in: context.after).map(Refusal.init)
    }

    /// The first problem of the deal's quote lines and issued quotes, or nil.
    public static func violation(in deal: Deal) -> Message? {
        if deal.quoteLines.isEmpty && deal.quotes.isEmpty { return nil }
        if deal.quoteLines.count > Limits.maximumQuoteLines { return .tooManyQuoteLines(limit: Limits.maximumQuoteLines) }
        if deal.quotes.count > Limits.maximumQuotes { return .tooManyQuotes(limit: Limits.maximumQuotes) }
        if let problem = deal.quoteLines.lazy.compactMap(\.violation).first { return problem }
        let draft = QuoteTotals(lines: deal.quoteLines, vatPercent: QuoteSettings.vatPercents.upperBound, installments: 1)
        if draft.total > Limits.maximumAmount { return .quoteTotalTooLarge(limit: Limits.maximumAmount) }
        return deal.quotes.lazy.compactMap(\.violation).first
    }
}
