import Foundation
import Testing

/// The board in Hebrew and in Arabic, chosen by `LANG` alone: words from the catalogue, the
/// columns right to left (the first stage on the right), Shift+← moving a card to the next stage.
/// The pane is read as tmux holds it, cell by cell, so a right-to-left word reads reversed.
extension BoardTests {
    @Suite("The board in Hebrew and Arabic (LANG)", .serialized)
    struct LanguageBoardTests {
        /// A pure Hebrew or Arabic phrase as funnel lays it out on screen, left to right.
        static func visual(_ text: String) -> String { String(text.reversed()) }

        /// A board in `locale`, with a deal in the first open stage that already has a next action.
        static func open(_ locale: String, config: String = "") throws -> (FunnelWorld, TmuxBoard, String) {
            let world = try FunnelWorld.team()
            let id = try world.add("Acme order", "--next", "+2")
            if !config.isEmpty {
                let folder = world.root.appendingPathComponent("config/funnel")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            }
            let board = try TmuxBoard(world, extraEnvironment: ["LANG": locale])
            try board.waitFor("Acme order")
            return (world, board, id)
        }

        /// Checks one language's board: header, footer, first stage on the right, help, Shift+←.
        static func check(_ locale: String, config: String = "", header: String, footer: String, help: String) throws {
            let (world, board, id) = try open(locale, config: config)
            defer { board.close() }
            let screen = try board.screen()
            #expect(screen.header.contains(visual(header)), "header: \(screen.header)")
            #expect(screen.statusLine.contains(visual(footer)), "footer: \(screen.statusLine)")
            let columns = screen.lines[1]
            let unsorted = try #require(columns.range(of: "Unsorted")?.lowerBound)
            let first = try #require(columns.range(of: "New inquiry")?.lowerBound)
            #expect(unsorted > first, "the first stage stands on the right: \(columns)")
            try board.press("S-Left")
            let moved = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(moved.stage == "follow-up")
            try board.press("?")
            let shown = try board.waitUntil("the help in \(locale)") { $0.text.contains(visual(help)) }
            #expect(shown.text.contains(visual(help)))
        }

        @Test func theHebrewBoardRunsRightToLeft() throws {
            try Self.check("he_IL.UTF-8", header: "כל המוכרים", footer: "עזרה", help: "העמודה הבאה")
        }

        /// Arabic, with shaping off so the pane holds the letters themselves.
        @Test func theArabicBoardRunsRightToLeft() throws {
            try Self.check(
                "ar_EG.UTF-8", config: "arabic_shaping = off\n", header: "كل البائعين", footer: "مساعدة",
                help: "العمود التالي")
        }

        /// `board_direction = ltr` keeps a Hebrew UI's columns left to right.
        @Test func aSettingForcesLeftToRight() throws {
            let (_, board, _) = try Self.open("he_IL.UTF-8", config: "board_direction = ltr\n")
            defer { board.close() }
            let columns = try board.screen().lines[1]
            let unsorted = try #require(columns.range(of: "Unsorted")?.lowerBound)
            let first = try #require(columns.range(of: "New inquiry")?.lowerBound)
            #expect(unsorted < first, "\(columns)")
        }
    }
}
