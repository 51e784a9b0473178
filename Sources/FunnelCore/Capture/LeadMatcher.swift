import Foundation

/// Finds the open deal a captured lead duplicates, by phone (last nine digits) or email (R4).
public struct LeadMatcher: Sendable {
    private var byPhone: [String: String] = [:]
    private var byEmail: [String: String] = [:]

    /// Indexes the open (not won or lost) deals.
    public init<S: Sequence>(deals: S, pipeline: Pipeline) where S.Element == Deal {
        for deal in deals where !(pipeline.stage(id: deal.stage)?.kind.isClosed ?? true) { add(deal) }
    }

    /// Adds a deal (e.g. one just created from an earlier line of the same import).
    public mutating func add(_ deal: Deal) {
        if let key = Lead.phoneKey(deal.phone), byPhone[key] == nil { byPhone[key] = deal.id }
        if let key = Lead.emailKey(deal.email), byEmail[key] == nil { byEmail[key] = deal.id }
    }

    /// The id of the open deal this lead duplicates, if any.
    public func match(_ lead: Lead) -> String? {
        if let key = Lead.phoneKey(lead.phone), let id = byPhone[key] { return id }
        if let key = Lead.emailKey(lead.email), let id = byEmail[key] { return id }
        return nil
    }
}
