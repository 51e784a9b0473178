import Foundation

/// R19: every quote line has a text, a quantity above zero, a discount of 0 … 100 % and a line
/// total within the money limit, and so is the sum of the lines (with the pipeline's VAT, when
/// changed through `Funnel`); a quote's sums add up. Part of `ValuesWithinLimits`, so the
/// readers refuse what this refuses.
public struct QuoteLinesAreValid: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        if let problem = Self.violation(in: context.after) { return Refusal(problem) }
        let vat = context.pipeline.quotes.vatPercent
        guard QuoteTotals(lines: context.after.quoteLines, vatPercent: vat, installments: 1).total <= Limits.maximumAmount else {
            return Refusal(.quoteTotalTooLarge(limit: Limits.maximumAmount))
        }
        return nil
    }

    /// The first problem of the deal's quote lines and issued quotes, or nil.
    public static func violation(in deal: Deal) -> Message? {
        if deal.quoteLines.isEmpty && deal.quotes.isEmpty { return nil }
        if deal.quoteLines.count > Limits.maximumQuoteLines { return .tooManyQuoteLines(limit: Limits.maximumQuoteLines) }
        if deal.quotes.count > Limits.maximumQuotes { return .tooManyQuotes(limit: Limits.maximumQuotes) }
        if let problem = deal.quoteLines.lazy.compactMap(\.violation).first { return problem }
        if QuoteTotals(lines: deal.quoteLines, vatPercent: 0, installments: 1).subtotal > Limits.maximumAmount {
            return .quoteTotalTooLarge(limit: Limits.maximumAmount)
        }
        return deal.quotes.lazy.compactMap(\.violation).first
    }
}
