import Foundation
import Testing

extension BoardTests {
    /// The whole hostile corpus through the board: every string on a card, in the detail pane and
    /// in the status line; the terminal's state (title, modes, clipboard, links) never changes.
    @Suite("Hostile text corpus on the board", .serialized)
    struct HostileCorpusBoard {
        /// CSI, OSC 52 (clipboard), OSC 8 (link), a window title, a lone ESC at the end, the
        /// one-byte CSI, DEL and BEL, bidi overrides and isolates.
        static let corpus = [
            "csi \u{1b}[2J\u{1b}[?1049l\u{1b}[31mred",
            "clip \u{1b}]52;c;cHduZWQ=\u{07}",
            "link \u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
            "title \u{1b}]2;pwned\u{07}",
            "lone esc \u{1b}",
            "c1 \u{9b}?25l",
            "del \u{7f} bell \u{07}",
            "bidi \u{202e}txet\u{202c} \u{2066}iso\u{2069}",
        ]

        @Test("Every hostile string is shown visibly and changes nothing in the terminal")
        func corpusThroughTheBoard() throws {
            let world = try FunnelWorld.team()
            for (i, text) in Self.corpus.enumerated() {
                try world.add(text, "--company", text, "--next", "+\(i + 1)d")
            }
            let board = try TmuxBoard(world)
            defer { board.close() }
            let titleBefore = try board.display("#{pane_title}")
            let screen = try board.waitForBoard()
            let modesBefore = try board.modes()
            #expect(screen.titles(in: "New inquiry").count >= 6)
            #expect(screen.text.contains("␛"))
            // Open every card's detail pane and come back: the terminal never changes.
            for _ in Self.corpus {
                try board.press("Enter")
                try board.waitFor("▸ Title")
                try board.press("Escape")
                try board.waitForGone("▸ Title")
                try board.press("Down")
            }
            let after = try board.screen()
            #expect(!after.text.contains("\u{1b}"))
            #expect(!after.text.contains("\u{9b}"))
            #expect(!after.text.contains("\u{202e}"))
            #expect(try board.display("#{pane_title}") == titleBefore)
            #expect(try board.modes() == modesBefore, "the terminal's modes changed")
            let escaped = try board.screenWithEscapes()
            for sequence in ["\u{1b}]52;", "\u{1b}]8;", "\u{1b}]2;", "\u{1b}[?1049l", "\u{1b}[2J"] {
                #expect(!escaped.contains(sequence), "\(sequence.debugDescription) reached the pane")
            }
            let buffers = try board.tmux("list-buffers")
            #expect(!buffers.contains("pwned"), "nothing reached the clipboard")
        }
    }
}
