import Foundation

extension Message {
    /// The catalogue, quote line and quote messages (R19).
    var quoteEntry: (TextKey, [String: String]) {
        switch self {
        case .productBadCode(let code): return (.productBadCode, ["code": code])
        case .productEmptyName: return (.productEmptyName, [:])
        case .productExists(let code): return (.productExists, ["code": code])
        case .tooManyProducts(let limit): return (.tooManyProducts, ["limit": "\(limit)"])
        case .unknownProduct(let code): return (.unknownProduct, ["code": code])
        case .productCurrency(let code, let currency, let deal):
            return (.productCurrency, ["code": code, "currency": currency, "deal": deal])
        case .onlyManagersChangeProducts: return (.onlyManagersChangeProducts, [:])
        case .quoteLineEmptyText: return (.quoteLineEmptyText, [:])
        case .quoteLineQuantity(let quantity): return (.quoteLineQuantity, ["quantity": quantity])
        case .quoteLineDiscount(let discount): return (.quoteLineDiscount, ["discount": discount])
        case .quoteLineTooLarge(let text, let limit): return (.quoteLineTooLarge, ["text": text, "limit": Self.plainLimit(limit)])
        case .quoteTotalTooLarge(let limit): return (.quoteTotalTooLarge, ["limit": Self.plainLimit(limit)])
        case .tooManyQuoteLines(let limit): return (.tooManyQuoteLines, ["limit": "\(limit)"])
        case .tooManyQuotes(let limit): return (.tooManyQuotes, ["limit": "\(limit)"])
        case .noSuchQuoteLine(let number, let count): return (.noSuchQuoteLine, ["number": "\(number)", "count": "\(count)"])
        case .quoteNoLines: return (.quoteNoLines, [:])
        case .quoteCorrupt(let number): return (.quoteCorrupt, ["number": number])
        case .needsQuote(let stage): return (.needsQuote, ["stage": stage])
        case .quoteTemplateUnknownPlaceholder(let language, let placeholder):
            let all = QuoteTemplate.placeholders.map { "{\($0)}" }.joined(separator: ", ")
            return (.quoteTemplateUnknownPlaceholder, ["language": language, "placeholder": placeholder, "placeholders": all])
        case .quoteTemplateUnknownSection(let language, let section):
            let all = QuoteTemplate.Section.allCases.map { "[\($0.rawValue)]" }.joined(separator: ", ")
            return (.quoteTemplateUnknownSection, ["language": language, "section": section, "sections": all])
        case .quoteTemplateTooLong(let language, let limit): return (.quoteTemplateTooLong, ["language": language, "limit": "\(limit)"])
        default: return (.emptyModule, [:])
        }
    }

    static func plainLimit(_ limit: Decimal) -> String {
        Money.display(limit, currency: "").trimmingCharacters(in: .whitespaces)
    }
}
