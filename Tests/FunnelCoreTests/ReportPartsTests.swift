import Foundation
import Testing

@testable import FunnelCore

/// The report's deals are counted in parts on every core and the parts' tallies added in order:
/// the report is the one a single pass makes, for any size of part.
@Suite("Report counted in parts") struct ReportPartsTests {
    @Test(arguments: PipelineTemplate.allCases)
    func anySizeOfPartGivesTheReportOfOnePass(template: PipelineTemplate) {
        var (pipeline, world, deals) = ReportOnePassTests.world(template)
        // Two of the largest values: their hundredths overflow a UInt64 when added.
        deals[1].value = Limits.maximumAmount
        deals[2_999].value = Limits.maximumAmount
        for period in [ReportPeriod.trailing(.month, today: Fx.today), ReportPeriod.trailing(.quarter, today: Fx.today)] {
            func report(_ part: Int) -> FunnelReport {
                ReportBuilder.build(deals: deals, pipeline: pipeline, team: world.team, period: period, now: Fx.now, utcOffset: 7_200, part: part)
            }
            let whole = report(Int.max)
            for part in [1, 97, 1_000, 2_999] { #expect(report(part) == whole, "\(template) parts of \(part)") }
        }
    }

    /// Deals in stages the pipeline lacks are found while counting; the report counts them as
    /// open stages of their own, after the pipeline's, in any size of part.
    @Test func stagesThePipelineLacksAreCountedAsOpen() {
        var (pipeline, world, deals) = ReportOnePassTests.world(.simple)
        for i in deals.indices where i % 50 == 0 { deals[i].stage = i % 100 == 0 ? "zz-gone" : "aa-gone" }
        let period = ReportPeriod.trailing(.month, today: Fx.today)
        func report(_ part: Int) -> FunnelReport {
            ReportBuilder.build(deals: deals, pipeline: pipeline, team: world.team, period: period, now: Fx.now, utcOffset: 7_200, part: part)
        }
        let whole = report(Int.max)
        #expect(whole.stages.suffix(2).map(\.stage.id) == ["aa-gone", "zz-gone"])
        #expect(whole.stages.suffix(2).map(\.openDeals) == [30, 30])
        #expect(whole.stages.suffix(2).allSatisfy { $0.stage.kind == .open })
        for part in [1, 97, 2_999] { #expect(report(part) == whole, "parts of \(part)") }
        pipeline.stages.removeAll { $0.id == "new" }
        let without = ReportBuilder.build(deals: deals, pipeline: pipeline, team: world.team, period: period, now: Fx.now, utcOffset: 7_200)
        #expect(without.stages.contains { $0.stage.id == "new" && $0.stage.kind == .open && $0.openDeals > 0 })
    }
}
