import Foundation
import Testing

@testable import FunnelCore

/// `CardOrder.sorted` orders by each order's own figure and compares whole keys only inside runs
/// of equal figures; the result must be the order of the whole keys.
@Suite struct CardOrderRunsTests {
    @Test(arguments: CardOrder.allCases)
    func sortingByRunsIsSortingByWholeKeys(order: CardOrder) {
        var deals = DemoData.deals(count: 1_500, pipeline: PipelineTemplate.simple.pipeline, now: Fx.now, seed: 3)
        // Ties on purpose: equal values, equal next-action days, equal titles.
        for i in deals.indices where i % 3 == 0 {
            deals[i].value = 100
            deals[i].nextAction = NextAction(date: Fx.today, text: "call")
            deals[i].title = i % 2 == 0 ? "Deal 10" : "Deal 9"
        }
        let expected = deals.sorted { order.precedes($0, $1, utcOffset: 7_200) }
        #expect(order.sorted(deals, utcOffset: 7_200).map(\.id) == expected.map(\.id))
    }
}
