import Foundation
import Testing

extension BoardTests {
    /// The release build's board draws its first frame from the deals of the columns it shows and
    /// reads the others right after it (`DeferredColumns`): scrolled to, they are the same columns
    /// as a board wide enough to show them all at once.
    @Suite("The columns beyond the first frame", .serialized)
    struct ColumnsBeyondTheFirstFrame {
        /// Each column's name, card count and first titles, as `board` shows them scrolled from
        /// the first column to the last.
        static func columns(_ board: TmuxBoard, names: [String]) throws -> [String: String] {
            var seen: [String: String] = [:]
            for name in names {
                let screen = try board.waitUntil("\(name) on the screen") { $0.columnIndex(name) != nil }
                seen[name] = "\(screen.count(in: name) ?? -1) \(screen.titles(in: name))"
                try board.press("Right")
            }
            return seen
        }

        @Test("Scrolled to, the closed columns hold what a wide board shows")
        func theClosedColumnsAreThere() throws {
            let world = try FunnelWorld()
            try world.cli("demo", "--deals", "1200", "--seed", "5")
            // The cache written, so the board reads the deals from it.
            _ = try world.cli("list", "--all")
            let names = [
                "Unsorted", "New inquiry", "Follow-up", "Meeting / quote", "Post-meeting / onboarding", "Customer", "Not relevant",
                "Former customer",
            ]
            // Columns 26 wide in both, so titles are cut alike.
            let wide = try TmuxBoard(world, width: 215, height: 30)
            let whole = try Self.columns(wide, names: names)
            wide.close()
            let narrow = try TmuxBoard(world, width: 80, height: 30)
            defer { narrow.close() }
            let first = try narrow.waitForBoard()
            #expect(first.header.contains("5 more ▶"), "\(first.text)")
            let scrolled = try Self.columns(narrow, names: names)
            #expect(scrolled == whole)
            #expect(whole["Customer"].map { !$0.hasPrefix("0 ") } == true, "\(whole)")
        }
    }
}
