import Foundation
import Testing

@testable import FunnelCore

/// `TitleRanking` gives titles ranks in their order by UTF-8 bytes, and a new title a rank
/// between its neighbours' without changing any other; `SortedCard` sorts as whole keys do.
@Suite struct TitleRankingTests {
    static let words = ["Solar", "solar", "Ω", "Deal 07", "Deal 7", "", "שלום", "مرحبا", "a", "ab", "b", "Zed", "é", "e\u{301}"]

    /// The ranks of random titles, and of titles added one by one, order them as their bytes do;
    /// "é" and "e\u{301}" are equal Swift strings but not equal titles.
    @Test func ranksFollowTheBytesOfTheTitles() {
        var generator = SeededGenerator(seed: 17)
        for round in 0..<20 {
            let titles = (0..<200).map { _ in Self.words.randomElement(using: &generator)! + String(Int.random(in: 0..<30, using: &generator)) }
            var (ranking, ranks) = TitleRanking.ranking(Array(titles.prefix(100)))
            for title in titles.dropFirst(100) { ranks.append(ranking.rank(of: title)!) }
            for i in titles.indices {
                for j in titles.indices {
                    let byBytes = titles[i].utf8.lexicographicallyPrecedes(titles[j].utf8)
                    #expect((ranks[i] < ranks[j]) == byBytes, "round \(round): \(titles[i]) / \(titles[j])")
                    #expect((ranks[i] == ranks[j]) == titles[i].utf8.elementsEqual(titles[j].utf8))
                }
            }
        }
    }

    /// Ranking cards by their own titles, folded once per distinct title of each piece of cards on
    /// every core, gives the ranks (and the ranking) that ranking their sort titles one by one gives.
    @Test func rankingCardsByTheirOwnTitlesEqualsRankingTheirSortTitles() {
        var generator = SeededGenerator(seed: 29)
        let titles = (0..<3_000).map { _ in Self.words.randomElement(using: &generator)! + String(Int.random(in: 0..<40, using: &generator)) }
        let (ranking, ranks) = TitleRanking.ranking(count: titles.count) { titles[$0] }
        let (expectedRanking, expectedRanks) = TitleRanking.ranking(titles.map { CardOrder.sortTitle(of: $0) })
        #expect(ranks == expectedRanks)
        var made = ranking, expected = expectedRanking
        for title in ["Deal 8", "É", "Solar 3", "zzz"] {
            #expect(made.rank(of: CardOrder.sortTitle(of: title)) == expected.rank(of: CardOrder.sortTitle(of: title)))
        }
        #expect(TitleRanking.ranking(count: 0) { _ in "" }.ranks.isEmpty)
    }

    /// Titles added in ascending order into one gap use it up; then no rank is given and the
    /// ranking is unchanged (the board builds its columns again).
    @Test func aGapUsedUpGivesNoRankAndChangesNothing() {
        var (ranking, ranks) = TitleRanking.ranking(["acme", "acmf"])
        #expect(ranks == [TitleRanking.gap, 2 * TitleRanking.gap])
        var given: [Int] = []
        var n = 0
        while let rank = ranking.rank(of: "acme " + String(format: "%04d", n)) {
            given.append(rank)
            n += 1
        }
        #expect(n == 32)
        #expect(given == given.sorted() && Set(given).count == given.count)
        #expect(given.allSatisfy { $0 > TitleRanking.gap && $0 < 2 * TitleRanking.gap })
        #expect(ranking.rank(of: "acme 9999") == nil)
        #expect(ranking.rank(of: "acme 0005") == given[5])
        #expect(ranking.rank(of: "zz")! > 2 * TitleRanking.gap)
        #expect(ranking.rank(of: "")! < TitleRanking.gap)
    }

    /// Sorting by figures, ranks and id keys gives the order of the whole keys, with ties on every
    /// figure and ids longer than eight bytes that share their first eight.
    @Test(arguments: CardOrder.allCases)
    func sortedPositionsEqualTheWholeKeysOrder(order: CardOrder) {
        var deals = DemoData.deals(count: 600, pipeline: PipelineTemplate.simple.pipeline, now: Fx.now, seed: 5)
        for i in deals.indices {
            if i % 4 == 0 { deals[i].id = "longid-\(i % 7)-\(i)" }
            if i % 3 == 0 { deals[i].title = ["Deal 10", "Deal 9", "deal 9"][i % 3 == 0 ? i % 9 / 3 : 0] }
            if i % 5 == 0 { deals[i].value = [100, Decimal(string: "100.001")!, Decimal(string: "1e17")!, nil][i % 4] }
        }
        let keys = deals.map { order.key($0, utcOffset: 3_600) }
        let expected = keys.indices.sorted { keys[$0] < keys[$1] }
        #expect(Self.boardOrder(deals, order, utcOffset: 3_600) == expected)
    }

    /// The positions of `deals` in `order` as a board sorts its cards: by their kept figures,
    /// title ranks and id keys.
    static func boardOrder(_ deals: [Deal], _ order: CardOrder, utcOffset: Int) -> [Int] {
        let figures = deals.map { CardFigures($0, utcOffset: utcOffset) }
        let (_, ranks) = TitleRanking.ranking(deals.map(CardOrder.sortTitle))
        let cards = deals.indices.map {
            SortedCard(primary: figures[$0].primary(order), title: ranks[$0], id: CardOrder.idKey(deals[$0].id), at: $0)
        }
        let exacts = order == .value && figures.contains(where: \.needsExactValue) ? deals.map(\.value) : nil
        return CardOrder.sortedPositions(cards, exacts: exacts, idPrecedes: { deals[$0].id < deals[$1].id })
    }

    /// Values in hundredths so large that two neighbours divide to the same Double, with no
    /// other value needing its exact form: the exact values still decide, largest first.
    @Test(arguments: CardOrder.allCases)
    func largeNeighbouringValuesStillSortByTheirExactValue(order: CardOrder) {
        var deals = DemoData.deals(count: 200, pipeline: PipelineTemplate.simple.pipeline, now: Fx.now, seed: 6)
        let large = ["70368744177664.01", "70368744177664.02", "80000000000000.01", "80000000000000.02", "45035996273704.97"]
        for i in deals.indices {
            deals[i].value = i % 3 == 0 ? Decimal(string: large[i % large.count])! : Decimal(i % 7 * 100)
            deals[i].title = i % 2 == 0 ? "Alpha" : "Beta"
        }
        let keys = deals.map { order.key($0, utcOffset: 0) }
        let expected = keys.indices.sorted { keys[$0] < keys[$1] }
        #expect(Self.boardOrder(deals, order, utcOffset: 0) == expected)
    }

    /// A card's kept figures are what each order computes from the deal.
    @Test func keptFiguresAreTheOrdersOwn() {
        let deals = DemoData.deals(count: 300, pipeline: PipelineTemplate.simple.pipeline, now: Fx.now, seed: 9)
        for deal in deals {
            let figures = CardFigures(deal, utcOffset: -18_000)
            for order in CardOrder.allCases { #expect(figures.primary(order) == order.primary(deal, utcOffset: -18_000)) }
        }
    }

    /// Id keys order ids as the ids themselves, shorter ones first.
    @Test func idKeysOrderIds() {
        let ids = ["a", "ab", "abc", "abcdefgh", "abcdefghi", "b", "22222222", "zzzzzzzz", "deal-1", "deal-10", "deal-2", ""]
        for a in ids {
            for b in ids where CardOrder.idKey(a) != CardOrder.idKey(b) {
                #expect((CardOrder.idKey(a) < CardOrder.idKey(b)) == (a < b), "\(a) / \(b)")
            }
        }
        #expect(CardOrder.idKey("abcdefgh") == CardOrder.idKey("abcdefghi"))
    }
}
