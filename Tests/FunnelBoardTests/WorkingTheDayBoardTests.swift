import Foundation
import Testing

extension BoardTests {
    /// Working the day in a real terminal: logging a call, today's list, the inbox (issue 4).
    @Suite("Working the day on the board", .serialized)
    struct WorkingTheDay {
        @Test("c, n, Enter logs an unanswered call on the selected card, with tomorrow's next call")
        func logACall() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Call me", "--owner", "rita", "--phone", "054-1234567", "--next", "+3d")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Call me", in: "New inquiry")
            try board.logCall("n")
            try board.waitUntil("the status says it was logged") { $0.statusLine.contains("logged no answer") }
            let deal = try world.waitForDeal(id) { $0.activities.count == 1 }
            #expect(deal.activities.first?["outcome"] as? String == "no-answer")
            #expect(deal.activities.first?["by"] as? String == "rita")
            #expect(deal.stage == "new", "a call never moves the deal")
            #expect(deal.nextActionDate == FunnelWorld.day(after: 1))
        }

        @Test("t lists today's calls in order; logging from the list moves on to the next deal")
        func workThroughToday() throws {
            let world = try FunnelWorld.team()
            let lead = try world.add("Fresh lead", "--owner", "rita")
            let due = try world.add("Due today", "--owner", "rita", "--stage", "meeting", "--value", "500", "--next", "today")
            try world.cli("log", due, "reached", "--next", "today", as: "rita")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            try board.press("t")
            let list = try board.waitFor("Today's calls (2)")
            let leadRow = try #require(list.lines.firstIndex { $0.contains("Fresh lead") })
            let dueRow = try #require(list.lines.firstIndex { $0.contains("Due today") })
            #expect(leadRow < dueRow, "new leads come before follow-ups due")
            #expect(list.text.contains("New leads nobody has spoken to"))
            #expect(list.text.contains("▸ Fresh lead"))
            // Log a reached call on the first: it leaves the list, the next one is selected.
            try board.logCall("r")
            let after = try board.waitFor("Today's calls (1)")
            #expect(after.text.contains("▸ Due today"))
            #expect(try world.waitForDeal(lead) { $0.activities.count == 1 }.activities.first?["outcome"] as? String == "reached")
            // Enter jumps to the deal on the board.
            try board.press("Enter")
            try board.waitForGone("Today's calls")
            try board.waitForSelected("Due today", in: "Meeting / quote")
        }

        @Test("A rep accepts a lead from the inbox with a; a manager assigns one with A")
        func acceptAndAssign() throws {
            let world = try FunnelWorld.team()
            let path = world.root.path + "/leads.csv"
            try Data("name,phone\nInbox lead,054-7654321\nSecond lead,050-1111111\n".utf8).write(to: URL(fileURLWithPath: path))
            let result = try world.run(["capture", path], as: "dana")
            #expect(result.status == 0, "\(result.stderr)")
            let ids = result.stdout.split(separator: "\n").map(String.init)
            #expect(ids.count == 2)

            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Left", until: "the inbox card selected") { $0.isSelected("Inbox lead", in: "Unsorted") }
            try board.press("a")
            try board.waitUntil("the lead in New inquiry") { $0.titles(in: "New inquiry").contains("Inbox lead") }
            let accepted = try world.waitForDeal(ids[0]) { $0.owner == "rita" }
            #expect(accepted.owner == "rita")
            #expect(accepted.stage == "new")
            board.close()

            let manager = try TmuxBoard(world, user: "dana")
            defer { manager.close() }
            try manager.waitForBoard()
            try manager.press("Left", until: "the second lead selected") { $0.isSelected("Second lead", in: "Unsorted") }
            try manager.press("A")
            try manager.waitFor("Assign “Second lead” to")
            try manager.press("Down", until: "Rita highlighted") { $0.text.contains("▸ Rita Rep") }
            try manager.press("Enter")
            #expect(try world.waitForDeal(ids[1]) { $0.owner == "rita" }.owner == "rita")
        }
    }
}
