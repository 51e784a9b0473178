import Foundation
import Testing

extension BoardTests {
    /// The first-run hints in a real terminal (issue #20).
    @Suite("First-run hints", .serialized)
    struct FirstStepsHints {
        @Test("A new user's footer shows the three first steps; each goes once done, and stays gone next time")
        func hintsUntilDone() throws {
            let world = try FunnelWorld(newUser: true)
            try world.setUp()
            try world.add("Alpha deal", "--next", "+1d")
            var board = try TmuxBoard(world)
            let first = try board.waitForBoard()
            #expect(first.statusLine.contains("first steps: n add a deal · c log a call · t today's list · ? help"))
            // Today's list: open it, close it.
            try board.press("t")
            try board.waitForGone("first steps")
            try board.press("Escape")
            var screen = try board.waitFor("first steps")
            #expect(!screen.statusLine.contains("today's list"))
            #expect(screen.statusLine.contains("n add a deal · c log a call"))
            // Log a call: c, an outcome, Enter on the proposed next step.
            try board.press("c")
            try board.press("n")
            try board.press("Enter")
            try board.waitFor("logged no answer")
            // The confirmation holds the footer until the next key.
            try board.press("j")
            screen = try board.waitUntil("the call hint gone") { !$0.statusLine.contains("log a call") && $0.statusLine.contains("first steps") }
            #expect(screen.statusLine.contains("first steps: n add a deal"))
            try board.press("q")
            #expect(try board.waitForExit() == 0)
            board.close()
            // The next start remembers: only adding a deal is left.
            board = try TmuxBoard(world)
            defer { board.close() }
            screen = try board.waitForBoard()
            #expect(screen.statusLine.contains("first steps: n add a deal · ? help"))
            let remembered = try String(contentsOf: world.root.appendingPathComponent("home/.local/state/funnel/first-steps"), encoding: .utf8)
            #expect(remembered == "log-call\ntoday\n")
        }

        @Test("The demo shows the hints to a new user too")
        func demoShowsHints() throws {
            let world = try FunnelWorld(user: "nobody", newUser: true)
            let board = try TmuxBoard(world, arguments: ["--demo"])
            defer { board.close() }
            let screen = try board.waitForBoard(timeout: 15)
            #expect(screen.statusLine.contains("first steps: n add a deal"))
        }
    }
}
