import Foundation

extension Pipeline {
    /// The stages deals are in that this pipeline does not have (pipeline.json edited by hand), as
    /// open stages named by their id, sorted: such deals are shown and counted, never hidden.
    public func missingStages<Deals: Sequence>(of deals: Deals) -> [Stage] where Deals.Element == Deal {
        let known = Set(stages.map(\.id))
        var missing = Set<String>()
        for deal in deals where !known.contains(deal.stage) { missing.insert(deal.stage) }
        return missing.sorted().map { Stage(id: $0, name: $0, kind: .open) }
    }
}
