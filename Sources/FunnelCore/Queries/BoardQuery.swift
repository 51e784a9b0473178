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

    /// Whether `deal` matches the text filter (see `SearchText`).
    public static func matches(_ deal: Deal, filter: String) -> Bool {
        SearchText.matches(SearchText.haystack(deal), folded: SearchText.fold(filter.trimmingCharacters(in: .whitespaces)))
    }

    /// The deals `actor` sees with this query, in order. (An array, not any sequence: a generic
    /// call from another module walked 100,000 deals through unspecialised copies.)
    public func run(_ deals: [Deal], actor: User, utcOffset: Int) -> [Deal] {
        let needle = SearchText.fold(filter.trimmingCharacters(in: .whitespaces))
        let chosen = deals.filter { deal in
            Visibility.includes(deal, scope: scope, actor: actor)
                && (stage == nil || deal.stage == stage)
                && (needle.isEmpty || SearchText.matches(SearchText.haystack(deal), folded: needle))
        }
        return sort.sorted(chosen, utcOffset: utcOffset)
    }

    /// The visible deals grouped by stage id, each group in order; every stage has an entry.
    public func columns(_ deals: [Deal], pipeline: Pipeline, actor: User, utcOffset: Int) -> [String: [Deal]] {
        var result: [String: [Deal]] = [:]
        for stage in pipeline.stages { result[stage.id] = [] }
        for deal in run(deals, actor: actor, utcOffset: utcOffset) { result[deal.stage, default: []].append(deal) }
        return result
    }
}
