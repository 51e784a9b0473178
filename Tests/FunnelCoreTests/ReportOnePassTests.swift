import Foundation
import Testing

@testable import FunnelCore

/// The report counts weighted values, deals without a next action and the trailing new deals in
/// its one pass over the deals; each figure must equal its definition computed on its own.
@Suite("Report figures from one pass") struct ReportOnePassTests {
    /// 3,000 demo deals of `template`: a probability on one open stage (a stage without deals
    /// keeps its 0), and every seventh deal a probability of its own.
    static func world(_ template: PipelineTemplate) -> (Pipeline, DemoData.World, [Deal]) {
        var pipeline = template.pipeline
        if let open = pipeline.stages.firstIndex(where: { $0.kind == .open }) { pipeline.stages[open].probability = 35 }
        let world = DemoData.world(count: 3_000, pipeline: pipeline, now: Fx.now)
        var deals = world.deals
        for i in deals.indices where i % 7 == 0 { deals[i].probability = i % 100 }
        return (pipeline, world, deals)
    }

    @Test(arguments: PipelineTemplate.allCases)
    func figuresEqualTheirDefinitions(template: PipelineTemplate) {
        let (pipeline, world, deals) = Self.world(template)
        for period in [ReportPeriod.trailing(.month, today: Fx.today), ReportPeriod.trailing(.week, today: Fx.today)] {
            let report = ReportBuilder.build(deals: deals, pipeline: pipeline, team: world.team, period: period, now: Fx.now, utcOffset: 7_200)
            func stage(_ deal: Deal) -> Stage? { pipeline.stage(id: deal.stage) }
            for figure in report.stages {
                let mine = deals.filter { $0.stage == figure.stage.id }
                let expected = WeightedValue.sum(mine, currency: pipeline.defaultCurrency, stage: stage)
                #expect(figure.weightedValue == (mine.isEmpty && figure.stage.probability != nil ? 0 : expected), "\(figure.stage.id)")
            }
            let kinds = Dictionary(uniqueKeysWithValues: pipeline.stages.map { ($0.id, $0.kind) })
            let open = deals.filter { kinds[$0.stage] == .open || kinds[$0.stage] == .inbox }
            #expect(report.weightedValue == WeightedValue.sum(open, currency: pipeline.defaultCurrency, stage: stage))
            for seller in report.team {
                let mine = deals.filter { kinds[$0.stage] == .open && $0.owner == seller.user.account }
                #expect(seller.weightedValue == WeightedValue.sum(mine, currency: pipeline.defaultCurrency, stage: stage))
            }
            let withoutNext = deals.filter { kinds[$0.stage] == .open && $0.nextAction == nil }.count
            #expect(report.warnings.contains(.openWithoutNextAction(count: withoutNext)) == (withoutNext > 0))
            var earlier: [Int] = []
            var p = period
            while earlier.count < ReportBuilder.trailingPeriods, let before = p.previous {
                earlier.append(deals.filter { before.contains($0.created, utcOffset: 7_200) }.count)
                p = before
            }
            let trailing = Double(earlier.reduce(0, +)) / Double(max(1, earlier.count))
            let frame = ReportFrame(pipeline: pipeline, missing: [], period: period, now: Fx.now, utcOffset: 7_200)
            #expect(ReportTally.counting(deals, frame: frame).trailingNewDeals == trailing)
            // The forecast counts the open and inbox deals with an expected close, as `Forecast.rows` over all of them does.
            let forecast = Forecast.rows(open, stages: frame.stagesByID, currency: pipeline.defaultCurrency, today: Fx.today)
            #expect(report.forecast == forecast)
        }
    }
}
