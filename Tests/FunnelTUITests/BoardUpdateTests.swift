import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

@Suite struct BoardUpdateTests {
    /// The state with "CRM annual plan" (New inquiry, owned by yossi) selected.
    func selectingFirstNewDeal(actor: String = "dana") -> BoardState {
        var state = BoardFixtures.state(actor: actor)
        state.column = state.stages.firstIndex { $0.id == "new" }!
        state.rows[state.column] = state.columns[state.column].firstIndex { $0.id == "aaaa1111" }!
        return state
    }

    func saved(_ effects: [Effect]) -> Deal? {
        for case .save(_, let after) in effects { return after }
        return nil
    }

    @Test func navigationMovesBetweenColumnsAndCards() {
        var state = BoardFixtures.state()
        let start = state.column
        BoardFixtures.press([.right], &state)
        #expect(state.column == start + 1)
        BoardFixtures.press([.char("h")], &state)
        #expect(state.column == start)
        BoardFixtures.press([.char("j")], &state)
        #expect(state.rows[start] == 1)
        BoardFixtures.press([.char("g")], &state)
        #expect(state.rows[start] == 0)
        BoardFixtures.press([.char("G")], &state)
        #expect(state.rows[start] == state.columns[start].count - 1)
    }

    @Test func spaceCarriesTheCardAndDropsItThroughTheDomain() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.char(" "), .right], &state)
        #expect(state.drag?.target == state.column + 1)
        let carried = BoardRender.render(state)
        #expect(carried.text.contains("⇢"))
        // Follow-up needs a next action; this deal has one, so it moves.
        let effects = BoardFixtures.press([.char(" ")], &state)
        let after = saved(effects)
        #expect(after?.stage == "follow-up")
        #expect(after?.history.last?.from == "new")
        #expect(state.deals["aaaa1111"]?.stage == "follow-up")
    }

    @Test func escapePutsACarriedCardBack() {
        var state = selectingFirstNewDeal()
        let effects = BoardFixtures.press([.char(" "), .right, .right, .escape], &state)
        #expect(effects.isEmpty)
        #expect(state.drag == nil)
        #expect(state.deals["aaaa1111"]?.stage == "new")
    }

    @Test func shiftArrowMovesOneStage() {
        var state = selectingFirstNewDeal()
        let after = saved(BoardFixtures.press([.shiftRight], &state))
        #expect(after?.stage == "follow-up")
        let back = saved(BoardFixtures.press([.char("H")], &state))
        #expect(back?.stage == "new")
    }

    @Test func aRuleThatNeedsInputOpensAPrompt() {
        var deals = BoardFixtures.mixedDeals
        deals[0].nextAction = nil
        var state = BoardFixtures.state(deals)
        state.column = state.stages.firstIndex { $0.id == "new" }!
        state.rows[state.column] = state.columns[state.column].firstIndex { $0.id == "aaaa1111" }!
        #expect(BoardFixtures.press([.shiftRight], &state).isEmpty)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text.hasPrefix("2026-11-26"))
        #expect(BoardRender.render(state).text.contains("needs a next action"))
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.stage == "follow-up")
        #expect(after?.nextAction?.date.iso == "2026-11-26")
    }

    @Test func cancellingARulePromptChangesNothing() {
        var state = selectingFirstNewDeal()
        // Customer (won) needs a value: clear it first through the domain.
        state.deals["aaaa1111"]?.value = nil
        state.column = state.stages.firstIndex { $0.id == "new" }!
        BoardFixtures.press([.char(" "), .right, .right, .right, .right, .char(" ")], &state)
        guard case .prompt(let prompt)? = state.modal, case .value = prompt.purpose else {
            Issue.record("no value prompt")
            return
        }
        let effects = BoardFixtures.press([.escape], &state)
        #expect(effects.isEmpty)
        #expect(state.deals["aaaa1111"]?.stage == "new")
        #expect(state.modal == nil)
    }

    @Test func lostNeedsAReasonPickedFromTheList() {
        var state = selectingFirstNewDeal()
        let lost = state.stages.firstIndex { $0.id == "not-relevant" }!
        BoardFixtures.press([.char(" ")] + Array(repeating: KeyPress.right, count: lost - state.column) + [.char(" ")], &state)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("no reason picker")
            return
        }
        #expect(picker.options.map(\.value) == state.pipeline.lostReasons)
        let after = saved(BoardFixtures.press([.down, .enter], &state))
        #expect(after?.stage == "not-relevant")
        #expect(after?.lostReason == state.pipeline.lostReasons[1])
    }

    @Test func aRefusedMoveShowsTheReasonAndChangesNothing() {
        // A rep cannot move another rep's deal.
        var state = BoardFixtures.state(actor: "layla", boss: false)
        var other = BoardFixtures.deal("zzzz9999", "Not mine", owner: "yossi")
        other.stage = "new"
        state.deals[other.id] = other
        state.scope = .mine
        state.recompute(keeping: nil)
        #expect(!state.columns.joined().contains { $0.id == "zzzz9999" })
        let effects = MoveFlow.attempt("zzzz9999", to: "follow-up", extras: MoveExtras(), &state)
        #expect(effects.isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("belongs to") == true)
        #expect(state.deals["zzzz9999"]?.stage == "new")
    }

    @Test func detailPanePicksAStageFromAList() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter], &state)
        #expect(state.detail?.dealID == "aaaa1111")
        let pane = BoardRender.render(state).text
        #expect(pane.contains("Stage history"))
        #expect(pane.contains("created in New inquiry"))
        while state.detail?.field != .stage { BoardFixtures.press([.down], &state) }
        BoardFixtures.press([.enter], &state)
        guard case .picker? = state.modal else {
            Issue.record("no stage list")
            return
        }
        let after = saved(BoardFixtures.press([.down, .down, .enter], &state))
        #expect(after?.stage == "meeting")
        #expect(state.detail != nil)
    }

    @Test func detailPaneEditsAFieldWithValidation() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter], &state)
        while state.detail?.field != .value { BoardFixtures.press([.down], &state) }
        BoardFixtures.press([.enter], &state)
        for _ in 0..<10 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("12x", &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("prompt closed on bad input")
            return
        }
        #expect(prompt.error != nil)
        BoardFixtures.press([.backspace], &state)
        BoardFixtures.type("500", &state)
        let after = saved(BoardFixtures.press([.enter], &state))
        #expect(after?.value == 12500)
    }

    @Test func ownerIsEditableByManagersOnly() {
        #expect(DetailUpdate.fields(for: BoardFixtures.team.user("dana")!).contains(.owner))
        #expect(!DetailUpdate.fields(for: BoardFixtures.team.user("yossi")!).contains(.owner))
    }

    @Test func bossModeIsForManagers() {
        var manager = BoardFixtures.state(boss: false)
        BoardFixtures.press([.char("b")], &manager)
        #expect(manager.scope == .everyone)
        #expect(BoardRender.render(manager).line(0).contains("all sellers"))
        BoardFixtures.press([.char("b")], &manager)
        #expect(manager.scope == .mine)

        var rep = BoardFixtures.state(actor: "layla", boss: false)
        BoardFixtures.press([.char("b")], &rep)
        #expect(rep.scope == .mine)
        #expect(rep.status?.text.contains("not a manager") == true)
        #expect(rep.columns.joined().allSatisfy { $0.owner == nil || $0.owner == "layla" })
    }

    @Test func pickingOneSellerShowsOnlyTheirCards() {
        var state = BoardFixtures.state(boss: false)
        BoardFixtures.press([.char("o")], &state)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("no seller list")
            return
        }
        let index = picker.options.firstIndex { $0.value == "layla" }!
        BoardFixtures.press(Array(repeating: .down, count: index) + [.enter], &state)
        #expect(state.scope == .seller("layla"))
        #expect(state.columns.joined().allSatisfy { $0.owner == "layla" })
        #expect(!state.columns.joined().isEmpty)
    }

    @Test func filterNarrowsIncrementallyAndEscapeClears() {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("/")], &state)
        BoardFixtures.type("acme", &state)
        #expect(state.columns.joined().map(\.id) == ["aaaa1111"])
        BoardFixtures.press([.enter], &state)
        #expect(BoardRender.render(state).line(0).contains("filter “acme”"))
        BoardFixtures.press([.escape], &state)
        #expect(state.filter.isEmpty)
        #expect(state.columns.joined().count == BoardFixtures.mixedDeals.count)
    }

    @Test func sortCyclesThroughTheOrders() {
        var state = BoardFixtures.state()
        var seen: [CardOrder] = []
        for _ in 0..<5 {
            BoardFixtures.press([.char("s")], &state)
            seen.append(state.sort)
        }
        #expect(seen == [.created, .value, .title, .priority, .due])
    }

    @Test func undoAndRedoAreSavedLikeAnyChange() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.shiftRight], &state)
        let undone = saved(BoardFixtures.press([.char("u")], &state))
        #expect(undone?.stage == "new")
        #expect(undone?.history.count == 3)
        let redone = saved(BoardFixtures.press([.ctrl("r")], &state))
        #expect(redone?.stage == "follow-up")
        #expect(BoardFixtures.press([.ctrl("r")], &state).isEmpty)
        #expect(state.status?.text == "nothing to redo")
    }

    @Test func newDealFormValidatesBesideTheFieldAndCreates() {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("n")], &state)
        // Jump to the value field and type something wrong.
        BoardFixtures.press(Array(repeating: .tab, count: 5), &state)
        BoardFixtures.type("abc", &state)
        BoardFixtures.press([.tab, .enter], &state)
        guard case .form(let form)? = state.modal else {
            Issue.record("form closed")
            return
        }
        #expect(form.errors[.title] != nil)
        #expect(form.errors[.value] != nil)
        let text = BoardRender.render(state).text
        #expect(text.contains("a deal needs a title"))
        #expect(text.contains("not an amount"))
        BoardFixtures.type("New pilot", &state)
        while case .form(let f)? = state.modal, f.field != .value { BoardFixtures.press([.tab], &state) }
        for _ in 0..<3 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("900", &state)
        BoardFixtures.press([.tab], &state)
        let effects = BoardFixtures.press([.enter], &state)
        guard case .create(let deal)? = effects.first else {
            Issue.record("no create effect: \(effects)")
            return
        }
        #expect(deal.title == "New pilot")
        #expect(deal.value == 900)
        #expect(state.modal == nil)
    }

    @Test func helpOverlayScrollsThroughEveryBinding() {
        var state = BoardFixtures.state(width: 100, height: 24)
        BoardFixtures.press([.char("?")], &state)
        var seen = ""
        for _ in 0..<KeyTable.helpLines.count {
            seen += BoardRender.render(state).text
            BoardFixtures.press([.down], &state)
        }
        for binding in KeyTable.bindings {
            #expect(seen.contains(binding.help), "help never shows “\(binding.help)”")
        }
        BoardFixtures.press([.escape], &state)
        #expect(state.modal == nil)
    }

    @Test func aReloadThatChangesTheOpenDealSaysSo() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter], &state)
        var changed = state.deals.values.map { $0 }
        let index = changed.firstIndex { $0.id == "aaaa1111" }!
        changed[index].title = "Renamed elsewhere"
        changed[index].revision += 1
        _ = BoardUpdate.apply(.reloaded(state.pipeline, state.funnel.team, changed), &state)
        #expect(state.status?.text.contains("changed elsewhere") == true)
        #expect(BoardRender.render(state).text.contains("Renamed elsewhere"))
    }

    @Test func mouseDragMovesACard() {
        var state = selectingFirstNewDeal()
        let column = state.column - state.firstColumn
        let width = BoardLayout.columnWidth(width: state.width, stages: state.stages.count)
        let x = BoardLayout.columnX(slot: column, width: state.width, stages: state.stages.count) + 2
        let row = state.rows[state.column] - state.scrolls[state.column]
        _ = BoardUpdate.apply(.mousePress(x: x, y: BoardLayout.cardY(slot: row)), &state)
        let effects = BoardUpdate.apply(.mouseRelease(x: x + width + 1, y: BoardLayout.cardY(slot: 0)), &state)
        #expect(saved(effects)?.stage == "follow-up")
    }

    @Test func quitIsAnEffect() {
        var state = BoardFixtures.state()
        #expect(BoardFixtures.press([.char("q")], &state) == [.quit])
    }
}
