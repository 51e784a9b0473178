import Foundation
import Testing

extension BoardTests {
    @Suite("Mouse (opt-in)", .serialized)
    struct Mouse {
        static func world() throws -> FunnelWorld {
            let world = try FunnelWorld.team()
            try world.add("Top card", "--next", "+1d")
            try world.add("Second card", "--next", "+2d")
            try world.add("Meeting card", "--stage", "meeting", "--next", "+1d")
            return world
        }

        /// An SGR (1006) mouse report for button 1 at a 0-based cell: press, motion or release.
        static func mouse(_ kind: Character, x: Int, y: Int) -> String {
            switch kind {
            case "p": return "\u{1b}[<0;\(x + 1);\(y + 1)M"
            case "d": return "\u{1b}[<32;\(x + 1);\(y + 1)M"
            default: return "\u{1b}[<0;\(x + 1);\(y + 1)m"
            }
        }

        /// The screen cell of the first line of card `title`.
        static func cell(of title: String, in screen: BoardScreen) throws -> (x: Int, y: Int) {
            let row = try #require(screen.lines.firstIndex { $0.contains(title) })
            let prefix = try #require(screen.lines[row].range(of: title)).lowerBound
            return (TerminalText.width(String(screen.lines[row][..<prefix])), row)
        }

        @Test("Without --mouse the board does not ask for mouse reports (text selection keeps working)")
        func offByDefault() throws {
            let board = try TmuxBoard(try Self.world())
            defer { board.close() }
            try board.waitForBoard()
            #expect(try board.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}") == "000")
        }

        @Test("With --mouse a click selects a card and dragging it to another column moves it")
        func clickAndDrag() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world, arguments: ["--mouse"])
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(try board.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}") != "000")

            let second = try Self.cell(of: "Second card", in: screen)
            try board.type(Self.mouse("p", x: second.x + 2, y: second.y))
            try board.type(Self.mouse("r", x: second.x + 2, y: second.y))
            try board.waitForSelected("Second card", in: "New inquiry")
            let meeting = try Self.cell(of: "Meeting card", in: screen)
            try board.type(Self.mouse("p", x: meeting.x + 2, y: meeting.y + 1))
            try board.type(Self.mouse("r", x: meeting.x + 2, y: meeting.y + 1))
            try board.waitForSelected("Meeting card", in: "Meeting / quote")

            // Drag "Top card" from New inquiry to Meeting / quote.
            let id = try #require(try world.list().first { $0.title == "Top card" }?.id)
            let top = try Self.cell(of: "Top card", in: screen)
            try board.type(Self.mouse("p", x: top.x + 2, y: top.y))
            try board.type(Self.mouse("d", x: meeting.x + 2, y: meeting.y + 5))
            try board.type(Self.mouse("r", x: meeting.x + 2, y: meeting.y + 5))
            try board.waitUntil("Top card in Meeting / quote") { $0.titles(in: "Meeting / quote").contains("Top card") }
            let deal = try world.waitForDeal(id) { $0.stage == "meeting" }
            #expect(deal.stage == "meeting")
        }
    }
}
