import Foundation

/// Finds the open deal a captured lead duplicates, by phone (last nine digits) or email (R4);
/// an imported deal also by the same title and company (`match(phone:email:title:company:)`).
public struct LeadMatcher: Sendable {
    private var byPhone: [String: String] = [:]
    private var byEmail: [String: String] = [:]
    private var byTitleCompany: [String: String] = [:]

    /// Indexes the open (not won or lost) deals.
    public init<S: Sequence>(deals: S, pipeline: Pipeline) where S.Element == Deal {
        for deal in deals where !(pipeline.stage(id: deal.stage)?.kind.isClosed ?? true) { add(deal) }
    }

    /// Adds a deal (e.g. one just created from an earlier line of the same import).
    public mutating func add(_ deal: Deal) {
        if let key = Lead.phoneKey(deal.phone), byPhone[key] == nil { byPhone[key] = deal.id }
        if let key = Lead.emailKey(deal.email), byEmail[key] == nil { byEmail[key] = deal.id }
        if let key = Self.titleCompanyKey(deal.title, deal.company), byTitleCompany[key] == nil { byTitleCompany[key] = deal.id }
    }

    /// The id of the open deal this lead duplicates, if any.
    public func match(_ lead: Lead) -> String? {
        if let key = Lead.phoneKey(lead.phone), let id = byPhone[key] { return id }
        if let key = Lead.emailKey(lead.email), let id = byEmail[key] { return id }
        return nil
    }

    /// The id of the open deal a record duplicates, and by what: its phone, its email, or the same
    /// title and company (compared without case and spaces).
    public func match(phone: String, email: String, title: String, company: String) -> (id: String, by: String)? {
        if let key = Lead.phoneKey(phone), let id = byPhone[key] { return (id, "phone") }
        if let key = Lead.emailKey(email), let id = byEmail[key] { return (id, "email") }
        if let key = Self.titleCompanyKey(title, company), let id = byTitleCompany[key] { return (id, "title and company") }
        return nil
    }

    /// Title and company as compared; nil without a company (a title alone is too common to match).
    static func titleCompanyKey(_ title: String, _ company: String) -> String? {
        let squeeze = { (text: String) in text.lowercased().filter { !$0.isWhitespace } }
        let company = squeeze(company)
        return company.isEmpty ? nil : squeeze(title) + "\u{1F}" + company
    }
}
