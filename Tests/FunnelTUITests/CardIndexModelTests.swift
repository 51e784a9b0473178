import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// The board's index changed one step at a time (changes, removals, filters typed and deleted,
/// flags, archived cards shown, `s`) always shows what a board built afresh with the same deals
/// and settings shows: the same cards in the same order, the same totals.
@Suite struct CardIndexModelTests {
    static let stages = ["unsorted", "new", "follow-up", "meeting", "customer", "not-relevant"]
    static let titles = ["Solar", "solar panels", "Deal 7", "Deal 07", "שלום", "مرحبا", "Ωmega", "a", "Zed 10", "Zed 9"]

    static func randomDeal(_ id: String, _ generator: inout some RandomNumberGenerator) -> Deal {
        var deal = BoardFixtures.deal(
            id, titles.randomElement(using: &generator)!, company: ["Acme", "Kite", "כרמל", ""].randomElement(using: &generator)!,
            stage: stages.randomElement(using: &generator)!, owner: ["yossi", "layla", "dana", nil].randomElement(using: &generator)!,
            value: [nil, 100, 250, Decimal(string: "99.999")!].randomElement(using: &generator)!,
            next: [nil, -1, 0, 1, 5].randomElement(using: &generator)!, enteredDaysAgo: [0.5, 3, 200].randomElement(using: &generator)!)
        deal.priority = Priority.allCases.randomElement(using: &generator)!
        if Bool.random(using: &generator) { deal.currency = "USD" }
        return deal
    }

    /// The same deals and settings on a board built afresh.
    static func fresh(_ state: BoardState) -> BoardState {
        var fresh = BoardFixtures.state(Array(state.deals.values))
        fresh.sort = state.sort
        fresh.filter = state.filter
        fresh.flagFilter = state.flagFilter
        fresh.priorityFilter = state.priorityFilter
        fresh.showArchived = state.showArchived
        fresh.recompute(keeping: nil)
        return fresh
    }

    @Test(arguments: [1, 2, 3, 4])
    func stepByStepEqualsAfresh(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let ids = (0..<60).map { String(format: "d%07d", $0) }
        var state = BoardFixtures.state(ids.prefix(40).map { Self.randomDeal($0, &generator) })
        for step in 0..<300 {
            let what: String
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3:
                let id = ids.randomElement(using: &generator)!
                state.replace(Self.randomDeal(id, &generator))
                what = "change \(id)"
            case 4:
                let id = ids.randomElement(using: &generator)!
                state.remove(id)
                what = "remove \(id)"
            case 5:
                state.filter += ["a", "o", "l", "ש", "7", " ", "z"].randomElement(using: &generator)!
                state.refilter()
                what = "type → \(state.filter)"
            case 6:
                state.filter = String(state.filter.dropLast())
                state.refilter()
                what = "delete → \(state.filter)"
            case 7:
                state.flagFilter = [nil, .noNextAction, .stuck].randomElement(using: &generator)!
                state.priorityFilter = [nil, .high].randomElement(using: &generator)!
                state.refilter()
                what = "flag \(String(describing: state.flagFilter)) \(String(describing: state.priorityFilter))"
            case 8:
                state.showArchived.toggle()
                state.refilter()
                what = "archived \(state.showArchived)"
            default:
                BoardFixtures.press([.char("s")], &state)
                what = "sort \(state.sort)"
            }
            let fresh = Self.fresh(state)
            #expect(state.columnIDs == fresh.columnIDs, "seed \(seed) step \(step): \(what)")
            #expect(state.index.totals == fresh.index.totals && state.index.weighted == fresh.index.weighted, "step \(step)")
            #expect(state.index.foreign == fresh.index.foreign && state.index.archived == fresh.index.archived, "step \(step)")
            #expect(state.index.weightedCount == fresh.index.weightedCount, "step \(step)")
            if state.columnIDs != fresh.columnIDs { return }
        }
    }
}
