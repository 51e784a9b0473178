import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// Issue 13, seeing what to do: the footer's keys come from the key table for each context,
/// a card's flags are never cut, and the detail pane scrolls to the timeline at 80×24.
@Suite struct SeeingWhatToDoTests {
    @Test func theFooterShowsTheKeysThatMatterInEachContext() {
        var state = BoardFixtures.state(width: 80, height: 24)
        func footer() -> String { BoardRender.render(state).line(23) }
        for needed in ["t today", "c log a call", "? help"] { #expect(footer().contains(needed), "board: \(footer())") }
        #expect(!footer().contains("a accept"))

        state.recompute(keeping: "ffff6666")
        #expect(footer().contains("a accept") && footer().contains("x reject"), "inbox: \(footer())")
        #expect(footer().contains("t today") && footer().contains("c log a call"))

        BoardFixtures.press([.char("t")], &state)
        #expect(footer().contains("c log a call") && footer().contains("Enter jump"), "today: \(footer())")
        BoardFixtures.press([.escape], &state)

        state.recompute(keeping: "aaaa1111")
        BoardFixtures.press([.enter], &state)
        #expect(
            footer().contains("Enter edit") && footer().contains("c log a call") && footer().contains("? help"),
            "detail: \(footer())")

        BoardFixtures.press([.escape, .char("c"), .char("r")], &state)
        #expect(footer().contains("Enter accept") && footer().contains("Esc cancel"), "prompt: \(footer())")
    }

    @Test func everyFooterHintIsABindingOfItsContext() {
        for context in KeyContext.allCases {
            for hint in KeyHints.hints(for: context, inbox: true) {
                #expect(KeyTable.bindings.contains { $0.context == context && $0.hint?.text == hint.text })
            }
        }
        #expect(KeyHints.line(for: .board, inbox: false, width: 20).contains("t today"), "rank 0 always shows")
    }

    @Test func flagsThatDoNotFitAreCountedNotCut() {
        var deal = BoardFixtures.deal("zzzz9999", "Everything wrong", stage: "new", owner: "dana", next: -3, enteredDaysAgo: 5)
        deal.activities = (0..<6).map {
            Activity(at: BoardFixtures.now.addingTimeInterval(Double(-600 * ($0 + 1))), by: "dana", kind: .call, outcome: .noAnswer)
        }
        let state = BoardFixtures.state([deal], width: 80, height: 24)
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: 0)
        #expect(flags.count >= 4)
        let line = BoardRender.render(state).text.split(separator: "\n").first { $0.contains("✖6 tries") }.map(String.init) ?? ""
        #expect(line.contains("✖6 tries"), "the most urgent flag first: \(line)")
        #expect(line.range(of: #"\+\d"#, options: .regularExpression) != nil, "the rest counted: \(line)")
        #expect(!line.contains("⚑st ") && !line.contains("…"), "nothing cut: \(line)")
        let (shown, hidden) = CardView.fit(["✖6 tries", "◷late", "✉", "⚑stuck"], width: 12)
        #expect(shown == ["✖6 tries"] && hidden == 3)
    }

    @Test func theDetailPaneScrollsToTheTimelineAndStageHistoryAt80x24() {
        var deal = BoardFixtures.deal("aaaa1111", "Long story", stage: "meeting", owner: "dana")
        deal.activities = (0..<12).map {
            Activity(
                at: BoardFixtures.now.addingTimeInterval(Double(-3_600 * ($0 + 1))), by: "dana", kind: .call,
                outcome: .noAnswer, note: "try \($0)")
        }
        deal.history.append(StageChange(at: BoardFixtures.now, by: "dana", from: "new", to: "meeting"))
        var state = BoardFixtures.state([deal], width: 80, height: 24)
        state.recompute(keeping: "aaaa1111")
        BoardFixtures.press([.enter], &state)
        #expect(!BoardRender.render(state).text.contains("Timeline"))
        for _ in 0..<22 { BoardFixtures.press([.down], &state) }
        let text = BoardRender.render(state).text
        #expect(text.contains("Timeline — 12 unanswered attempts"), "\(text)")
        #expect(text.contains("↑") && text.contains("above"))
        BoardFixtures.press([.pageDown, .pageDown], &state)
        let end = BoardRender.render(state).text
        #expect(end.contains("Stage history"))
        #expect(end.contains("created in Meeting / quote"))
        BoardFixtures.press([.pageUp, .pageUp, .pageUp], &state)
        for _ in 0..<30 { BoardFixtures.press([.up], &state) }
        #expect(state.detail?.field == .title && state.detail?.scroll == 0)
    }
}
