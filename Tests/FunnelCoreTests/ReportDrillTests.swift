import Foundation
import Testing

@testable import FunnelCore

/// Every figure's deals (`ReportDrill`) number exactly what the report counts (`ReportBuilder`).
@Suite("The deals behind the report's figures")
struct ReportDrillTests {
    @Test(arguments: [ReportPeriod.Kind.week, .month, .all])
    func eachFigureListsAsManyDealsAsItCounts(kind: ReportPeriod.Kind) {
        let pipeline = PipelineTemplate.simple.pipeline
        let deals = DemoData.deals(count: 600, pipeline: pipeline, now: Fx.now, seed: 3)
        let period = ReportPeriod.trailing(kind, today: Day(Fx.now, utcOffset: 0))
        let report = ReportBuilder.build(
            deals: deals, pipeline: pipeline, team: DemoData.team, period: period, now: Fx.now,
            utcOffset: 0)
        func count(_ figure: ReportFigure) -> Int {
            ReportDrill.deals(figure, in: deals, pipeline: pipeline, period: period, now: Fx.now, utcOffset: 0).count
        }
        for stage in report.stages { #expect(count(.stage(stage.stage.id)) == stage.openDeals, "\(stage.stage.id)") }
        for conversion in report.conversions {
            #expect(count(.entered(conversion.from.id)) == conversion.entered && count(.reached(conversion.from.id)) == conversion.reached)
        }
        #expect(count(.won) == report.won && count(.lost) == report.lost && count(.new) == report.newDeals)
        for loss in report.losses { #expect(count(.lostFrom(loss.stage.id)) == loss.lost) }
        for reason in report.lostReasons { #expect(count(.reason(reason.reason)) == reason.count, "\(reason.reason)") }
        for seller in report.team {
            #expect(count(.seller(seller.user.account)) == seller.open)
            #expect(count(.overdue(seller.user.account)) == seller.overdueNextActions)
            #expect(count(.stuck(seller.user.account)) == seller.stuck)
        }
        #expect(report.won + report.lost > 0 && report.stages.contains { $0.openDeals > 0 }, "the data exercises the figures")
    }

    @Test func figuresAreReadAsTyped() {
        let pipeline = PipelineTemplate.simple.pipeline
        #expect(ReportFigure.parse("stage:Follow-up", pipeline: pipeline) == .stage("follow-up"))
        #expect(ReportFigure.parse("lost:meeting / QUOTE", pipeline: pipeline) == .lostFrom("meeting"))
        #expect(ReportFigure.parse("stuck", pipeline: pipeline) == .stuck(nil))
        #expect(ReportFigure.parse("overdue:rita", pipeline: pipeline) == .overdue("rita"))
        #expect(ReportFigure.parse("reason:No budget", pipeline: pipeline) == .reason("No budget"))
        #expect(ReportFigure.parse("stage:nowhere", pipeline: pipeline) == nil)
        #expect(ReportFigure.parse("won:x", pipeline: pipeline) == nil && ReportFigure.parse("", pipeline: pipeline) == nil)
        #expect(ReportFigure.parse(ReportFigure.stuckIn("follow-up").name, pipeline: pipeline) == .stuckIn("follow-up"))
    }
}
