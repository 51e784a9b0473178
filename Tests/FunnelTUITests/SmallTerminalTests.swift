import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// Every overlay and the welcome screen drawn at every small size: a box taller or wider than the
/// terminal is cut, never a crash (a split pane, a window shrunk while a builder is open).
@Suite("Small terminals")
struct SmallTerminalTests {
    static let sizes: [(Int, Int)] = (1...14).flatMap { height in [1, 10, 30, 80].map { ($0, height) } }

    @Test func theQuoteBuilderWithManyLinesFitsOrIsCut() {
        var deal = BoardFixtures.deal("aaaa1111", "Acme CRM", stage: "meeting", owner: "dana")
        deal.quoteLines = (1...21).map { QuoteLine(product: "P\($0)", text: "Line \($0)", quantity: 1, unitPrice: 10) }
        let products = (1...30).map { Product(code: "P\($0)", name: "Product \($0)", price: 10, currency: "ILS") }
        for (width, height) in Self.sizes {
            var state = BoardFixtures.state([deal], width: width, height: height)
            state.open(.quote(QuoteBuilder(dealID: deal.id, products: products)))
            let grid = BoardRender.render(state)
            #expect(grid.height == height && grid.width == width)
        }
    }

    @Test func theWelcomeScreenAtEveryStepFitsOrIsCut() {
        for step in [WelcomeState.Step.menu, .template, .language, .members] {
            for (width, height) in Self.sizes {
                var state = WelcomeState(root: "/tmp/nowhere/funnel", account: "dana", language: .he)
                state.step = step
                state.members = [User(account: "rita", name: "rita", role: .rep), User(account: "sam", name: "sam", role: .rep)]
                state.width = width
                state.height = height
                let grid = WelcomeRender.render(state)
                #expect(grid.height == height)
            }
        }
    }

    @Test func aFillBelowOrRightOfTheGridPaintsNothing() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(x: 0, y: 5, width: 4, height: 2, style: CellStyle(.overlay))
        grid.fill(x: 9, y: 0, width: 2, height: 2, style: CellStyle(.overlay))
        grid.input("text", cursor: 2, x: 0, y: 7, width: 4, style: CellStyle(.overlay), cursorStyle: CellStyle(.selection))
        #expect(grid.text == "\n\n")
    }
}
