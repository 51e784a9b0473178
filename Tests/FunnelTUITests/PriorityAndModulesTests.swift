import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// Issue 13's domain on the board: priority marks, sort and filter, R13's stuck prompt, the
/// priority key in the detail pane; billing and trainings (R21) and the owners' log there.
@Suite struct PriorityAndModulesTests {
    static func deals() -> [Deal] {
        var high = BoardFixtures.deal("aaaa1111", "Urgent renewal", owner: "dana", next: 3)
        high.priority = .high
        var low = BoardFixtures.deal("bbbb2222", "Someday maybe", owner: "dana", next: 1)
        low.priority = .low
        let normal = BoardFixtures.deal("cccc3333", "Plain deal", owner: "dana", next: 2)
        return [high, low, normal]
    }

    @Test func cardsMarkHighAndLowPrioritySortAndFilterByIt() {
        var state = BoardFixtures.state(Self.deals(), width: 120, height: 30)
        let text = BoardRender.render(state).text
        #expect(text.contains("▲ Urgent renewal") && text.contains("▽ Someday maybe"), "\(text)")
        #expect(!text.contains("▲ Plain deal") && !text.contains("▽ Plain deal"))
        #expect(state.columnIDs[1] == ["bbbb2222", "cccc3333", "aaaa1111"], "due order")
        for _ in 0..<4 { BoardFixtures.press([.char("s")], &state) }
        #expect(state.sort == .priority && state.status?.text == "sorted by priority")
        #expect(state.columnIDs[1] == ["aaaa1111", "cccc3333", "bbbb2222"], "high first, low last")
        #expect(BoardRender.render(state).line(0).contains("sort: priority"))

        BoardFixtures.press([.char("f")], &state)
        #expect(BoardRender.render(state).text.contains("▲ high priority"))
        BoardFixtures.press([.end], &state)
        guard case .picker(let picker)? = state.modal else { return }
        for _ in 0..<picker.options.count { BoardFixtures.press([.down], &state) }
        BoardFixtures.press([.enter], &state)
        #expect(state.priorityFilter == .high && state.status?.text == "showing high-priority cards")
        #expect(state.columnIDs[1] == ["aaaa1111"])
        BoardFixtures.press([.escape], &state)
        #expect(state.priorityFilter == nil && state.columnIDs[1].count == 3)
    }

    @Test func aStuckCardsPromptMovesItOnOrLowersItsPriority() {
        let stuck = BoardFixtures.deal("dddd4444", "Going nowhere", stage: "meeting", owner: "dana", next: 2, enteredDaysAgo: 20)
        var state = BoardFixtures.state([stuck], width: 100, height: 30)
        state.recompute(keeping: "dddd4444")
        #expect(BoardRender.render(state).line(29).contains("p stuck: move on or lower priority"), "footer")
        BoardFixtures.press([.char("p")], &state)
        let text = BoardRender.render(state).text
        #expect(text.contains("“Going nowhere”: stuck in Meeting / quote for 20 days"), "\(text)")
        #expect(text.contains("▸ Move it on to Post-meeting / onboarding") && text.contains("Lower its priority to low"))
        BoardFixtures.press([.down, .enter], &state)
        #expect(state.deals["dddd4444"]?.priority == .low && state.status?.text == "“Going nowhere”: priority low")
        BoardFixtures.press([.char("p"), .enter], &state)
        #expect(state.deals["dddd4444"]?.stage == "onboarding", "moved on, through the move's rules")

        let fresh = BoardFixtures.deal("eeee5555", "Fresh", owner: "dana")
        state = BoardFixtures.state([fresh], width: 100, height: 30)
        state.recompute(keeping: "eeee5555")
        #expect(!BoardRender.render(state).line(29).contains("stuck"))
        BoardFixtures.press([.char("p")], &state)
        #expect(BoardRender.render(state).text.contains("Priority of “Fresh”"), "not stuck: the priority list")
    }

    @Test func theDetailPaneSetsThePriority() {
        var state = BoardFixtures.state(Self.deals(), width: 100, height: 40)
        state.recompute(keeping: "cccc3333")
        BoardFixtures.press([.enter], &state)
        #expect(BoardRender.render(state).text.contains("Priority     normal  ▾"))
        BoardFixtures.press([.char("p"), .up], &state)
        let effects = BoardFixtures.press([.enter], &state)
        guard case .save(_, let after)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(after.priority == .high)
        #expect(BoardRender.render(state).text.contains("Priority     ▲ high  ▾"))
    }

    @Test func billingFromTheDetailPaneNeedsTheTrainingFirst() {
        var state = BoardFixtures.state(Self.deals(), width: 100, height: 44)
        state.recompute(keeping: "cccc3333")
        BoardFixtures.press([.enter, .char("b")], &state)
        #expect(BoardRender.render(state).text.contains("Bill a module on “Plain deal”"))
        BoardFixtures.type("Reports", &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        #expect(state.status?.isError == true)
        #expect(BoardRender.render(state).line(43).contains("R21: module “Reports” is billed only after its training is logged"))

        BoardFixtures.press([.char("t")], &state)
        BoardFixtures.type("Reports", &state)
        let trained = BoardFixtures.press([.enter], &state)
        #expect(trained.count == 1 && state.deals["cccc3333"]?.isTrained("Reports") == true)
        BoardFixtures.press([.char("b")], &state)
        #expect(BoardRender.render(state).text.contains("trained: Reports"), "the prompt offers the trained module")
        let billed = BoardFixtures.press([.enter], &state)
        #expect(billed.count == 1 && state.deals["cccc3333"]?.isBilled("Reports") == true)
        let text = BoardRender.render(state).text
        #expect(text.contains("Modules (R21)"), "\(text)")
        #expect(text.contains("Reports  ·  trained  ·  billed 2026-11-24 09:00 dana"), "\(text)")
    }

    @Test func theOwnersLogIsShownWithTheStageHistory() {
        var deal = BoardFixtures.deal("aaaa1111", "Handed over", stage: "follow-up", owner: "dana")
        deal.assignments = [
            Assignment(at: BoardFixtures.now.addingTimeInterval(-7_200), by: "dana", from: nil, to: "yossi"),
            Assignment(at: BoardFixtures.now.addingTimeInterval(-3_600), by: "dana", from: "yossi", to: "dana"),
        ]
        var state = BoardFixtures.state([deal], width: 100, height: 44)
        state.display = TextDisplay(mode: .terminal)
        state.recompute(keeping: "aaaa1111")
        BoardFixtures.press([.enter], &state)
        let text = BoardRender.render(state).text
        #expect(text.contains("Stage history") && text.contains("Owners"), "\(text)")
        #expect(text.contains("2026-11-24 08:00  dana  יוסי כהן → Dana Levi"), "\(text)")
        #expect(text.contains("2026-11-24 07:00  dana  inbox → יוסי כהן"), "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let history = lines.firstIndex { $0.contains("Stage history") } ?? 0
        let owners = lines.firstIndex { $0.contains("Owners") } ?? 0
        #expect(owners > history, "after the stage history")
    }
}
