import Foundation
import Testing

extension BoardTests {
    @Suite("Filter, help, new deal, hostile text", .serialized)
    struct Overlays {
        /// In the filter line, erases `old` and types `new`; the screen once the status line shows it.
        @discardableResult
        static func refilter(_ board: TmuxBoard, from old: String, to new: String) throws -> BoardScreen {
            for _ in 0..<old.count { try board.press("BSpace") }
            try board.type(new)
            return try board.waitUntil("the filter “\(new)” typed") { $0.statusLine.contains(new) }
        }

        @Test("/ filters the cards as you type; Esc clears the filter")
        func filter() throws {
            let world = try FunnelWorld.team()
            try world.add("Solar panels", "--company", "Sunny Ltd", "--next", "+1d")
            try world.add("Wind turbine", "--company", "Breeze Inc", "--contact", "Noa Levi", "--phone", "052-7771234", "--next", "+2d")
            try world.add("Solar roof", "--stage", "follow-up", "--company", "Roofers", "--next", "+3d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let all = try board.waitForBoard()
            #expect(all.titles(in: "New inquiry") == ["Solar panels", "Wind turbine"])

            try board.press("/")
            try board.type("solar")
            let narrowed = try board.waitUntil("the filter “solar” typed") { $0.statusLine.contains("solar") }
            #expect(narrowed.titles(in: "Follow-up") == ["Solar roof"])
            #expect(narrowed.titles(in: "New inquiry") == ["Solar panels"])
            #expect(narrowed.statusLine.contains("2 cards"))

            // The company matches too.
            let company = try Self.refilter(board, from: "solar", to: "breeze")
            #expect(company.titles(in: "New inquiry") == ["Wind turbine"])
            #expect(company.titles(in: "Follow-up").isEmpty)

            // So do the contact and the phone.
            let contact = try Self.refilter(board, from: "breeze", to: "noa lev")
            #expect(contact.titles(in: "New inquiry") == ["Wind turbine"])
            let phone = try Self.refilter(board, from: "noa lev", to: "7771234")
            #expect(phone.titles(in: "New inquiry") == ["Wind turbine"])
            #expect(phone.titles(in: "Follow-up").isEmpty)
            try Self.refilter(board, from: "7771234", to: "breeze")

            try board.press("Enter")
            let kept = try board.waitUntil("the filter in the header") { $0.header.contains("breeze") }
            #expect(kept.titles(in: "New inquiry") == ["Wind turbine"])
            try board.press("Escape")
            let cleared = try board.waitUntil("every card back") { $0.titles(in: "New inquiry").count == 2 }
            #expect(!cleared.header.contains("breeze"))
            #expect(cleared.titles(in: "Follow-up") == ["Solar roof"])
        }

        @Test("? shows the help overlay: every key of the key table (`funnel keys`); Esc closes it")
        func help() throws {
            let world = try FunnelWorld.team()
            try world.add("Some deal", "--next", "+1d")
            // What each key does, from `funnel keys` (Markdown rows "| `k` | what |"), up to the
            // welcome screen's keys, which are not the board's.
            let table = try world.cli("keys").components(separatedBy: "\n## Welcome")[0]
                .split(separator: "\n").filter { $0.hasPrefix("| `") }
            let helps = table.compactMap { row -> String? in
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return cells.last.map { String($0.prefix(24)) }
            }
            #expect(helps.count > 20)
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()

            try board.press("?")
            var page = try board.waitFor("Esc closes")
            var seen = page.text
            var pages = 1
            // The overlay's title says "· ↓ N more" while there is more to scroll to.
            while page.text.contains("Esc closes · ↓ "), pages < 12 {
                try board.press("Space")
                let before = page.text
                page = try board.waitUntil("the next page of help") { $0.text != before }
                seen += page.text
                pages += 1
            }
            for help in helps { #expect(seen.contains(help), "the help overlay shows “\(help)”") }
            #expect(seen.contains("Carrying a card"))

            try board.press("Escape")
            let closed = try board.waitForGone("Esc closes")
            #expect(closed.isSelected("Some deal", in: "New inquiry"))
        }

        /// A manager's board with one deal, the new-deal form opened with n.
        static func openNewDealForm() throws -> (FunnelWorld, TmuxBoard, BoardScreen) {
            let world = try FunnelWorld.team()
            try world.add("Existing", "--next", "+1d")
            let board = try TmuxBoard(world)
            try board.waitForBoard()
            try board.press("n")
            let form = try board.waitFor("New deal in New inquiry")
            return (world, board, form)
        }

        @Test("n opens the new-deal form; a missing title is shown beside the field; the deal is created")
        func newDeal() throws {
            let (world, board, form) = try Self.openNewDealForm()
            defer { board.close() }
            #expect(form.text.contains("▸ Title"))

            // Enter walks the fields and saves on the last one: with no title, it says so and stays.
            try board.press("Enter", until: "the Next action field") { $0.text.contains("▸ Next action") }
            try board.press("Enter")
            let invalid = try board.waitFor("a deal needs a title")
            #expect(invalid.text.contains("▸ Title"))
            #expect(try world.list().count == 1)

            try board.type("Zeta deal")
            try board.press("Tab")
            try board.waitFor("▸ Company")
            try board.type("Zcorp")
            try board.press("Enter", until: "the Next action field") { $0.text.contains("▸ Next action") }
            try board.type("+3d Send the quote")
            try board.press("Enter")
            try board.waitForGone("New deal in New inquiry")
            try board.waitForSelected("Zeta deal", in: "New inquiry")

            var created: DealSnapshot?
            let deadline = Date().addingTimeInterval(3)
            while created == nil, Date() < deadline {
                created = try world.list().first { $0.title == "Zeta deal" }
                if created == nil { usleep(50_000) }
            }
            let deal = try #require(created, "the new deal is in `funnel list --json`")
            #expect(deal.company == "Zcorp")
            #expect(deal.stage == "new")
            #expect(deal.owner == "dana")
            #expect(deal.nextActionDate == FunnelWorld.day(after: 3))
        }

        @Test("The new-deal form's validation messages beside the fields can be read in full")
        func formMessagesInFull() throws {
            let (world, board, _) = try Self.openNewDealForm()
            defer { board.close() }
            try board.type("Has a title")
            try board.press("Tab", until: "the Email field") { $0.text.contains("▸ Email") }
            try board.type("not-an-address")
            try board.press("Tab", until: "the Next action field") { $0.text.contains("▸ Next action") }
            try board.type("someday")
            try board.press("Enter")
            // Both fields are refused: the form stays, with a message on each field's row.
            let form = try board.waitUntil("messages beside Email and Next action") { screen in
                let email = screen.lines.first { $0.contains("Email") && $0.contains("not-an-address") } ?? ""
                let next = screen.lines.first { $0.contains("Next action") && $0.contains("someday") } ?? ""
                return email.components(separatedBy: "not-an-address").last!.trimmingCharacters(in: .whitespaces).count > 3
                    && next.components(separatedBy: "someday").last!.trimmingCharacters(in: .whitespaces).count > 3
            }
            let emailRow = try #require(form.lines.first { $0.contains("not-an-address") })
            let nextRow = try #require(form.lines.first { $0.contains("someday") })
            #expect(!emailRow.contains("…"), "the email message is cut: \(emailRow)")
            #expect(!nextRow.contains("…"), "the next-action message is cut: \(nextRow)")
            #expect(try world.list().count == 1, "nothing created")
        }

        @Test("Escape sequences in a deal's text are shown as ␛, never sent to the terminal")
        func hostileText() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("\u{1b}]0;pwned\u{07}Evil", "--company", "\u{1b}[31mred", "--next", "+1d")
            #expect(try world.show(id).title.contains("\u{1b}]0;pwned"), "the CLI stores the text as given")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let titleBefore = try board.display("#{pane_title}")
            let screen = try board.waitForBoard()
            let cards = screen.titles(in: "New inquiry")
            #expect(cards.count == 1)
            #expect(cards.first?.hasPrefix("␛]0;pwned") == true, "the title shows its ESC as ␛: \(cards)")
            #expect(screen.column("New inquiry", contains: "␛[31mred"))
            #expect(!screen.text.contains("\u{1b}"))

            // Opening the detail pane draws the title again (box title and field).
            try board.press("Enter")
            try board.waitFor("▸ Title")
            usleep(300_000)
            let title = try board.display("#{pane_title}")
            #expect(title == titleBefore)
            #expect(!title.contains("pwned"))
            let escaped = try board.screenWithEscapes()
            #expect(!escaped.contains("\u{1b}]0;"), "no OSC reached the pane")

            // The status line and the stage list show the title too.
            try board.press("Escape")
            try board.waitForGone("▸ Title")
            try board.press("Space")
            let carrying = try board.waitUntil("the carrying message") { $0.statusLine.contains("carrying") }
            #expect(carrying.statusLine.contains("␛]0;pwned"))
            try board.press("Escape")
            try board.waitUntil("the card put back") { $0.carried == nil }
            #expect(try board.display("#{pane_title}") == titleBefore)
            #expect(!(try board.screen().text.contains("\u{1b}")))
        }
    }
}
