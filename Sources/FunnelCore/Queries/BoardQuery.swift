import Foundation

/// Deals as the board and `funnel list` show them: filtered, grouped per stage, ordered.
public struct BoardQuery: Sendable, Hashable {
    public var scope: Scope
    public var sort: CardOrder
    /// Case-insensitive text matched against title, company, contact and phone.
    public var filter: String
    /// Only this stage, when set.
    public var stage: String?

    public init(scope: Scope = .mine, sort: CardOrder = .due, filter: String = "", stage: String? = nil) {
        self.scope = scope
        self.sort = sort
        self.filter = filter
        self.stage = stage
    }

    /// Whether `deal` matches the text filter.
    public static func matches(_ deal: Deal, filter: String) -> Bool {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        if needle.isEmpty { return true }
        for field in [deal.title, deal.company, deal.contact, deal.phone]
        where field.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil {
            return true
        }
        let digits = needle.filter(\.isNumber)
        if digits.count >= 3, digits.count == needle.filter({ !$0.isWhitespace && $0 != "-" }).count {
            return deal.phone.filter(\.isNumber).contains(digits)
        }
        return false
    }

    /// The deals `actor` sees with this query, in order.
    public func run<S: Sequence>(_ deals: S, actor: User, utcOffset: Int) -> [Deal] where S.Element == Deal {
        deals.filter { deal in
            Visibility.includes(deal, scope: scope, actor: actor)
                && (stage == nil || deal.stage == stage)
                && BoardQuery.matches(deal, filter: filter)
        }
        .sorted { sort.precedes($0, $1, utcOffset: utcOffset) }
    }

    /// The visible deals grouped by stage id, each group in order; every stage has an entry.
    public func columns<S: Sequence>(_ deals: S, pipeline: Pipeline, actor: User, utcOffset: Int) -> [String: [Deal]]
    where S.Element == Deal {
        var result: [String: [Deal]] = [:]
        for stage in pipeline.stages { result[stage.id] = [] }
        for deal in run(deals, actor: actor, utcOffset: utcOffset) { result[deal.stage, default: []].append(deal) }
        return result
    }
}
