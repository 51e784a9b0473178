import Foundation
import Testing

@testable import FunnelBoard

/// The detail pane: a label too long for its column is cut a column short of the value, so the
/// two never run together ("☐ Presentati…Enter to tick").
@Suite("Detail pane labels")
struct DetailLabelTests {
    @Test func aLongLabelIsCutBeforeItsValue() throws {
        var state = BoardFixtures.state(width: 120, height: 60)
        BoardFixtures.press([.enter] + Array(repeating: .down, count: 17), &state)
        let screen = BoardRender.render(state)
        let rows = (0..<screen.height).map(screen.line)
        let row = try #require(rows.first { $0.contains("Presenta") }, "\(rows.joined(separator: "\n"))")
        let cut = try #require(row.range(of: "…"), "\(row)")
        #expect(row[cut.upperBound...].hasPrefix(" "), "\(row)")
    }
}
