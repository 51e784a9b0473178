import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// Issue 13, logging calls: a note and the next call's date after the outcome key, quick dates,
/// Esc logs nothing, "close as lost (Unreachable)?" after six unanswered attempts, and today's
/// list moving on to the next lead.
@Suite struct LoggingCallsTests {
    func saved(_ effects: [Effect]) -> Deal? {
        for case .save(_, let after) in effects { return after }
        return nil
    }

    func lead(_ id: String, _ title: String, minutesAgo: Double, attempts: Int = 0) -> Deal {
        var deal = BoardFixtures.deal(id, title, stage: "new", owner: "dana", next: nil, enteredDaysAgo: minutesAgo / 1_440)
        deal.activities = (0..<attempts).map {
            Activity(at: BoardFixtures.now.addingTimeInterval(Double(-3_600 * ($0 + 1))), by: "dana", kind: .call, outcome: .noAnswer)
        }
        return deal
    }

    @Test func reachedProposesPlusTwoDaysAndTakesANote() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "dddd4444")
        BoardFixtures.press([.char("c"), .char("r")], &state)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("no date-and-note prompt")
            return
        }
        #expect(prompt.text == "+2d ")
        let screen = BoardRender.render(state)
        #expect(screen.text.contains("→ next call Thu 2026-11-26"))
        BoardFixtures.type("sent the price list", &state)
        #expect(BoardRender.render(state).text.contains("note: sent the price list"))
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.activities.last?.outcome == .reached)
        #expect(after?.activities.last?.note == "sent the price list")
        #expect(after?.nextAction?.date.iso == "2026-11-26")
        #expect(after?.nextAction?.text == "Follow-up call")
    }

    @Test func changingThePrefilledDateTakesTwoKeys() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "dddd4444")
        BoardFixtures.press([.char("c"), .char("r")], &state)
        BoardFixtures.press([.ctrl("u"), .char("m")], &state)
        #expect(saved(BoardFixtures.press([.enter], &state))?.nextAction?.date.iso == "2026-11-25")

        BoardFixtures.press([.char("c"), .char("n")], &state)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == "tomorrow ", "after no answer: tomorrow")
        BoardFixtures.press([.ctrl("w")], &state)
        BoardFixtures.type("fri voicemail full", &state)
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.nextAction?.date.iso == "2026-11-27")
        #expect(after?.activities.last?.note == "voicemail full")
    }

    @Test func escCancelsTheWholeLog() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "dddd4444")
        let before = state.deals["dddd4444"]
        let effects = BoardFixtures.press([.char("c"), .char("n"), .char("x"), .escape], &state)
        #expect(effects.isEmpty)
        #expect(state.modal == nil)
        #expect(state.deals["dddd4444"] == before)
        #expect(state.undo.isEmpty)
    }

    @Test func aDateThatIsNotOneIsExplainedAndNothingIsLogged() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "dddd4444")
        BoardFixtures.press([.char("c"), .char("r"), .ctrl("u")], &state)
        BoardFixtures.type("someday", &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("the prompt closed")
            return
        }
        #expect(prompt.error?.contains("next call's date") == true)
    }

    @Test func theSixthUnansweredAttemptAsksToCloseAsUnreachable() {
        var state = BoardFixtures.state([lead("llll0001", "Ghost lead", minutesAgo: 3_000, attempts: 5)])
        state.recompute(keeping: "llll0001")
        BoardFixtures.press([.char("c"), .char("n")], &state)
        let logged = saved(BoardFixtures.press([.enter], &state))
        #expect(logged.map(Attempts.unanswered) == 6)
        guard case .confirm? = state.modal else {
            Issue.record("no question after the sixth attempt")
            return
        }
        #expect(BoardRender.render(state).text.contains("Close as lost (Unreachable)?"))
        let closed = saved(BoardFixtures.press([.char("y")], &state))
        #expect(closed?.stage == "not-relevant")
        #expect(closed?.lostReason == "Unreachable")
        #expect(state.modal == nil)
    }

    @Test func nKeepsTheUnreachableLeadOpen() {
        var state = BoardFixtures.state([lead("llll0001", "Ghost lead", minutesAgo: 3_000, attempts: 5)])
        state.recompute(keeping: "llll0001")
        BoardFixtures.press([.char("c"), .char("n"), .enter], &state)
        #expect(BoardFixtures.press([.char("n")], &state).isEmpty)
        #expect(state.modal == nil)
        #expect(state.deals["llll0001"]?.stage == "new")
    }

    @Test func todaysListMovesOnToTheNextLeadAfterACall() {
        let deals = [
            lead("llll0001", "First lead", minutesAgo: 300), lead("llll0002", "Second lead", minutesAgo: 200),
            lead("llll0003", "Third lead", minutesAgo: 100),
        ]
        var state = BoardFixtures.state(deals)
        BoardFixtures.press([.char("t")], &state)
        #expect(state.callList.map(\.deal.id) == ["llll0001", "llll0002", "llll0003"])
        let first = saved(BoardFixtures.press([.char("c"), .char("n"), .enter], &state))
        #expect(first?.id == "llll0001")
        guard case .today(let list)? = state.modal else {
            Issue.record("the list closed")
            return
        }
        #expect(state.callList[list.selected].deal.id == "llll0002", "still a new lead, but the next one is selected")
        let second = saved(BoardFixtures.press([.char("c"), .char("n"), .enter], &state))
        #expect(second?.id == "llll0002", "the next c n logs on the next lead, not twice on the first")
        #expect(Attempts.unanswered(state.deals["llll0001"]!) == 1)
    }
}
