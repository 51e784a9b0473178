import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// Issue 13, undo you can trust: a logged call goes with its attempt, several undos in a row
/// on one deal each work, a deal created on the board is removed, and redo mirrors it all.
@Suite struct UndoTests {
    func saved(_ effects: [Effect]) -> Deal? {
        for case .save(_, let after) in effects { return after }
        return nil
    }

    /// The board as the driver leaves it after each save: the store's copy is the board's.
    func settle(_ effects: [Effect], _ state: inout BoardState) {
        for case .save(_, let after) in effects { _ = BoardUpdate.apply(.saved(after), &state) }
    }

    @Test func undoOfALoggedCallRemovesTheCallAndItsAttempt() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "dddd4444")
        let original = state.deals["dddd4444"]!
        settle(BoardFixtures.press([.char("c"), .char("n"), .enter], &state), &state)
        #expect(Attempts.unanswered(state.deals["dddd4444"]!) == 1)
        let undone = saved(BoardFixtures.press([.char("u")], &state))
        #expect(undone?.activities.isEmpty == true)
        #expect(undone.map(Attempts.unanswered) == 0)
        #expect(undone?.nextAction == original.nextAction)
        let redone = saved(BoardFixtures.press([.ctrl("r")], &state))
        #expect(redone?.activities.last?.outcome == .noAnswer)
    }

    @Test func severalUndosInARowOnOneDealEachWork() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "aaaa1111")
        let original = state.deals["aaaa1111"]!
        settle(BoardFixtures.press([.char("c"), .char("r"), .enter], &state), &state)
        settle(BoardFixtures.press([.char("c"), .char("n"), .enter], &state), &state)
        settle(BoardFixtures.press([.shiftRight], &state), &state)
        #expect(state.deals["aaaa1111"]?.stage == "follow-up")
        for _ in 0..<3 {
            let effects = BoardFixtures.press([.char("u")], &state)
            #expect(saved(effects) != nil, "refused: \(state.status?.text ?? "")")
            settle(effects, &state)
        }
        let back = state.deals["aaaa1111"]!
        #expect(back.stage == original.stage)
        #expect(back.activities.isEmpty)
        #expect(back.nextAction == original.nextAction)
        #expect(BoardFixtures.press([.char("u")], &state).isEmpty)
        #expect(state.status?.text == "nothing to undo")
        for _ in 0..<3 {
            let effects = BoardFixtures.press([.ctrl("r")], &state)
            #expect(saved(effects) != nil, "refused: \(state.status?.text ?? "")")
            settle(effects, &state)
        }
        #expect(state.deals["aaaa1111"]?.stage == "follow-up")
        #expect(state.deals["aaaa1111"]?.activities.map(\.outcome) == [.reached, .noAnswer])
    }

    @Test func aChangeMadeElsewhereIsNeverUndone() {
        var state = BoardFixtures.state()
        state.recompute(keeping: "aaaa1111")
        settle(BoardFixtures.press([.char("c"), .char("r"), .enter], &state), &state)
        var elsewhere = state.deals["aaaa1111"]!
        elsewhere.company = "Changed in another terminal"
        elsewhere.revision += 1
        _ = BoardUpdate.apply(.changedElsewhere(changed: [elsewhere], removed: []), &state)
        #expect(BoardFixtures.press([.char("u")], &state).isEmpty)
        #expect(state.status?.text.contains("changed since") == true)
    }

    @Test func undoOfADealCreatedOnTheBoardRemovesItAndRedoBringsItBack() {
        var state = BoardFixtures.state()
        state.column = 1
        BoardFixtures.press([.char("n")], &state)
        BoardFixtures.type("Made on the board", &state)
        let effects = BoardFixtures.press(Array(repeating: .enter, count: DealForm.Field.allCases.count), &state)
        guard case .create(let deal)? = effects.first else {
            Issue.record("not created: \(effects)")
            return
        }
        #expect(state.deals[deal.id] != nil)
        #expect(BoardFixtures.press([.char("u")], &state) == [.delete(deal)])
        #expect(state.deals[deal.id] == nil)
        #expect(!state.columns.joined().contains { $0.id == deal.id })
        #expect(BoardFixtures.press([.ctrl("r")], &state) == [.create(deal)])
        #expect(state.selectedDeal?.id == deal.id)
        #expect(BoardFixtures.press([.char("u")], &state) == [.delete(deal)])
    }
}
