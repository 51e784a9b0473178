import Foundation
import Testing

@testable import FunnelCore

/// The demo tells a true story at every size (issue #20): dates in order, stages within their
/// limits unless flagged, a day's work per rep, and reports that agree with the simulation.
@Suite("Demo simulation invariants")
struct DemoInvariantTests {
    static let sizes = [60, 600, 5_000]
    static let seeds: [UInt64] = [3, 2026]
    /// Bounds asserted on every rep: open deals, and today's call list at 09:00 on a working day.
    static let maxOpenPerRep = 165
    static let listBounds = 10...40

    static func world(_ count: Int, _ seed: UInt64, _ template: PipelineTemplate) -> DemoData.World {
        DemoData.world(count: count, pipeline: template.pipeline, now: Fx.now, seed: seed)
    }

    static func isOpen(_ deal: Deal, _ pipeline: Pipeline) -> Bool { pipeline.stage(id: deal.stage)?.kind == .open }

    @Test(arguments: sizes, seeds)
    func datesFollowTheEventsThatMadeThem(count: Int, seed: UInt64) {
        for template in PipelineTemplate.allCases {
            let pipeline = template.pipeline
            let deals = Self.world(count, seed, template).deals
            #expect(deals.count == count)
            for deal in deals {
                let times = deal.history.map(\.at) + deal.activities.map(\.at)
                #expect(deal.history.first?.at == deal.created, "\(deal.id): created")
                #expect(zip(deal.history, deal.history.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(deal.id): history order")
                #expect(zip(deal.activities, deal.activities.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(deal.id): activity order")
                #expect(times.allSatisfy { $0 >= deal.created && $0 <= Fx.now }, "\(deal.id): a time outside created … now")
                #expect(deal.stageEntered == deal.history.last?.at && deal.updated == times.max(), "\(deal.id): entered, updated")
                if let next = deal.nextAction {
                    #expect(next.date >= Day(deal.created, utcOffset: 0), "\(deal.id): next action before creation")
                }
                if Self.isOpen(deal, pipeline) { #expect(deal.nextAction != nil, "\(deal.id): open without a next step") }
                if pipeline.stage(id: deal.stage)?.kind.isClosed == true { #expect(deal.nextAction == nil) }
            }
        }
    }

    @Test(arguments: sizes, seeds)
    func aDealPastItsStagesLimitIsFlaggedAndOnlyAFewAre(count: Int, seed: UInt64) throws {
        let pipeline = PipelineTemplate.simple.pipeline
        let open = Self.world(count, seed, .simple).deals.filter { Self.isOpen($0, pipeline) }
        var stuck = 0, overdue = 0, soon = 0
        for deal in open {
            let stage = try #require(pipeline.stage(id: deal.stage))
            let flags = DealFlags.of(deal, pipeline: pipeline, now: Fx.now, utcOffset: 0)
            let days = Fx.now.timeIntervalSince(deal.stageEntered) / 86_400
            if let limit = stage.stuckAfterDays, days > Double(limit) {
                #expect(flags.contains(.stuck), "\(deal.id): \(days) days in \(stage.id) and not flagged")
            }
            if flags.contains(.stuck) { stuck += 1 }
            if flags.contains(.overdue) { overdue += 1 }
            if let date = deal.nextAction?.date, date >= Fx.today, date <= Fx.today.adding(days: 14) { soon += 1 }
        }
        // A few stall (so the flags show something true), most do not; next steps mostly ahead.
        // Shares mean something from 600 leads on (60 leave about five open deals).
        guard count >= 600 else { return }
        #expect(stuck * 5 <= open.count, "\(stuck) of \(open.count) stuck")
        #expect(overdue * 5 <= open.count, "\(overdue) of \(open.count) overdue")
        #expect(soon * 4 >= open.count * 3, "\(soon) of \(open.count) next steps in the next two weeks")
        #expect(stuck > 0 && overdue > 0)
    }

    @Test(arguments: sizes, seeds)
    func eachRepHasADaysWork(count: Int, seed: UInt64) {
        let pipeline = PipelineTemplate.simple.pipeline
        let world = Self.world(count, seed, .simple)
        #expect(world.team.reps.count >= 2)
        let inbox = world.deals.filter { $0.owner == nil }
        for rep in world.team.reps {
            // What the rep sees: their deals and the shared inbox (R15).
            let mine = world.deals.filter { $0.owner == rep.account }
            let open = mine.filter { Self.isOpen($0, pipeline) }.count
            let list = CallList.compute(mine + inbox, pipeline: pipeline, now: Fx.now, utcOffset: 0).count
            #expect(open <= Self.maxOpenPerRep, "\(rep.account): \(open) open deals")
            #expect(list <= Self.listBounds.upperBound, "\(rep.account): \(list) calls today")
            // A small team's reps get fewer leads than a day's work; from 5,000 leads the team is
            // sized by its work, and every rep has a full list.
            if count >= 5_000 { #expect(list >= Self.listBounds.lowerBound, "\(rep.account): \(list) calls today") }
        }
    }

    @Test(arguments: sizes, seeds)
    func theReportAgreesWithTheSimulationsOwnCount(count: Int, seed: UInt64) throws {
        for template in PipelineTemplate.allCases {
            let pipeline = template.pipeline
            let world = Self.world(count, seed, template)
            let tally = world.tally
            let period = ReportPeriod(first: Fx.today.adding(days: -(DemoParameters().days + 1)), last: Fx.today, name: "all")
            let report = ReportBuilder.build(
                deals: world.deals, pipeline: pipeline, team: world.team, period: period,
                now: Fx.now, utcOffset: 0)
            #expect(report.newDeals == tally.created && tally.created == count)
            #expect(report.won == tally.won && report.lost == tally.lost, "\(template)")
            #expect(Dictionary(uniqueKeysWithValues: report.losses.map { ($0.stage.id, $0.lost) }) == tally.lostFrom)
            #expect(Dictionary(uniqueKeysWithValues: report.lostReasons.map { ($0.reason, $0.count) }) == tally.reasons)
            for conversion in report.conversions {
                #expect(conversion.entered == tally.entered[conversion.from.id] ?? 0, "\(template) \(conversion.from.id)")
                #expect(conversion.reached == tally.movedOn[conversion.from.id] ?? 0, "\(template) \(conversion.from.id)")
            }
            for figures in report.stages {
                #expect(figures.openDeals == world.deals.filter { $0.stage == figures.stage.id }.count)
            }
            if let most = tally.lostFrom.values.max() {
                #expect(report.limpingStage.map { tally.lostFrom[$0.id] } == most)
            }
            // The first stage is a day's stay at most for most leads (R10).
            let first = try #require(report.velocity.first { $0.stage.id == pipeline.firstOpenStage.id })
            if let median = first.medianDays, let limit = pipeline.firstOpenStage.stuckAfterDays {
                #expect(median <= Double(limit), "\(template): first stage median \(median) days")
            }
        }
    }
}
