import Foundation
import FunnelCore
import FunnelPDF
import FunnelStore

/// Issuing a quote (R19), for the command line and the board alike: the template read and
/// checked, then, under the data lock, the number taken, the quote frozen through `Funnel.apply`,
/// the PDF typeset and written, the deal saved (`FunnelStore.issueQuote`).
public enum QuoteIssuer {
    /// What issuing came to.
    public enum Outcome: Sendable {
        /// The deal as saved, its new quote, and the PDF's path.
        case issued(Deal, IssuedQuote, pdf: String)
        /// A rule or the template refused; no number was used.
        case refused(Refusal)
        /// No such deal, or not one the actor may see.
        case notFound
    }

    /// Why the PDF could not be made; no number was used.
    public struct PDFFailure: Error, CustomStringConvertible, Sendable {
        /// The logo named by the template cannot be read: the template's to fix (a refusal).
        public let isTemplateProblem: Bool
        public let description: String
    }

    /// The language a deal's quote is in unless one is chosen: the deal's, from its letters.
    public static func language(of deal: Deal) -> Language {
        Language(rawValue: MailLanguage.of(deal).rawValue) ?? .en
    }

    /// The template of `language` in the data directory, else the shipped one; refused when it
    /// has an unknown section or placeholder.
    public static func template(_ language: Language, store: FunnelStore) throws -> Result<QuoteTemplate, Refusal> {
        let text = try store.readQuoteTemplate(language) ?? DefaultQuoteTemplates.template(language).fileText
        return QuoteTemplate.parse(language: language, text: text)
    }

    /// Issues a quote of deal `dealID`'s lines in `language` (nil: the deal's) as `actor` at `now`.
    public static func issue(
        store: FunnelStore, funnel: Funnel, actor: User, dealID: String, language: Language?,
        now: Date, utcOffset: Int
    ) throws -> Outcome {
        guard let deal = try store.loadDeal(id: dealID), Visibility.canSee(deal, actor: actor) else { return .notFound }
        let language = language ?? Self.language(of: deal)
        let template: QuoteTemplate
        switch try Self.template(language, store: store) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let parsed): template = parsed
        }
        var hidden = false
        let year = Day(now, utcOffset: utcOffset).components.year
        let update: FunnelStore.Update
        do {
            update = try store.issueQuote(
                id: dealID, year: year,
                { current, number in
                    guard Visibility.canSee(current, actor: actor) else {
                        hidden = true
                        return .failure(Refusal(.onlyManagersSeeAll))
                    }
                    let quote = IssuedQuote(
                        deal: current, number: number, pipeline: funnel.pipeline, language: language,
                        by: actor.account, now: now, utcOffset: utcOffset)
                    return funnel.apply(.issueQuote(quote), to: current, by: actor, now: now, utcOffset: utcOffset)
                },
                renderPDF: { issued in
                    guard let quote = issued.quotes.last else { return Data() }
                    let layout = QuoteLayoutBuilder.layout(
                        quote, deal: issued, template: template,
                        rep: funnel.team.user(actor.account), dataDirectory: store.root)
                    return Data(try QuotePDF.render(layout))
                })
        } catch let error as QuotePDFError {
            if case .logoUnreadable = error { throw PDFFailure(isTemplateProblem: true, description: "\(error)") }
            throw PDFFailure(isTemplateProblem: false, description: "\(error)")
        }
        if hidden { return .notFound }
        switch update {
        case .notFound: return .notFound
        case .refused(let refusal): return .refused(refusal)
        case .saved(let saved):
            guard let quote = saved.quotes.last, let pdf = store.quotePDFPath(quote, of: saved) else { return .notFound }
            return .issued(saved, quote, pdf: pdf)
        }
    }
}
