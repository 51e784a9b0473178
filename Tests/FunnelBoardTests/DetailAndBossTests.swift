import Foundation
import Testing

extension BoardTests {
    @Suite("Detail pane", .serialized)
    struct DetailPane {
        @Test("Enter opens the detail pane; the Stage field's list moves the deal, saved on disk")
        func pickStageFromList() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Detail deal", "--company", "Detail Co", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Detail deal", in: "New inquiry")

            try board.press("Enter")
            let pane = try board.waitFor("▸ Title")
            #expect(pane.text.contains("Detail Co"))
            #expect(pane.text.contains("Stage history"))
            try board.press("Down", until: "the Stage field selected") { $0.text.contains("▸ Stage") }
            try board.press("Enter")
            let list = try board.waitFor("Move “Detail deal” to")
            #expect(list.text.contains("▸ New inquiry"), "the list starts at the deal's stage")
            try board.press("Down", until: "Meeting / quote chosen") { $0.text.contains("▸ Meeting / quote") }
            try board.press("Enter")
            try board.waitForGone("Move “Detail deal” to")
            let deal = try world.waitForDeal(id) { $0.stage == "meeting" }
            #expect(deal.stage == "meeting")
            #expect(deal.revision == 2)
            // The pane shows the new stage and its history line.
            try board.waitFor("New inquiry → Meeting / quote")

            try board.press("Escape")
            try board.waitForGone("▸ Stage")
            try board.waitForSelected("Detail deal", in: "Meeting / quote")
        }

        /// A manager's board on a new deal titled `title`, its title being edited in the detail pane;
        /// the world, the board and the deal's id.
        static func editingTitle(of title: String) throws -> (FunnelWorld, TmuxBoard, String) {
            let world = try FunnelWorld.team()
            let id = try world.add(title, "--next", "+2d")
            let board = try TmuxBoard(world)
            try board.waitForBoard()
            try board.press("Enter")
            try board.waitFor("▸ Title")
            try board.press("Enter")
            try board.waitFor("Edit title")
            return (world, board, id)
        }

        @Test("Quick edits from the detail pane are saved: title and value; owner for a manager")
        func quickEdits() throws {
            let (world, board, id) = try Self.editingTitle(of: "Old title")
            defer { board.close() }
            for _ in 0..<"title".count { try board.press("BSpace") }
            try board.type("deal, renamed")
            try board.press("Enter")
            try board.waitForGone("Edit title")
            #expect(try world.waitForDeal(id) { $0.title == "Old deal, renamed" }.title == "Old deal, renamed")

            try board.press("Down", until: "the Value field") { $0.text.contains("▸ Value") }
            try board.press("Enter")
            try board.waitFor("Edit value")
            try board.type("12x")
            try board.press("Enter")
            try board.waitFor("not an amount")
            try board.press("BSpace")
            try board.type("500.50")
            try board.press("Enter")
            try board.waitForGone("Edit value")
            #expect(try world.waitForDeal(id) { $0.value != nil }.value == "12500.50")

            try board.press("Down", until: "the Owner field") { $0.text.contains("▸ Owner") }
            try board.press("Enter")
            try board.waitFor("Give “Old deal, renamed” to")
            try board.press("Down", until: "Rita chosen") { $0.text.contains("▸ Rita Rep (rita)") }
            try board.press("Enter")
            let deal = try world.waitForDeal(id) { $0.owner == "rita" }
            #expect(deal.owner == "rita")
            #expect(deal.revision == 4)
        }

        @Test("A rep's detail pane has no Owner field")
        func repHasNoOwnerField() throws {
            let world = try FunnelWorld.team()
            try world.add("Rita's own", as: "rita")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Enter")
            let pane = try board.waitFor("▸ Title")
            #expect(pane.text.contains("Stage"))
            #expect(!pane.lines.contains { $0.contains("  Owner ") || $0.contains("▸ Owner") })
        }

        @Test("A field being edited that changes in another process is not silently overwritten")
        func editChangedUnderneath() throws {
            let (world, board, id) = try Self.editingTitle(of: "Original title")
            defer { board.close() }
            try board.type(" v2")
            try board.waitFor("Original title v2")

            try world.cli("edit", id, "--title", "Renamed outside")
            // The board notices within its watch interval and says so.
            let noticed = try board.waitUntil("a notice in the status line", timeout: 3) { $0.statusLine.contains("changed") }
            #expect(noticed.statusLine.contains("Renamed outside"))
            #expect(!noticed.text.contains("Edit title"), "the stale edit prompt is closed")
            // Whatever the user does now, the other process's title stays.
            try board.press("Enter")
            usleep(500_000)
            let deal = try world.show(id)
            #expect(deal.title == "Renamed outside", "the board wrote over it: \(deal)")
            #expect(deal.revision == 2)
        }
    }

    @Suite("Boss mode", .serialized)
    struct BossMode {
        static func world() throws -> FunnelWorld {
            let world = try FunnelWorld.team()
            try world.add("Dana deal", "--next", "+1d")
            try world.add("Rita deal", "--owner", "rita", "--next", "+2d")
            return world
        }

        @Test("As a manager, b toggles between all sellers and my deals; o shows one seller")
        func managerToggles() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world)
            defer { board.close() }
            let all = try board.waitForBoard()
            #expect(all.header.contains("all sellers"))
            #expect(all.titles(in: "New inquiry") == ["Dana deal", "Rita deal"])
            // Every seller's cards carry their owner's first name ("Rita" of "Rita Rep"), not initials.
            #expect(all.column("New inquiry", contains: " Rita"))

            try board.press("b")
            let mine = try board.waitUntil("my deals in the header") { $0.header.contains("my deals") }
            #expect(!mine.header.contains("all sellers"))
            #expect(mine.titles(in: "New inquiry") == ["Dana deal"])
            #expect(!mine.column("New inquiry", contains: " Rita"))

            try board.press("b")
            let again = try board.waitUntil("all sellers in the header") { $0.header.contains("all sellers") }
            #expect(again.titles(in: "New inquiry") == ["Dana deal", "Rita deal"])

            try board.press("o")
            try board.waitFor("Show one seller")
            try board.press("Down", until: "Rita chosen") { $0.text.contains("▸ Rita Rep (rita)") }
            try board.press("Enter")
            let one = try board.waitUntil("seller: Rita Rep in the header") { $0.header.contains("seller: Rita Rep") }
            #expect(one.titles(in: "New inquiry") == ["Rita deal"])
        }

        @Test("As a rep, b says they are not a manager and the board keeps only their own deals")
        func repRefused() throws {
            let world = try Self.world()
            try world.add("Inbox lead", "--stage", "unsorted")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            let before = try board.waitForBoard()
            #expect(before.header.contains("Rita Rep (rep)"))
            #expect(before.header.contains("my deals"))
            #expect(before.titles(in: "New inquiry") == ["Rita deal"])
            #expect(before.titles(in: "Unsorted") == ["Inbox lead"], "a rep sees the shared inbox too")

            try board.press("b")
            let after = try board.waitUntil("a refusal in the status line") { $0.statusLine.contains("not a manager") }
            #expect(after.header.contains("my deals"))
            #expect(!after.header.contains("all sellers"))
            #expect(after.titles(in: "New inquiry") == ["Rita deal"])
            #expect(!after.text.contains("Dana deal"))

            try board.press("o")
            let still = try board.waitUntil("o refused too") { $0.statusLine.contains("not a manager") && !$0.text.contains("Show one seller") }
            #expect(!still.text.contains("Dana deal"))
        }
    }
}
