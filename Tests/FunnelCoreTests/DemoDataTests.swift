import Foundation
import Testing

@testable import FunnelCore

@Suite("Demo data")
struct DemoDataTests {
    @Test func theSameSeedGivesTheSameDeals() {
        let pipeline = PipelineTemplate.simple.pipeline
        let a = DemoData.deals(count: 200, pipeline: pipeline, now: Fx.now, seed: 7)
        let b = DemoData.deals(count: 200, pipeline: pipeline, now: Fx.now, seed: 7)
        #expect(a == b)
        let c = DemoData.deals(count: 200, pipeline: pipeline, now: Fx.now, seed: 8)
        #expect(a.map(\.id) != c.map(\.id))
        #expect(DemoData.deals(count: 0, pipeline: pipeline, now: Fx.now).isEmpty)
    }

    @Test func theTeamHasAManagerAndThreeOrFourReps() {
        #expect(DemoData.team.managers.map(\.account) == [DemoData.manager])
        #expect((3...4).contains(DemoData.team.reps.count))
    }

    @Test func theTeamGrowsWithTheDealsAndStartsWithTheFirstMembers() {
        let pipeline = PipelineTemplate.simple.pipeline
        let small = DemoData.world(count: 60, pipeline: pipeline, now: Fx.now).team
        #expect(small.users.map(\.account) == ["dana", "yossi", "layla"])
        let large = DemoData.world(count: 20_000, pipeline: pipeline, now: Fx.now).team
        #expect(large.reps.count >= 15)
        #expect(large.managers.count == (large.reps.count + 7) / 8)
        #expect(Set(large.users.map(\.account)).count == large.users.count)
        #expect(large.users.allSatisfy { User.isValidAccount($0.account) })
        #expect(Array(large.users.map(\.account).prefix(1)) == [DemoData.manager])
    }

    @Test(arguments: PipelineTemplate.allCases)
    func twoThousandDealsFillEveryWorkingStage(template: PipelineTemplate) {
        let pipeline = template.pipeline
        let deals = DemoData.deals(count: 2_000, pipeline: pipeline, now: Fx.now)
        #expect(deals.count == 2_000)
        // The inbox holds only leads that arrived minutes ago (a rep accepts within minutes), so
        // it may well be empty; open, won and lost stages all have deals.
        let kinds = Set(deals.compactMap { pipeline.stage(id: $0.stage)?.kind })
        #expect(kinds.isSuperset(of: [.open, .won, .lost]))
        #expect(deals.filter { $0.owner == nil }.allSatisfy { Fx.now.timeIntervalSince($0.created) <= 600 })
        #expect(Set(deals.map(\.id)).count == 2_000)
        #expect(deals.allSatisfy { DealID.isWellFormed($0.id) && $0.id.count == DealID.length })
        // Every open stage gets someone, so the board has something in every working column.
        for stage in pipeline.stages where stage.kind == .open {
            #expect(deals.contains { $0.stage == stage.id }, "no demo deal in \(stage.id)")
        }
    }

    @Test(arguments: PipelineTemplate.allCases)
    func everyDemoDealPassesTheDomainsRules(template: PipelineTemplate) {
        let pipeline = template.pipeline
        let team = DemoData.team
        let manager = team.user(DemoData.manager)!
        for deal in DemoData.deals(count: 200, pipeline: pipeline, now: Fx.now) {
            let stage = pipeline.stage(id: deal.stage)
            #expect(stage != nil, "\(deal.id) is in unknown stage \(deal.stage)")
            guard let stage else { continue }
            if stage.kind == .inbox {
                #expect(deal.owner == nil)
            } else {
                #expect(deal.owner.flatMap(team.user)?.role == .rep, "\(deal.id): owner \(deal.owner ?? "nil")")
            }
            if stage.kind == .won { #expect(deal.value != nil) }
            if stage.kind == .lost { #expect(deal.lostReason.map(pipeline.lostReasons.contains) == true) }
            if stage.entryRequirements.contains(.nextAction) { #expect(deal.nextAction != nil) }
            if stage.kind.isClosed { #expect(deal.nextAction == nil) }
            #expect(deal.value.map { $0 >= 0 } ?? true)
            #expect(deal.currency == pipeline.defaultCurrency)
            // The same checks every change must pass, as if each deal had just entered its stage.
            let context = RuleContext(
                before: nil, after: deal, actor: manager, pipeline: pipeline, team: team,
                today: Day(Fx.now, utcOffset: 0))
            for rule in Funnel.standardRules {
                let refusal = rule.check(context)
                #expect(refusal == nil, "\(deal.id) in \(deal.stage): \(refusal?.description ?? "")")
            }
        }
    }

    @Test(arguments: PipelineTemplate.allCases)
    func historiesAreCompleteAndInOrder(template: PipelineTemplate) {
        let pipeline = template.pipeline
        for deal in DemoData.deals(count: 200, pipeline: pipeline, now: Fx.now) {
            #expect(deal.history.first?.from == nil)
            #expect(deal.history.first?.at == deal.created)
            #expect(deal.history.last?.to == deal.stage)
            #expect(deal.history.last?.at == deal.stageEntered)
            for (earlier, later) in zip(deal.history, deal.history.dropFirst()) {
                #expect(later.from == earlier.to)
                #expect(later.at >= earlier.at)
            }
            #expect(deal.history.allSatisfy { pipeline.stage(id: $0.to) != nil && $0.at <= Fx.now })
            #expect(deal.created <= Fx.now)
            #expect(deal.revision >= 1)
        }
    }

    @Test(arguments: PipelineTemplate.allCases)
    func timesAreWholeSecondsAsTheStoreKeepsThem(template: PipelineTemplate) {
        // The store writes ISO 8601 times in whole seconds; a demo deal must read back exactly as generated.
        let deals = DemoData.deals(count: 200, pipeline: template.pipeline, now: Fx.now)
        func whole(_ date: Date) -> Bool { date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970 }
        #expect(deals.allSatisfy { whole($0.created) && whole($0.stageEntered) && whole($0.updated) })
        let fractional = deals.flatMap(\.history).filter { !whole($0.at) }.count
        #expect(fractional == 0, "history times with fractions of a second")
    }

    @Test func namesAreHebrewArabicAndEnglishAndNextActionsSpreadAroundToday() {
        let deals = DemoData.deals(count: 200, pipeline: PipelineTemplate.simple.pipeline, now: Fx.now)
        func has(_ range: ClosedRange<UInt32>) -> Bool {
            deals.contains { $0.title.unicodeScalars.contains { range.contains($0.value) } }
        }
        #expect(has(0x05D0...0x05EA), "Hebrew")
        #expect(has(0x0620...0x064A), "Arabic")
        #expect(has(0x41...0x7A), "Latin")
        let dates = deals.compactMap(\.nextAction?.date)
        #expect(dates.contains { $0 < Fx.today })
        #expect(dates.contains { $0 > Fx.today })
    }
}
