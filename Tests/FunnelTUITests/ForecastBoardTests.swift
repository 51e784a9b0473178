import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// Weighted value in the columns' headers, the month's goal in boss mode's header, and a deal's
/// probability and expected close in the detail pane (now 2026-11-24, pipeline `simple`: new 10 %).
@Suite("Forecast and goals on the board")
struct ForecastBoardTests {
    @Test func anOpenColumnsHeaderShowsItsWeightedValueBesideItsTotal() throws {
        var state = BoardFixtures.state(width: 200)
        let new = try #require(state.stages.firstIndex { $0.id == "new" })
        // aaaa1111 1 000 and bbbb2222 12 500 in New inquiry (10 %): ₪13,500, weighted ₪1,350.
        #expect(state.index.weighted[new] == 1_350)
        #expect(BoardRender.render(state).line(2).contains("2 · ₪13,500 · ≈₪1,350"))
        // A deal's own probability counts instead of its stage's, kept one change at a time.
        var deal = try #require(state.deals["bbbb2222"])
        deal.probability = 60
        state.replace(deal)
        #expect(state.index.weighted[new] == 7_600)
        #expect(BoardRender.render(state).line(2).contains("2 · ₪13,500 · ≈₪7,600"))
        // Without a probability on any stage, no weighted value is shown at all.
        var plain = BoardFixtures.funnel
        for i in plain.pipeline.stages.indices { plain.pipeline.stages[i].probability = nil }
        var bare = BoardFixtures.state(width: 200)
        bare.funnel = plain
        bare.recompute(keeping: nil)
        #expect(!BoardRender.render(bare).text.contains("≈"))
        // …unless a card has its own: then its column shows the weighted value of the cards that have one.
        var own = try #require(bare.deals["bbbb2222"])
        own.probability = 60
        bare.replace(own)
        #expect(BoardRender.render(bare).line(2).contains("2 · ₪13,500 · ≈₪7,500"))
        #expect(BoardRender.render(bare).text.components(separatedBy: "≈").count == 2, "only that column")
    }

    @Test func bossModesHeaderFollowsTheMonthsGoal() throws {
        var won = BoardFixtures.deal("won11111", "Signed", stage: "customer", owner: "yossi", value: 120_000)
        won.history = [
            StageChange(at: BoardFixtures.now.addingTimeInterval(-30 * 86_400), by: "yossi", from: nil, to: "new"),
            StageChange(at: BoardFixtures.now.addingTimeInterval(-86_400), by: "yossi", from: "new", to: "customer"),
        ]
        var state = BoardFixtures.state(BoardFixtures.mixedDeals + [won], width: 200)
        state.goals = [
            Goal(month: Month(iso: "2026-11")!, seller: nil, kind: .wonValue, target: 200_000),
            Goal(month: Month(iso: "2026-11")!, seller: "layla", kind: .wonDeals, target: 3),
        ]
        #expect(BoardRender.render(state).line(0).contains("Goal Nov 2026: ₪120,000 of ₪200,000 · ₪80,000 to go · 7 days left"))
        // A deal won on the board moves the goal on without a reload.
        let deal = try #require(state.deals["bbbb2222"])
        let after = try BoardFixtures.funnel.apply(
            .move(to: "customer"), to: deal, by: BoardFixtures.team.user("dana")!,
            now: BoardFixtures.now
        ).get()
        state.replace(after)
        #expect(BoardRender.render(state).line(0).contains("₪132,500 of ₪200,000 · ₪67,500 to go"))
        // One seller's cards: that seller's goal.
        state.scope = .seller("layla")
        state.recompute(keeping: nil)
        #expect(BoardRender.render(state).line(0).contains("Goal Nov 2026: 0 of 3 · 3 to go · 7 days left"))
        // A rep's board has no goal in its header.
        var rep = BoardFixtures.state(actor: "yossi", width: 200, boss: false)
        rep.goals = state.goals
        #expect(!BoardRender.render(rep).line(0).contains("Goal"))
    }

    /// A deal won yesterday in `stage` of pipeline `pipeline` (nil: the first), owned by `owner`.
    static func wonDeal(_ id: String, stage: String, pipeline: String?, owner: String, value: Decimal) -> Deal {
        var won = BoardFixtures.deal(id, "Signed \(id)", stage: stage, owner: owner, value: value)
        won.pipeline = pipeline
        won.history = [
            StageChange(at: BoardFixtures.now.addingTimeInterval(-30 * 86_400), by: owner, from: nil, to: "new"),
            StageChange(at: BoardFixtures.now.addingTimeInterval(-86_400), by: owner, from: "new", to: stage),
        ]
        return won
    }

    @Test func theHeadersGoalCountsEveryPipelineAndTheReportScreenAgrees() throws {
        var renewals = PipelineTemplate.b2b.pipeline
        renewals.defaultCurrency = "USD"
        let set = PipelineSet(first: BoardFixtures.funnel.pipeline, others: [PipelineEntry(id: "renewals", pipeline: renewals)])
        var state = BoardFixtures.state(
            BoardFixtures.mixedDeals + [Self.wonDeal("won11111", stage: "customer", pipeline: nil, owner: "yossi", value: 120_000)], width: 200)
        state.pipelines = set
        // Renewals' deal won in its own won stage counts, in shekels (the goal's money, the first pipeline's).
        state.dealsElsewhere = [Self.wonDeal("ren11111", stage: "closed", pipeline: "renewals", owner: "layla", value: 30_000)]
        state.goals = [Goal(month: Month(iso: "2026-11")!, seller: nil, kind: .wonValue, target: 200_000)]
        #expect(BoardRender.render(state).line(0).contains("Goal Nov 2026: ₪150,000 of ₪200,000 · ₪50,000 to go"))
        let report = state.report(ReportScreen(period: .month, seller: nil))
        #expect(report.goals.first?.actual == 150_000 && report.goals.first?.currency == "ILS")
        // Shown renewals instead (in dollars): the same goal, the same shekels, the first pipeline's deal counted as read.
        PipelineFlow.show(
            try #require(set.entry(id: "renewals")), of: set, team: BoardFixtures.team,
            allDeals: Array(state.deals.values) + state.dealsElsewhere, &state)
        #expect(BoardRender.render(state).line(0).contains("₪150,000 of ₪200,000"))
        // A deal won live on the shown board adds its part; the other pipelines' stays.
        var deal = Self.wonDeal("ren22222", stage: "closed", pipeline: "renewals", owner: "layla", value: 5_000)
        deal.currency = "ILS"
        state.replace(deal)
        #expect(BoardRender.render(state).line(0).contains("₪155,000 of ₪200,000"))
        // A deal of another pipeline (the first's, not shown) won by another process counts at once.
        state.replace(Self.wonDeal("won33333", stage: "customer", pipeline: nil, owner: "yossi", value: 10_000))
        #expect(BoardRender.render(state).line(0).contains("₪165,000 of ₪200,000"))
        #expect(state.dealsElsewhere.filter { $0.id == "won33333" }.count == 1)
    }

    @Test func aRepsTeamGoalOnTheReportScreenCountsOnlyTheirOwnDeals() throws {
        var state = BoardFixtures.state(
            BoardFixtures.mixedDeals + [
                Self.wonDeal("won11111", stage: "customer", pipeline: nil, owner: "yossi", value: 120_000),
                Self.wonDeal("won22222", stage: "customer", pipeline: nil, owner: "layla", value: 7_000),
            ], actor: "yossi", width: 200, boss: false)
        state.goals = [Goal(month: Month(iso: "2026-11")!, seller: nil, kind: .wonValue, target: 200_000)]
        // Layla's win is not yossi's to read.
        #expect(state.report(ReportScreen(period: .month, seller: nil)).goals.first?.actual == 120_000)
    }

    @Test func theReportScreensTeamShowsEachSellersWeightedValueWhenItFits() throws {
        var wide = BoardFixtures.state(width: 160, height: 200)
        let report = wide.report(ReportScreen(period: .month, seller: nil))
        let yossi = try #require(report.team.first { $0.user.account == "yossi" }?.weightedValue)
        BoardFixtures.press([.char("r")], &wide)
        let text = BoardRender.render(wide).text
        // yossi's open deals: ₪1,850 weighted, a figure only the new column shows.
        #expect(yossi == 1_850)
        let row = try #require(text.split(separator: "\n").first { $0.contains(String(format: "%4d %4d %4d", 3, 0, 0)) })
        #expect(text.contains("weighted") && row.contains("₪1,850"), "\(row)")
        // Too narrow: the column is left out rather than cut.
        var narrow = BoardFixtures.state(width: 80, height: 200)
        BoardFixtures.press([.char("r")], &narrow)
        #expect(!BoardRender.render(narrow).text.contains("₪1,850"))
    }

    @Test func theDetailPaneShowsAndEditsProbabilityAndExpectedClose() throws {
        var state = BoardFixtures.state(width: 160, height: 50)
        state.column = try #require(state.stages.firstIndex { $0.id == "new" })
        state.rows[state.column] = try #require(state.columnIDs[state.column].firstIndex(of: "bbbb2222"))
        BoardFixtures.press([.enter], &state)
        #expect(BoardRender.render(state).text.contains("the stage's: 10 %  ≈ ₪1,250"))
        while state.detail?.field != .probability { BoardFixtures.press([.down], &state) }
        BoardFixtures.press([.enter], &state)
        BoardFixtures.type("150", &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("a probability of 150 must keep the prompt open")
            return
        }
        #expect(prompt.error?.contains("0 to 100") == true)
        for _ in 0..<3 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("40", &state)
        let effects = BoardFixtures.press([.enter], &state)
        let saved = effects.compactMap { effect -> Deal? in
            if case .save(_, let after) = effect { return after }
            return nil
        }.first
        #expect(saved?.probability == 40)
        #expect(BoardRender.render(state).text.contains("40 %  ≈ ₪5,000"))
        BoardFixtures.press([.down, .enter], &state)
        BoardFixtures.type("2026-12-15", &state)
        let closing = BoardFixtures.press([.enter], &state).compactMap { effect -> Deal? in
            if case .save(_, let after) = effect { return after }
            return nil
        }.first
        #expect(closing?.expectedClose?.iso == "2026-12-15")
        #expect(BoardRender.render(state).text.contains("Exp. close"))
    }

    @Test func theReportScreenShowsTheForecastAndTheGoals() throws {
        var state = BoardFixtures.state(width: 140, height: 200)
        var deal = try #require(state.deals["bbbb2222"])
        deal.expectedClose = Day(iso: "2026-12-10")
        state.replace(deal)
        state.goals = [Goal(month: Month(iso: "2026-11")!, seller: nil, kind: .activities, target: 40)]
        BoardFixtures.press([.char("r")], &state)
        let text = BoardRender.render(state).text
        #expect(text.contains("Forecast by expected close"))
        #expect(text.contains("Dec 2026") && text.contains("1 deal · ₪12,500 · weighted ₪1,250"))
        #expect(text.contains("Goals for Nov 2026"))
        #expect(text.contains("activities: 0 of 40 · 40 to go · 7 days left"))
    }
}
