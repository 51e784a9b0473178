import Foundation

/// What the quote changes do to a deal (R19), before the rules look at it.
extension Funnel {
    /// Adds or removes a quote line, or records an issued quote.
    func quoted(_ deal: Deal, _ change: DealChange, by actor: User, now: Date) -> Result<Deal, Refusal> {
        var next = deal
        switch change {
        case .addLine(var line):
            line.text = line.text.trimmingCharacters(in: .whitespacesAndNewlines)
            next.quoteLines.append(line)  // valid: QuoteLinesAreValid
        case .removeLine(let number):
            guard deal.quoteLines.indices.contains(number - 1) else {
                return .failure(Refusal(.noSuchQuoteLine(number: number, count: deal.quoteLines.count)))
            }
            next.quoteLines.remove(at: number - 1)
        case .issueQuote(let quote):  // of the lines as they are: IssuedQuoteMatchesLines
            next.quotes.append(quote)
            let note = "\(quote.number): \(Money.display(quote.total, currency: quote.currency))"
            next.activities.append(Activity(at: now, by: actor.account, kind: .quote, note: note))
            if next.value == nil { next.value = quote.total }
        default:
            return .success(deal)
        }
        return .success(next)
    }
}
