import Foundation
import FunnelCore
import Testing

@testable import FunnelTUI

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
