import Foundation

/// Every pipeline's report summed (`funnel report --pipeline all`): what can be added across
/// pipelines whose stages differ: open deals and value, won, lost, new deals, the win rate.
public struct PipelineTotals: Hashable, Sendable {
    public var pipelines: Int
    public var openDeals: Int
    /// The open deals' value; nil when the pipelines report in different currencies.
    public var openValue: Decimal?
    public var currency: String
    public var won: Int
    public var lost: Int
    public var newDeals: Int
    public var winRate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }

    /// The totals of `reports` (one per pipeline).
    public init(_ reports: [FunnelReport]) {
        pipelines = reports.count
        let open = reports.flatMap(\.stages).filter { $0.stage.kind == .open || $0.stage.kind == .inbox }
        openDeals = open.reduce(0) { $0 + $1.openDeals }
        currency = reports.first?.currency ?? ""
        let oneCurrency = Set(reports.map(\.currency)).count <= 1
        openValue = oneCurrency ? open.reduce(Decimal(0)) { $0 + $1.totalValue } : nil
        won = reports.reduce(0) { $0 + $1.won }
        lost = reports.reduce(0) { $0 + $1.lost }
        newDeals = reports.reduce(0) { $0 + $1.newDeals }
    }
}

extension Deal {
    /// The deal as its current pipeline's reports see it: the stage history since it entered that
    /// pipeline, entering it counting as its start there (`from` nil); unchanged when it never moved
    /// between pipelines.
    public var historyInItsPipeline: Deal {
        // Read once: a packed history is made again on each read (`DealLog`).
        let history = self.history
        guard let last = history.lastIndex(where: { $0.pipeline != nil }) else { return self }
        var copy = self
        copy.history = Array(history[last...])
        copy.history[0].from = nil
        return copy
    }

    /// `historyInItsPipeline`'s stage changes, read in place (`StageSteps`: a packed history is
    /// made again on each read of `history`, `DealLog`).
    public var changesInItsPipeline: StageSteps { log.steps.inItsPipeline }
}
