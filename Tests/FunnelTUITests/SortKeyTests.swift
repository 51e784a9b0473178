import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// `s` sorts the cards again without building the columns again: every order gives the same
/// columns as a board opened in that order, with a filter typed and archived cards shown too.
@Suite struct SortKeyTests {
    static let deals: [Deal] = {
        var deals = BoardFixtures.mixedDeals
        for n in 0..<40 {
            var deal = BoardFixtures.deal(
                "s\(n)aaaaaaa".prefix(8).description, "Deal \(40 - n)", company: n % 3 == 0 ? "Acme" : "Other",
                stage: ["new", "meeting", "customer"][n % 3], value: Decimal(n * 100), next: n % 5,
                enteredDaysAgo: Double(n * 7))
            deal.priority = [.high, .normal, .low][n % 3]
            deals.append(deal)
        }
        return deals
    }()

    @Test func everyOrderEqualsABoardOpenedInIt() {
        for filter in ["", "acme"] {
            for showArchived in [false, true] {
                var state = BoardFixtures.state(Self.deals)
                state.showArchived = showArchived
                state.filter = filter
                state.refilter()
                for _ in CardOrder.allCases {
                    BoardFixtures.press([.char("s")], &state)
                    var fresh = BoardFixtures.state(Self.deals)
                    fresh.sort = state.sort
                    fresh.showArchived = showArchived
                    fresh.filter = state.filter
                    fresh.recompute(keeping: nil)
                    #expect(state.columnIDs == fresh.columnIDs, "sort \(state.sort), filter “\(filter)”, archived \(showArchived)")
                    #expect(state.index.totals == fresh.index.totals)
                }
            }
        }
    }

    @Test func aChangeAfterSortingGoesToItsPlaceInTheNewOrder() {
        var state = BoardFixtures.state(Self.deals)
        BoardFixtures.press([.char("s"), .char("s")], &state)
        var changed = Self.deals[10]
        changed.value = 999_999
        state.replace(changed)
        var fresh = BoardFixtures.state(Self.deals.map { $0.id == changed.id ? changed : $0 })
        fresh.sort = state.sort
        fresh.recompute(keeping: nil)
        #expect(state.columnIDs == fresh.columnIDs)
    }

    /// The title ranks the first `s` makes are kept for the next ones, and made again after a
    /// change: twice round every order, a change in between, many cards of one title.
    @Test func keptTitleRanksGiveTheOrderOfABoardOpenedInIt() {
        var deals = Self.deals
        for n in 0..<60 {
            deals.append(
                BoardFixtures.deal(
                    "t\(n)bbbbbbb".prefix(8).description, ["Solar", "solar", "Deal 7", "Ω", "Deal 07"][n % 5], stage: "new",
                    value: Decimal(n % 4 * 50), next: n % 2, enteredDaysAgo: 3))
        }
        var state = BoardFixtures.state(deals)
        for round in 0..<2 * CardOrder.allCases.count {
            if round == CardOrder.allCases.count {
                var changed = deals[deals.count - 3]
                changed.title = "Solar"
                state.replace(changed)
                deals = deals.map { $0.id == changed.id ? changed : $0 }
            }
            BoardFixtures.press([.char("s")], &state)
            var fresh = BoardFixtures.state(deals)
            fresh.sort = state.sort
            fresh.recompute(keeping: nil)
            #expect(state.columnIDs == fresh.columnIDs, "round \(round), sort \(state.sort)")
        }
    }

    /// New cards whose titles use up the ranks between two others: the board builds its columns
    /// again and every order still equals a board opened in it.
    @Test func titlesThatUseUpTheirGapStillSortRight() {
        var deals = [
            BoardFixtures.deal("acme0000", "Acme", stage: "new", value: 5, next: 1, enteredDaysAgo: 2),
            BoardFixtures.deal("acmf0000", "Acmf", stage: "new", value: 5, next: 1, enteredDaysAgo: 2),
        ]
        var state = BoardFixtures.state(deals)
        BoardFixtures.press([.char("s"), .char("s"), .char("s")], &state)
        #expect(state.sort == .title)
        for n in 0..<40 {
            let deal = BoardFixtures.deal(
                "n\(n)zzzzzz".prefix(8).description, "Acme \(n + 1000)", stage: n % 2 == 0 ? "new" : "meeting", value: 5, next: 1,
                enteredDaysAgo: 2)
            deals.append(deal)
            state.replace(deal)
            var fresh = BoardFixtures.state(deals)
            fresh.sort = state.sort
            fresh.recompute(keeping: nil)
            #expect(state.columnIDs == fresh.columnIDs, "after \(n + 1) new titles")
        }
        for _ in CardOrder.allCases {
            BoardFixtures.press([.char("s")], &state)
            var fresh = BoardFixtures.state(deals)
            fresh.sort = state.sort
            fresh.recompute(keeping: nil)
            #expect(state.columnIDs == fresh.columnIDs, "sort \(state.sort)")
        }
    }
}
