import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// One focus (`Focus`): an overlay over the detail pane goes back to it, a carried card takes
/// no mouse press, and a gone deal closes what showed it.
@Suite("One focus")
struct FocusTests {
    func selectingFirstNewDeal() -> BoardState {
        var state = BoardFixtures.state()
        state.column = state.stages.firstIndex { $0.id == "new" }!
        state.rows[state.column] = state.columns[state.column].firstIndex { $0.id == "aaaa1111" }!
        return state
    }

    @Test func anOverlayOverTheDetailPaneGoesBackToIt() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter, .char("?")], &state)
        #expect(state.keyContext == .help && state.detail?.dealID == "aaaa1111")
        #expect(state.focus == .modal(.help(scroll: 0), over: DetailState(dealID: "aaaa1111")))
        BoardFixtures.press([.escape], &state)
        #expect(state.focus == .detail(DetailState(dealID: "aaaa1111")))
        BoardFixtures.press([.escape], &state)
        #expect(state.focus == .board)
    }

    @Test func aCarriedCardTakesNoMousePress() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.char(" ")], &state)
        let x = BoardLayout.columnX(slot: 0, width: state.width, stages: state.stages.count) + 2
        _ = BoardUpdate.apply(.mousePress(x: x, y: BoardLayout.cardY(slot: 0)), &state)
        #expect(state.drag?.dealID == "aaaa1111" && state.mouseDrag == nil)
    }

    @Test func aDealGoneUnderTheDetailPaneClosesItAndKeepsTheOverlay() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter, .char("?")], &state)
        let others = state.deals.values.filter { $0.id != "aaaa1111" }
        _ = BoardUpdate.apply(.reloaded(state.pipeline, state.funnel.team, Array(others)), &state)
        #expect(state.focus == .modal(.help(scroll: 0), over: nil))
        #expect(state.status?.isError == true)
        BoardFixtures.press([.escape], &state)
        #expect(state.focus == .board)
    }

    @Test func aCarriedCardThatIsGoneIsDropped() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.char(" ")], &state)
        _ = BoardUpdate.apply(.changedElsewhere(changed: [], removed: ["aaaa1111"]), &state)
        #expect(state.focus == .board)
    }
}
