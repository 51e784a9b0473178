import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// Closed deals older than `archive_after` days leave the columns: counted under their column,
/// shown again with `z`, still found by the text filter.
@Suite struct ArchivedCardsTests {
    static let deals: [Deal] = [
        BoardFixtures.deal("aaaa1111", "Fresh win", stage: "customer", next: nil, enteredDaysAgo: 10),
        BoardFixtures.deal("bbbb2222", "Ancient win", company: "Oldco", stage: "customer", next: nil, enteredDaysAgo: 200),
        BoardFixtures.deal("cccc3333", "Long lost", stage: "not-relevant", next: nil, enteredDaysAgo: 120),
        BoardFixtures.deal("dddd4444", "Still open", stage: "meeting", enteredDaysAgo: 300),
    ]

    static func column(_ state: BoardState, _ stage: String) -> [String] {
        Array(state.columnIDs[state.stages.firstIndex { $0.id == stage }!])
    }

    @Test func oldClosedCardsAreCountedNotShown() {
        let state = BoardFixtures.state(Self.deals, width: 160)
        #expect(Self.column(state, "customer") == ["aaaa1111"])
        #expect(Self.column(state, "not-relevant").isEmpty)
        #expect(Self.column(state, "meeting") == ["dddd4444"], "an open deal is never archived, however old")
        let grid = BoardRender.render(state)
        #expect(!grid.text.contains("Ancient win") && !grid.text.contains("Long lost"))
        #expect(grid.text.contains("Fresh win"))
        #expect(grid.text.contains("1 archived (z)"), "\(grid.text)")
        // The won column's total counts the cards it shows.
        let won = state.stages.firstIndex { $0.id == "customer" }!
        #expect(state.index.totals[won] == 1_000)
        #expect(state.index.archived[won] == 1)
    }

    @Test func zShowsThemAndHidesThemAgain() {
        var state = BoardFixtures.state(Self.deals, width: 160)
        BoardFixtures.press([.char("z")], &state)
        #expect(Self.column(state, "customer").sorted() == ["aaaa1111", "bbbb2222"])
        #expect(Self.column(state, "not-relevant") == ["cccc3333"])
        #expect(state.status?.text.contains("showing 2 closed deals archived after 90 days") == true, "\(String(describing: state.status))")
        let grid = BoardRender.render(state)
        #expect(grid.text.contains("Ancient win") && !grid.text.contains("archived (z)"))
        BoardFixtures.press([.char("z")], &state)
        #expect(Self.column(state, "customer") == ["aaaa1111"])
        #expect(state.status?.text.contains("off the columns again") == true)
    }

    @Test func theTextFilterFindsArchivedCards() {
        var state = BoardFixtures.state(Self.deals, width: 160)
        BoardFixtures.press([.char("/")], &state)
        BoardFixtures.type("oldco", &state)
        #expect(Self.column(state, "customer") == ["bbbb2222"])
        BoardFixtures.press([.escape], &state)
        BoardFixtures.press([.escape], &state)
        #expect(Self.column(state, "customer") == ["aaaa1111"], "without the text, archived again")
    }

    @Test func oneDealsChangeKeepsTheCountsRight() {
        var state = BoardFixtures.state(Self.deals, width: 160)
        let won = state.stages.firstIndex { $0.id == "customer" }!
        // A change that leaves it in a stage it entered long ago: archived at once.
        var old = Self.deals[3]
        old.stage = "customer"
        state.replace(old)
        #expect(!Self.column(state, "customer").contains("dddd4444") && state.index.archived[won] == 2)
        // Reopened: back on the board, out of the archive's count.
        var reopened = Self.deals[1]
        reopened.stage = "meeting"
        reopened.stageEntered = BoardFixtures.now
        state.replace(reopened)
        #expect(Self.column(state, "meeting").contains("bbbb2222") && state.index.archived[won] == 1)
        // Shown with z, a change keeps it shown.
        BoardFixtures.press([.char("z")], &state)
        old.title = "Renamed"
        state.replace(old)
        #expect(Self.column(state, "customer").contains("dddd4444"))
    }

    @Test func anUndoneMovePutsTheCardBackInTheArchive() {
        var state = BoardFixtures.state(Self.deals, width: 160)
        BoardFixtures.press([.char("z")], &state)
        let won = state.stages.firstIndex { $0.id == "customer" }!
        state.column = won
        state.rows[won] = state.columnIDs[won].firstIndex(of: "bbbb2222")!
        let moved = BoardFixtures.press([.char("H")], &state)
        #expect(state.deals["bbbb2222"]?.stage != "customer", "\(moved)")
        BoardFixtures.press([.char("u")], &state)
        #expect(state.deals["bbbb2222"]?.stage == "customer")
        #expect(state.deals["bbbb2222"]?.stageEntered == Self.deals[1].stageEntered)
        BoardFixtures.press([.char("z")], &state)
        #expect(Self.column(state, "customer") == ["aaaa1111"] && state.index.archived[won] == 1)
    }

    @Test func theArchivedCountIsNeverTheMarkerCutOff() {
        var deals = Self.deals
        for n in 0..<30 {
            deals.append(BoardFixtures.deal("w\(n)aaaaaa".prefix(8).description, "Win \(n)", stage: "customer", next: nil, enteredDaysAgo: 3))
        }
        var state = BoardFixtures.state(deals, width: 100, height: 20)
        state.column = state.stages.firstIndex { $0.id == "customer" }!
        state.clampScroll()
        let text = BoardRender.render(state).text
        #expect(text.contains("1 archived (z) · ↓"), "\(text)")
    }

    @Test func zeroDaysKeepsEveryClosedCardAndZSaysSo() {
        var state = BoardFixtures.state(Self.deals, width: 160)
        state.archive = ArchiveRule(days: 0)
        state.recompute(keeping: nil)
        #expect(Self.column(state, "customer").count == 2)
        BoardFixtures.press([.char("z")], &state)
        #expect(state.status?.text.contains("archive_after is 0") == true)
    }

    @Test func theHelpListsZ() {
        #expect(KeyTable.bindings.contains { $0.action == .toggleArchived && $0.keys == [.char("z")] })
    }
}
