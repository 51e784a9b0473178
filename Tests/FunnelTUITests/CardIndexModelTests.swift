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
        fresh.now = state.now
        fresh.recompute(keeping: nil)
        return fresh
    }

    @Test(arguments: [1, 2, 3, 4])
    func stepByStepEqualsAfresh(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let ids = (0..<60).map { String(format: "d%07d", $0) }
        var state = BoardFixtures.state(ids.prefix(40).map { Self.randomDeal($0, &generator) })
        for step in 0..<300 {
            let selected = state.selectedDeal?.id
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
            // The selection stays on its card while that card is shown.
            if let selected, fresh.columnIDs.contains(where: { $0.contains(selected) }) {
                #expect(state.selectedDeal?.id == selected, "seed \(seed) step \(step): \(what)")
            }
            if state.columnIDs != fresh.columnIDs { return }
        }
    }

    /// Columns longer than a piece (`CardIndex.piece`) are searched and laid out on every core:
    /// 14,000 cards filtered, narrowed, changed and sorted as a board built afresh shows them.
    @Test func largeColumnsSearchedOnEveryCoreEqualAfresh() {
        var deals = DemoData.deals(count: 14_000, pipeline: BoardFixtures.funnel.pipeline, now: BoardFixtures.now, seed: 8)
        for i in deals.indices where i % 4 != 0 { deals[i].stage = "new" }
        var state = BoardFixtures.state(deals)
        #expect(state.count(state.stages.firstIndex { $0.id == "new" }!) > CardIndex.piece)
        var generator = SeededGenerator(seed: 21)
        for (step, text) in ["a", "ac", "acm", "", "שר", "o"].enumerated() {
            state.filter = text
            state.refilter()
            if step % 3 == 0 {
                let id = deals.randomElement(using: &generator)!.id
                var changed = state.deals[id]!
                changed.title = "Acme \(step)"
                state.replace(changed)
            }
            if step % 4 == 0 { BoardFixtures.press([.char("s")], &state) }
            let fresh = Self.fresh(state)
            #expect(state.columnIDs == fresh.columnIDs, "step \(step): “\(text)”")
            #expect(state.index.totals == fresh.index.totals, "step \(step)")
            let expected = state.deals.values.filter { deal in
                state.pipeline.stage(id: deal.stage) != nil
                    && SearchText.matches(SearchText.haystack(deal), folded: SearchText.fold(text))
                    && (!text.isEmpty || !state.archiveTest(deal, state.pipeline.stage(id: deal.stage)!))
            }.count
            #expect(state.stages.indices.reduce(0) { $0 + state.count($1) } == expected, "step \(step): “\(text)”")
        }
    }

    /// The search texts are made after the columns, not with them (the board's first frame needs
    /// none): a card changed before they are made, after, and a filter typed before the app made
    /// them all find what a board built afresh finds; columns built again wait for theirs again.
    @Test func searchTextsMadeAfterTheColumnsFindWhatAFreshBoardFinds() {
        var deals = DemoData.deals(count: 3_000, pipeline: BoardFixtures.funnel.pipeline, now: BoardFixtures.now, seed: 11)
        for i in deals.indices where i % 2 == 0 { deals[i].stage = "new" }
        func found(_ state: BoardState) -> Set<String> { Set(state.columnIDs.flatMap { $0 }) }
        for prepared in [false, true] {
            var state = BoardFixtures.state(deals)
            #expect(!state.searchReady)
            var before = state.deals[deals[10].id]!
            before.title = "Zanzibar before"
            state.replace(before)
            if prepared {
                state.prepareSearch()
                #expect(state.searchReady)
            }
            var after = state.deals[deals[20].id]!
            after.company = "Zanzibar after"
            state.replace(after)
            state.filter = "zanzib"
            state.refilter()
            #expect(state.searchReady)
            #expect(found(state) == [before.id, after.id], "prepared first: \(prepared)")
            #expect(state.columnIDs == Self.fresh(state).columnIDs)
            state.recompute(keeping: nil)
            #expect(state.searchReady, "a filter typed makes them with the columns")
            state.filter = ""
            state.recompute(keeping: nil)
            #expect(!state.searchReady)
        }
    }

    /// `s` tests a flag again: a card that became stuck since the filter was set is shown.
    /// A card is what a million deals' board holds a million times: a value of 56 bytes in its
    /// column's array (an object took 88 with its reference and heap header).
    @Test func aCardStaysSmallAndInline() {
        func isObject<T>(_ type: T.Type) -> Bool { type is AnyObject.Type }
        #expect(!isObject(CardIndex.Entry.self))
        #expect(MemoryLayout<CardIndex.Entry>.stride <= 56)
    }

    @Test func sortingTestsTheFlagAgain() {
        let deal = BoardFixtures.deal("stuck001", "Soon stuck", stage: "new", next: 3, enteredDaysAgo: 0.5)
        var state = BoardFixtures.state(BoardFixtures.mixedDeals + [deal])
        state.flagFilter = .stuck
        state.refilter()
        #expect(!state.columnIDs.contains { $0.contains("stuck001") })
        state.now = state.now.addingTimeInterval(2 * 86_400)
        BoardFixtures.press([.char("s")], &state)
        #expect(state.columnIDs.contains { $0.contains("stuck001") })
        #expect(state.columnIDs == Self.fresh(state).columnIDs)
    }

    /// Every card's facts point at its own search text in its column's buffer (and its mask is of
    /// that text): columns of many pieces, made on every core and moved together, and a column
    /// whose folding lengthens its texts past the room kept for them (made again card by card).
    @Test func everyCardPointsAtItsOwnSearchText() {
        var deals = DemoData.deals(count: 5_000, pipeline: BoardFixtures.funnel.pipeline, now: BoardFixtures.now, seed: 9)
        for i in deals.indices {
            deals[i].stage = i % 3 == 0 ? "follow-up" : "new"
            // “ŉ” folds to “ʼn”: two bytes become three.
            if i % 3 == 0 { deals[i].title = String(repeating: "ŉ", count: 30) + " \(i)" }
        }
        var state = BoardFixtures.state(deals)
        state.prepareSearch()
        let index = state.index
        var checked = 0
        for c in index.all.indices {
            for (entry, facts) in zip(index.all[c], index.facts[c]) {
                var own: [UInt8] = []
                SearchText.appendHaystack(of: entry.deal, to: &own)
                let start = Int(facts.textStart)
                #expect(Array(index.texts[c][start..<start + Int(facts.textCount)]) == own, "\(entry.id)")
                #expect(facts.mask == SearchMask.of(bytes: own[...]), "\(entry.id)")
                checked += 1
            }
        }
        #expect(checked == deals.count)
        let lengthened = deals.first { $0.stage == "follow-up" }!
        var folded: [UInt8] = []
        SearchText.appendHaystack(of: lengthened, to: &folded)
        #expect(folded.count > SearchText.haystackRoom(lengthened) * 33 / 32)
    }
}
