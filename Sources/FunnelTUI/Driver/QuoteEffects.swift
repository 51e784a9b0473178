import Foundation
import FunnelBoard
import FunnelCore
import FunnelQuote
import FunnelStore

/// The board's quote effects (R19), run by the driver: the catalogue read, and a quote issued
/// the way `funnel quote` issues it (`QuoteIssuer`). Each ends in an action for the pure update.
extension BoardApp {
    func quote(_ effect: Effect, _ state: BoardState) -> Action {
        do {
            switch effect {
            case .loadProducts(let dealID):
                return .products(dealID: dealID, try store.loadProducts().products)
            case .issueQuote(let dealID):
                let outcome = try QuoteIssuer.issue(
                    store: store, funnel: state.funnel, actor: state.actor, dealID: dealID,
                    language: nil, now: now, utcOffset: state.utcOffset)
                switch outcome {
                case .issued(let deal, let quote, let pdf): return .quoteIssued(deal, number: quote.number, pdf: pdf)
                case .refused(let refusal): return .quoteFailed(refusal.message.text(in: state.language))
                case .notFound: return .quoteFailed(state.text(.statusDealGone))
                }
            default:
                return .tick(state.now)
            }
        } catch {
            return .quoteFailed(Self.describe(error))
        }
    }
}
