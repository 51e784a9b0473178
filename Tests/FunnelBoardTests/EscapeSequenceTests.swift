import Foundation
import Testing

extension BoardTests {
    /// Keys arrive as escape sequences; the terminal's description does not always list the ones a
    /// terminal sends (tmux with TERM=xterm-256color sends `ESC [4~` for End). Known ones work;
    /// unknown ones are ignored whole — never taken as Esc, which would throw away what was typed.
    @Suite("Escape sequences on the release build", .serialized)
    struct EscapeSequences {
        @Test("An unknown escape sequence in a form is ignored; End and Home from ESC [4~ and ESC [1~ work")
        func unknownSequencesKeepTheForm() throws {
            let world = try FunnelWorld.team()
            let board = try TmuxBoard(world, extraEnvironment: ["TERM": "xterm-256color"])
            defer { board.close() }
            try board.waitForBoard()
            try board.press("n")
            try board.waitFor("New deal in")
            try board.type("world")
            try board.tmux("send-keys", "-H", "1b", "5b", "39", "39", "7e")  // ESC [99~: nothing known
            try board.tmux("send-keys", "-H", "1b", "5b", "31", "7e")  // ESC [1~: Home
            try board.type("hello ")
            try board.tmux("send-keys", "-H", "1b", "5b", "34", "7e")  // ESC [4~: End
            try board.type("!")
            try board.waitFor("hello world!▏")
            #expect(try board.screen().text.contains("New deal in"), "the form is still open")
        }
    }
}
