import Foundation

extension Pipeline {
    /// The stages deals are in that this pipeline does not have (pipeline.json edited by hand), as
    /// open stages named by their id, sorted: such deals are shown and counted, never hidden.
    public func missingStages<Deals: Sequence>(of deals: Deals) -> [Stage] where Deals.Element == Deal {
        let known = Set(stages.map(\.id))
        return missingStages(named: deals.lazy.map(\.stage).filter { !known.contains($0) })
    }

    /// `missingStages(of:)` of deals by id, looked at on every core (the board's 100,000).
    public func missingStages(of deals: [String: Deal]) -> [Stage] {
        let known = Set(stages.map(\.id))
        return missingStages(named: parallelMapValues(deals) { known.contains($0.stage) ? nil : $0.stage }.lazy.compactMap { $0 })
    }

    /// The stages of these ids (each once, sorted) as open stages named by their id.
    private func missingStages<IDs: Sequence>(named ids: IDs) -> [Stage] where IDs.Element == String {
        Set(ids).sorted().map { Stage(id: $0, name: $0, kind: .open) }
    }
}
