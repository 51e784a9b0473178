import Foundation

/// R19: a quote is issued of the deal's lines as they are, in the deal's currency.
public struct IssuedQuoteMatchesLines: DealRule {
    public init() {}

    public func check(_ context: RuleContext) -> Refusal? {
        guard case .issueQuote(let quote)? = context.change, let before = context.before else { return nil }
        guard !before.quoteLines.isEmpty, quote.lines == before.quoteLines else { return Refusal(.quoteNoLines) }
        guard quote.currency == before.currency else { return Refusal(.quoteCorrupt(number: quote.number)) }
        return quote.violation.map(Refusal.init)
    }
}
