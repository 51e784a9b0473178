import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// Working the day on the board: c + outcome, today's list, the inbox keys, flag filter, details.
@Suite struct WorkBoardTests {
    func select(_ id: String, _ state: inout BoardState) {
        state.recompute(keeping: id)
    }

    func saved(_ effects: [Effect]) -> Deal? {
        for case .save(_, let after) in effects { return after }
        return nil
    }

    @Test func cThenNThenEnterLogsNoAnswerWithTheProposedNextCall() {
        var state = BoardFixtures.state()
        select("dddd4444", &state)
        BoardFixtures.press([.char("c")], &state)
        #expect(BoardRender.render(state).text.contains("n  No answer"))
        #expect(BoardFixtures.press([.char("n")], &state).isEmpty, "the outcome key opens the date-and-note prompt")
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.activities.last?.outcome == .noAnswer)
        #expect(after?.stage == "meeting")
        #expect(after?.nextAction?.date.iso == "2026-11-25")
        #expect(state.modal == nil)
        #expect(state.status?.text.contains("logged no answer") == true)
    }

    @Test func todaysListJumpsAndLogsMovingOnToTheNextDeal() {
        var deals = BoardFixtures.mixedDeals
        deals.append(BoardFixtures.deal("gggg7777", "Due today", stage: "meeting", owner: "dana", value: 50, next: 0))
        deals.append(BoardFixtures.deal("hhhh8888", "Due yesterday", stage: "meeting", owner: "dana", value: 10, next: -1))
        for i in deals.indices where deals[i].stage != "unsorted" {
            deals[i].activities = [Activity(at: BoardFixtures.now.addingTimeInterval(-3_600), by: "dana", kind: .call, outcome: .reached)]
        }
        var state = BoardFixtures.state(deals)
        BoardFixtures.press([.char("t")], &state)
        let text = BoardRender.render(state).text
        #expect(text.contains("New leads nobody has spoken to"))
        #expect(text.contains("Follow-ups due today"))
        let order = state.callList.map(\.deal.id)
        #expect(order.first == "ffff6666")
        #expect(order.firstIndex(of: "gggg7777")! < order.firstIndex(of: "hhhh8888")!)
        // Log on the second entry: the list moves on and stays open.
        BoardFixtures.press([.down, .char("c")], &state)
        let effects = BoardFixtures.press([.char("r"), .enter], &state)
        #expect(saved(effects)?.id == order[1])
        guard case .today(let list)? = state.modal else {
            Issue.record("the list closed")
            return
        }
        #expect(state.callList[list.selected].deal.id != order[1] || state.callList.count == 1)
        // Enter jumps to the selected deal on the board.
        let target = state.callList[list.selected].deal.id
        BoardFixtures.press([.enter], &state)
        #expect(state.modal == nil)
        #expect(state.selectedDeal?.id == target)
    }

    @Test func aRepAcceptsAnInboxLead() {
        var state = BoardFixtures.state(actor: "yossi", boss: false)
        select("ffff6666", &state)
        let after = saved(BoardFixtures.press([.char("a")], &state))
        #expect(after?.owner == "yossi")
        #expect(after?.stage == "new")
        #expect(state.selectedDeal?.id == "ffff6666")
    }

    @Test func rejectAsksForAReason() {
        var state = BoardFixtures.state(actor: "yossi", boss: false)
        select("ffff6666", &state)
        BoardFixtures.press([.char("x")], &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("no reason prompt")
            return
        }
        #expect(prompt.error == "give a reason")
        BoardFixtures.type("duplicate form", &state)
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.lostReason == "duplicate form")
        #expect(after?.stage == "not-relevant")
    }

    @Test func rejectOutsideTheInboxIsRefused() {
        var state = BoardFixtures.state()
        select("aaaa1111", &state)
        #expect(BoardFixtures.press([.char("x")], &state).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status?.isError == true)
    }

    @Test func managersAssignWithCapitalA() {
        var state = BoardFixtures.state()
        select("ffff6666", &state)
        BoardFixtures.press([.char("A")], &state)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("no seller list")
            return
        }
        let index = picker.options.firstIndex { $0.value == "layla" }!
        let after = saved(BoardFixtures.press(Array(repeating: .down, count: index - picker.selected) + [.enter], &state))
        #expect(after?.owner == "layla")

        var rep = BoardFixtures.state(actor: "yossi", boss: false)
        select("ffff6666", &rep)
        BoardFixtures.press([.char("A")], &rep)
        #expect(rep.modal == nil)
        #expect(rep.status?.text == Message.onlyManagersAssign.text)
    }

    @Test func flagFilterShowsOnlyFlaggedCards() {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("f")], &state)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("no flag list")
            return
        }
        let index = picker.options.firstIndex { $0.value == DealFlag.overdue.rawValue }!
        BoardFixtures.press(Array(repeating: .down, count: index) + [.enter], &state)
        #expect(state.columns.joined().map(\.id) == ["eeee5555"])
        BoardFixtures.press([.escape], &state)
        #expect(state.flagFilter == nil)
        #expect(state.columns.joined().count == BoardFixtures.mixedDeals.count)
    }

    @Test func cardsShowAttemptsAndLeadAge() {
        var lead = BoardFixtures.deal("llll0000", "Fresh lead", stage: "new", next: 1, enteredDaysAgo: 0.02)
        lead.created = BoardFixtures.now.addingTimeInterval(-25 * 60)
        var tried = BoardFixtures.deal("tttt0000", "Tried twice", stage: "meeting", next: 1)
        tried.activities = [
            Activity(at: BoardFixtures.now.addingTimeInterval(-90_000), by: "dana", kind: .call, outcome: .reached),
            Activity(at: BoardFixtures.now.addingTimeInterval(-7_200), by: "dana", kind: .call, outcome: .noAnswer),
            Activity(at: BoardFixtures.now.addingTimeInterval(-3_600), by: "dana", kind: .email),
            Activity(at: BoardFixtures.now.addingTimeInterval(-60), by: "dana", kind: .call, outcome: .busy),
        ]
        // A rep's own board: no owner initials, so the lead's age fits beside its date (the few-
        // attempts mark that does not is counted as +1, never cut).
        let text = BoardRender.render(BoardFixtures.state([lead, tried], actor: "yossi", boss: false)).text
        #expect(text.contains("◷25 min +1"))
        #expect(text.contains("☎2"))
        #expect(text.contains("✉"))
    }

    @Test func detailPaneTicksCallStepsAndSetsPaymentTerms() {
        var state = BoardFixtures.state()
        select("aaaa1111", &state)
        BoardFixtures.press([.enter], &state)
        while state.detail?.field != .discovery { BoardFixtures.press([.down], &state) }
        let ticked = saved(BoardFixtures.press([.enter], &state))
        #expect(ticked?.callSteps == [.discovery])
        #expect(BoardRender.render(state).text.contains("☑ Discovery"))
        while state.detail?.field != .paymentMethod { BoardFixtures.press([.up], &state) }
        BoardFixtures.press([.enter], &state)
        let terms = saved(BoardFixtures.press([.down, .enter], &state))
        #expect(terms?.paymentTerms == PaymentTerms(installments: 12, method: .bankTransfer))
        BoardFixtures.press([.up, .enter], &state)
        for _ in 0..<3 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("10", &state)
        let installments = saved(BoardFixtures.press([.enter], &state))
        #expect(installments?.paymentTerms?.installments == 10)
    }

    @Test func theTimelineShowsInTheDetailPane() {
        var deal = BoardFixtures.deal("aaaa1111", "With calls", stage: "meeting")
        deal.activities = [Activity(at: BoardFixtures.now, by: "yossi", kind: .call, outcome: .leftMessage, note: "at reception")]
        var state = BoardFixtures.state([deal])
        select("aaaa1111", &state)
        BoardFixtures.press([.enter], &state)
        let text = BoardRender.render(state).text
        #expect(text.contains("Timeline — 1 unanswered attempt "))
        #expect(text.contains("call: left a message — at reception"))
    }
}
