import Testing

@testable import FunnelPDF

/// Pagination on its own: heights in, page breaks out.
@Suite struct PageFlowTests {
    static func block(_ height: Double) -> FlowItem { .block(Drawable(height: height) { _ in }) }
    static func row(_ height: Double) -> FlowItem {
        .tableRow(Drawable(height: height) { _ in }, heading: Drawable(height: 5) { _ in })
    }

    /// Heights placed on each page, and their tops.
    static func shape(_ pages: [[Placed]]) -> [[Double]] { pages.map { $0.map(\.drawable.height) } }

    @Test("Blocks that do not fit move to the next page whole; space is dropped at a page's top")
    func blocks() {
        let pages = PageFlow.paginate(
            [Self.block(40), .space(10), Self.block(40), .space(10), Self.block(30)],
            top: 0, bottom: 100)
        #expect(Self.shape(pages) == [[40, 40], [30]])
        #expect(pages[0].map(\.top) == [0, 50])
        #expect(pages[1].map(\.top) == [0])
    }

    @Test("Table rows carry the heading on each page, never a heading alone at a page's foot")
    func tableRows() {
        let pages = PageFlow.paginate([Self.block(88), Self.row(10), Self.row(10), Self.row(10)], top: 0, bottom: 100)
        #expect(Self.shape(pages) == [[88], [5, 10, 10, 10]])
        let split = PageFlow.paginate([Self.row(40), Self.row(40), Self.row(40)], top: 10, bottom: 110)
        #expect(Self.shape(split) == [[5, 40, 40], [5, 40]])
        #expect(split[1].map(\.top) == [10, 15])
    }

    @Test("A block taller than a page sits at a page's top; an empty flow is one empty page")
    func edges() {
        #expect(
            Self.shape(PageFlow.paginate([Self.block(10), Self.block(500), Self.block(10)], top: 0, bottom: 100))
                == [[10], [500], [10]])
        #expect(Self.shape(PageFlow.paginate([], top: 0, bottom: 100)) == [[]])
    }
}
