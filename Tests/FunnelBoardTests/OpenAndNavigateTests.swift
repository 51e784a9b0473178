import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    @Suite("Opening and navigating", .serialized)
    struct OpenAndNavigate {
        @Test("The board opens with the stages as columns and the deals as cards")
        func opens() throws {
            let world = try FunnelWorld.team()
            try world.add("Alpha deal", "--company", "Acme", "--value", "1000", "--next", "+1d")
            try world.add("Beta deal", "--company", "Bcorp", "--next", "+2d")
            try world.add("Gamma deal", "--owner", "rita", "--stage", "follow-up", "--next", "+3d")
            let stages = try world.stageNames()

            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()

            #expect(screen.header.contains("dana (manager)"))
            #expect(screen.header.contains("all sellers"))
            #expect(screen.header.contains("simple"))
            // Columns left to right in pipeline order; as many as fit, the rest announced.
            let shown = screen.columnNames
            #expect(shown.count >= 3)
            for (index, name) in shown.enumerated() {
                #expect(screen.columnIndex(stages[index]) == index, "column \(index) shows “\(name)”, expected \(stages[index])")
            }
            #expect(screen.header.contains("\(stages.count - shown.count) more ▶"))
            // Cards in due order, with counts and value sums in the column headers.
            #expect(screen.titles(in: "New inquiry") == ["Alpha deal", "Beta deal"])
            #expect(screen.titles(in: "Follow-up") == ["Gamma deal"])
            #expect(screen.count(in: "New inquiry") == 2)
            #expect(screen.count(in: "Follow-up") == 1)
            #expect(screen.count(in: "Unsorted") == 0)
            #expect(screen.column("New inquiry", contains: "1,000"))
            #expect(screen.column("New inquiry", contains: "Acme"))
            #expect(screen.column("Unsorted", contains: "(no cards)"))
            // The first open stage's first card is selected.
            #expect(screen.selected?.stage == "New inquiry")
            #expect(screen.selected?.title == "Alpha deal")
            #expect(screen.statusLine.contains("? help"))
        }

        @Test("Arrows, h/j/k/l and g/G move the selection; long columns scroll with markers")
        func navigates() throws {
            let world = try FunnelWorld.team()
            for n in 1...9 { try world.add("Deal \(n)", "--next", "+\(n)d") }
            try world.add("Follow A", "--stage", "follow-up", "--next", "+1d")
            try world.add("Follow B", "--stage", "follow-up", "--next", "+2d")
            try world.add("Meet A", "--stage", "meeting", "--next", "+1d")

            let board = try TmuxBoard(world)
            defer { board.close() }
            let first = try board.waitForBoard()
            #expect(first.selected?.title == "Deal 1")
            let shownCards = first.titles(in: "New inquiry").count
            #expect(shownCards >= 2 && shownCards < 9, "a 35-row pane shows some, not all, of 9 cards")
            #expect(first.titles(in: "New inquiry") == (1...shownCards).map { "Deal \($0)" })
            #expect(first.column("New inquiry", contains: "↓ \(9 - shownCards) more"))

            try board.press("j")
            try board.waitForSelected("Deal 2", in: "New inquiry")
            try board.press("Down")
            try board.waitForSelected("Deal 3", in: "New inquiry")
            try board.press("k")
            try board.waitForSelected("Deal 2", in: "New inquiry")
            try board.press("Up")
            try board.waitForSelected("Deal 1", in: "New inquiry")

            try board.press("G")
            let bottom = try board.waitForSelected("Deal 9", in: "New inquiry")
            #expect(bottom.column("New inquiry", contains: "↑ \(9 - shownCards) "), "a marker says how many cards are above")
            #expect(!bottom.column("New inquiry", contains: "↓ "))
            #expect(bottom.titles(in: "New inquiry").last == "Deal 9")
            try board.press("g")
            let top = try board.waitForSelected("Deal 1", in: "New inquiry")
            #expect(top.column("New inquiry", contains: "↓ \(9 - shownCards) more"))
            try Self.movesAcrossColumns(board)
            try Self.pagesAndJumps(board, shownCards: shownCards)

            // Past the last column on screen the board scrolls sideways and says so.
            let stages = try world.stageNames()
            let last = try board.press("l", until: "the last stage selected") { $0.columnNames.last == stages.last && $0.header.contains("◀") }
            #expect(last.header.contains("◀ \(stages.count - last.columnNames.count) more"))
            #expect(!last.header.contains("▶"))
            try board.press("h", until: "back at the first column") { $0.columnNames.first == stages.first }
        }

        /// Right/l and Left/h move between columns; each column keeps its own selected card.
        static func movesAcrossColumns(_ board: TmuxBoard) throws {
            try board.press("j")
            try board.waitForSelected("Deal 2", in: "New inquiry")
            try board.press("Right")
            try board.waitForSelected("Follow A", in: "Follow-up")
            try board.press("j")
            try board.waitForSelected("Follow B", in: "Follow-up")
            try board.press("l")
            try board.waitForSelected("Meet A", in: "Meeting / quote")
            try board.press("Left")
            try board.waitForSelected("Follow B", in: "Follow-up")
            try board.press("h")
            // Each column keeps its own selected card.
            try board.waitForSelected("Deal 2", in: "New inquiry")
        }

        /// PgDn / PgUp move by a page of cards, Home and End to the ends of the column.
        static func pagesAndJumps(_ board: TmuxBoard, shownCards: Int) throws {
            try board.press("NPage")
            let paged = try board.waitUntil("a page down") { $0.selected?.stage == "New inquiry" && $0.selected?.title != "Deal 2" }
            #expect(paged.selected?.title == "Deal \(min(9, 2 + shownCards))")
            try board.press("PPage")
            try board.waitForSelected("Deal \(max(1, min(9, 2 + shownCards) - shownCards))", in: "New inquiry")
            // Home and End as an xterm sends them in keypad mode (TERM=xterm-256color).
            try board.type("\u{1b}OF")
            try board.waitForSelected("Deal 9", in: "New inquiry")
            try board.type("\u{1b}OH")
            try board.waitForSelected("Deal 1", in: "New inquiry")
        }

        @Test("`funnel demo --deals 40`: column counts on the board match `funnel list`")
        func demoData() throws {
            let world = try FunnelWorld()
            try world.cli("demo", "--deals", "40")
            let deals = try world.list()
            #expect(deals.count == 40)
            let stages = try world.stageNames()
            let ids = try JSONSerialization.jsonObject(with: Data(try world.cli("stages", "--json").utf8)) as? [String: Any]
            let stageIDs = (ids?["stages"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []

            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.header.contains("all sellers"))
            let shown = screen.columnNames.count
            #expect(shown >= 3)
            var seen = 0
            for index in 0..<shown {
                let expected = deals.filter { $0.stage == stageIDs[index] }.count
                #expect(screen.count(in: stages[index]) == expected, "\(stages[index])")
                let cards = screen.titles(in: stages[index]).count
                #expect(cards <= expected, "\(stages[index])")
                if expected > 0 { #expect(cards > 0, "\(stages[index]) shows its cards") }
                if expected > cards { #expect(screen.column(stages[index], contains: "↓ \(expected - cards) more")) }
                seen += cards
            }
            #expect(seen > 0)
        }

        @Test("`funnel --demo` opens demo data as the manager and removes its directory on quit")
        func demoFlag() throws {
            let world = try FunnelWorld(user: "nobody")
            let board = try TmuxBoard(world, arguments: ["--demo"])
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.header.contains("(manager)"))
            #expect(screen.header.contains("all sellers"))
            let total = screen.columnNames.indices.compactMap { screen.count(in: screen.columnNames[$0]) }.reduce(0, +)
            #expect(total > 0, "demo cards on the board")
            let demoDirs = try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).filter { $0.hasPrefix("funnel-demo-") }
            #expect(demoDirs.count == 1, "the demo data lives in a temporary directory under TMPDIR")
            #expect(!FileManager.default.fileExists(atPath: world.dataDir.path), "FUNNEL_DATA_DIR is left alone")

            try board.press("q")
            #expect(try board.waitForExit() == 0)
            let left = try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).filter { $0.hasPrefix("funnel-demo-") }
            #expect(left.isEmpty, "the temporary demo directory is removed on quit")
        }

        @Test("`funnel --demo` ended by SIGTERM also removes its temporary directory")
        func demoFlagTerminated() throws {
            let world = try FunnelWorld(user: "nobody")
            let board = try TmuxBoard(world, arguments: ["--demo"])
            defer { board.close() }
            try board.waitForBoard()
            #expect(try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).contains { $0.hasPrefix("funnel-demo-") })
            #expect(kill(try board.boardPID(), SIGTERM) == 0)
            _ = try board.waitForExit()
            let left = try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).filter { $0.hasPrefix("funnel-demo-") }
            #expect(left.isEmpty)
        }
    }
}
