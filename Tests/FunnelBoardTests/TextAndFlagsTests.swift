import Foundation
import Testing

extension BoardTests {
    @Suite("Text, flags and colour in a real terminal", .serialized)
    struct TextAndFlags {
        /// Whether every row between the header and the status line has its column separators
        /// at the same display columns as the column-name row.
        static func separatorsLineUp(_ screen: BoardScreen) -> Bool {
            let expected = TerminalText.columns(of: "│", in: screen.lines[1])
            return (1..<(screen.lines.count - 1)).allSatisfy { row in
                screen.lines[row].isEmpty || TerminalText.columns(of: "│", in: screen.lines[row]) == expected
            }
        }

        @Test("Cards mixing Hebrew, Arabic, CJK, emoji and combining marks keep the column separators lined up")
        func mixedScriptsLineUp() throws {
            let world = try FunnelWorld.team()
            try world.add("שָׁלוֹם עולם", "--company", "חברה בע״מ", "--value", "5000", "--next", "+1d")
            try world.add("مَرْحَبًا بالعالم", "--company", "شركة النور", "--next", "+2d")
            try world.add("Café ☕ 🚀 deal", "--company", "日本語の会社", "--next", "+3d")
            try world.add("日本語の取引 with a title much too long for a card", "--stage", "follow-up", "--next", "+1d")
            try world.add("e\u{301}le\u{300}ve 🎉 party", "--stage", "follow-up", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.titles(in: "New inquiry").count == 3)
            #expect(screen.titles(in: "Follow-up").count == 2)

            let expected = TerminalText.columns(of: "│", in: screen.lines[1])
            #expect(expected.count == screen.columnNames.count - 1)
            for row in 1..<(screen.lines.count - 1) where !screen.lines[row].isEmpty {
                let found = TerminalText.columns(of: "│", in: screen.lines[row])
                #expect(found == expected, "row \(row) “\(screen.lines[row])”")
            }
            #expect(screen.lines.allSatisfy { TerminalText.width($0) <= 120 })
            // A title too long is cut with an ellipsis; right-to-left titles are right-aligned, in
            // visual order (funnel reorders: the terminal, tmux, does no bidi).
            #expect(screen.titles(in: "Follow-up").contains { $0.hasPrefix("日本語の取引") && $0.hasSuffix("…") })
            let hebrew = try #require(screen.lines.first { $0.contains("םלוע םוֹלשָׁ") }, "\(screen.text)")
            let cell = hebrew.components(separatedBy: "│")[1]
            #expect(cell.dropFirst().hasPrefix("  "), "the Hebrew title is right-aligned: “\(cell)”")
            #expect(cell.trimmingCharacters(in: .whitespaces).hasSuffix("םלוע םוֹלשָׁ"))
        }

        @Test("Emoji made of several code points (ZWJ family, flag, skin tone) keep columns lined up, drawn as their base emoji")
        func multiScalarEmoji() throws {
            let world = try FunnelWorld.team()
            try world.add("plain", "--stage", "follow-up", "--next", "+1d")
            try world.add("👩‍👩‍👧 family", "--stage", "follow-up", "--next", "+2d")
            try world.add("🇮🇱 flag deal", "--next", "+1d")
            try world.add("👍🏽 thumbs", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.titles(in: "Follow-up").count == 2)
            #expect(screen.titles(in: "New inquiry").count == 2)
            // Terminals disagree on how wide these are; funnel draws them in a form every terminal agrees on.
            #expect(Self.separatorsLineUp(screen), "the screen was:\n\(screen.text)")
            #expect(screen.text.contains("👩 family"))
            #expect(screen.text.contains("IL flag deal"))
            #expect(screen.text.contains("👍 thumbs"))
            // The data itself is untouched.
            #expect(try world.list().contains { $0.title == "👩‍👩‍👧 family" })
        }

        @Test("Cards show their flags: stuck, no next step; an overdue date in the warning style")
        func flags() throws {
            let world = try FunnelWorld.team()
            try world.cli("add", "Old one", "--stage", "follow-up", "--next", "2026-11-20", now: "2026-11-01T09:00:00Z")
            try world.add("Fresh one", "--stage", "follow-up", "--next", "2026-11-30")
            try world.add("Nothing planned", "--stage", "meeting")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.titles(in: "Follow-up") == ["Old one", "Fresh one"])
            #expect(screen.column("Follow-up", contains: "⚑stuck"))
            #expect(screen.column("Meeting / quote", contains: "⚠no next"))
            #expect(!screen.column("Follow-up", contains: "⚠no next"))

            let styled = try board.screenWithEscapes().components(separatedBy: "\n")
            let overdueLine = try #require(styled.first { $0.contains("Nov 20") })
            let freshLine = try #require(styled.first { $0.contains("Nov 30") })
            let overdue = TerminalText.styleBefore("→Nov 20", in: overdueLine) ?? ""
            let fresh = TerminalText.styleBefore("→Nov 30", in: freshLine) ?? ""
            #expect(
                !overdue.isEmpty && overdue != fresh, "the overdue date has its own style: \(overdue.debugDescription) vs \(fresh.debugDescription)")

            // The detail pane names the flags in words.
            try board.press("Right")
            try board.waitForSelected("Old one", in: "Follow-up")
            try board.press("Enter")
            let pane = try board.waitFor("▸ Title")
            let flagsLine = try #require(pane.lines.first { $0.contains("Flags") })
            #expect(flagsLine.contains("overdue"))
            #expect(flagsLine.contains("stuck"))
        }

        @Test("s cycles the sort order, priority too; the cards follow `funnel list --sort`")
        func sortOrder() throws {
            let world = try FunnelWorld.team()
            try world.cli("add", "Bravo", "--value", "900", "--next", "+3d", "--priority", "low", now: "2026-11-20T09:00:00Z")
            try world.cli("add", "Alpha", "--value", "100", "--next", "+9d", now: "2026-11-22T09:00:00Z")
            try world.cli("add", "Charlie", "--value", "300", "--next", "+1d", now: "2026-11-21T09:00:00Z")
            let board = try TmuxBoard(world)
            defer { board.close() }
            var screen = try board.waitForBoard()
            func expected(_ sort: String) throws -> [String] {
                let text = try world.cli("list", "--all", "--stage", "new", "--sort", sort, "--json")
                let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
                return array.compactMap { $0["title"] as? String }
            }
            #expect(screen.header.contains("sort: due"))
            #expect(screen.titles(in: "New inquiry").contains("▽ Bravo"), "a low priority's mark")
            // The titles without the priority's mark, as `funnel list` prints them.
            func titles(_ screen: BoardScreen) -> [String] {
                screen.titles(in: "New inquiry").map { $0.hasPrefix("▽ ") ? String($0.dropFirst(2)) : $0 }
            }
            #expect(titles(screen) == (try expected("due")))
            var orders: Set<[String]> = [titles(screen)]
            for sort in ["created", "value", "title", "priority"] {
                try board.press("s")
                screen = try board.waitUntil("sort: \(sort) in the header") { $0.header.contains("sort: \(sort)") }
                #expect(titles(screen) == (try expected(sort)), "sorted by \(sort)")
                orders.insert(titles(screen))
            }
            #expect(orders.count == 5, "the five orders differ for these deals")
            try board.press("s")
            try board.waitUntil("back to sort: due") { $0.header.contains("sort: due") }
        }
    }
}
