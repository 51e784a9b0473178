import Foundation
import FunnelCore
import FunnelTestSupport
import Testing

@testable import FunnelBoard
@testable import FunnelStore
@testable import FunnelTUI

/// A press and its release reported as one click (ncurses makes one of the two when they arrive
/// at once, as they do while the board is busy) selects the card and holds none: a release
/// reported later over another column moves nothing.
@Suite struct MouseClickTests {
    /// The screen cell of the first card of column `stage` on `state`'s frame.
    static func firstCard(of stage: String, _ state: BoardState) throws -> (x: Int, y: Int, id: String) {
        let column = HeldArchiveTests.column(state, stage)
        let deal = try #require(state.deal(column: column, row: 0))
        let lines = BoardRender.render(state).text.components(separatedBy: "\n")
        let name = try #require(state.stages[column].name.split(separator: " ").first.map(String.init))
        let header = try #require(lines.firstIndex { $0.contains(name) })
        let left = lines[header].distance(from: lines[header].startIndex, to: try #require(lines[header].range(of: name)).lowerBound)
        let row = try #require(lines.indices.first { $0 > header && lines[$0].dropFirst(left).contains(deal.title) })
        return (left + 2, row, deal.id)
    }

    @Test func aClickHoldsNoCardForALaterReleaseElsewhere() throws {
        let folder = try TemporaryFolder("funnel-click")
        defer { folder.remove() }
        let store = try DeferredColumnsTests.store(folder, deals: 120)
        let app = try HeldArchiveTests.app(store)
        var state = try app.prepare()
        _ = BoardUpdate.apply(.resize(width: 120, height: 30), &state)
        let card = try Self.firstCard(of: "meeting", state)
        var dirty = false
        #expect(app.answer(.mouseClick(x: card.x, y: card.y), &state, watching: nil, dirty: &dirty).isEmpty)
        #expect(state.focus == .board && state.selectedDeal?.id == card.id && dirty)
        // A release over the first column, as ncurses reported one after a burst of clicks.
        #expect(app.answer(.mouseRelease(x: 2, y: card.y), &state, watching: nil, dirty: &dirty).isEmpty)
        #expect(state.focus == .board && state.modal == nil && state.deals[card.id]?.stage == "meeting")
        // A press held, then released over another column, still moves the card there.
        _ = app.answer(.mousePress(x: card.x, y: card.y), &state, watching: nil, dirty: &dirty)
        #expect(state.focus == .pressing(dealID: card.id))
        let moved = app.answer(.mouseRelease(x: 2, y: card.y), &state, watching: nil, dirty: &dirty)
        #expect(!moved.isEmpty || state.modal != nil)
    }
}
