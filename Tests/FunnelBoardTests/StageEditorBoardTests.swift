import Foundation
import Testing

extension BoardTests {
    @Suite("The stage editor (S)", .serialized)
    struct StageEditor {
        @Test("S adds, reorders with Shift+↑ and removes a stage, moving its deals; a rep cannot open it")
        func shapeTheFunnelFromTheBoard() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("In the meeting", "--stage", "meeting", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()

            try board.press("S")
            try board.waitFor("Stages of simple")
            // The editor opens on the board's column, New inquiry.
            try board.press("Down")
            try board.press("a")
            try board.waitFor("New stage after")
            try board.type("Demo given")
            try board.press("Enter")
            try board.waitFor("stages saved")
            #expect(try world.stageNames().prefix(5) == ["Unsorted", "New inquiry", "Follow-up", "Demo given", "Meeting / quote"])

            // Shift+↑ (the terminal's CSI 1;2 A) moves the selected stage, Demo given, one place left.
            try board.press("S-Up")
            try board.waitUntil("Demo given before Follow-up") { _ in
                (try? world.stageNames().prefix(4)) == ["Unsorted", "New inquiry", "Demo given", "Follow-up"]
            }

            // Remove Meeting / quote: its deal goes where the manager picks, recorded in its history.
            try board.press("Down", "Down")
            try board.press("d")
            try board.waitFor("where do its deals go?")
            try board.press("Down", "Down")  // Unsorted, New inquiry, Demo given…
            try board.press("Enter")
            let moved = try world.waitForDeal(id) { $0.stage == "demo-given" }
            #expect(moved.history.last?["from"] as? String == "meeting" && moved.history.last?["by"] as? String == "dana")
            #expect(try !world.stageNames().contains("Meeting / quote"))
            try board.press("Escape")
            try board.waitForGone("Stages of simple")

            let rep = try TmuxBoard(world, user: "rita")
            defer { rep.close() }
            try rep.waitForBoard()
            try rep.press("S")
            try rep.waitFor("only a manager can change the stages")
        }
    }
}
