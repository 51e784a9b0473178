import Foundation
import Testing

extension BoardTests {
    /// Issue 13 on the release build in a real terminal: calls with notes and dates, the
    /// unreachable question, undo you can trust, shell-like text fields with a visible cursor,
    /// the footer, flags that are never cut, and the detail pane's scrolling.
    @Suite("A rep's day without friction (issue 13)", .serialized)
    struct DayWithoutFriction {
        /// `funnel add` as rita at a given time; the new id.
        static func add(_ world: FunnelWorld, _ title: String, at time: String, _ options: String...) throws -> String {
            try world.succeed(["add", title, "--owner", "rita"] + options, as: "rita", now: time)
        }

        @Test("A rep's morning: today's list, calls with notes and dates, an unreachable lead closed, two undos, one email delivered")
        func morningRun() throws {
            try #require(SMTPServer.available, "needs msmtp and python3-aiosmtpd (.ci/run installs them)")
            let world = try FunnelWorld.team()
            // The mailer: msmtp as `sendmail -t`, set in the config file, to an SMTP server on 127.0.0.1.
            let server = try SMTPServer(root: world.root.path)
            defer { server.stop() }
            let msmtprc = try server.msmtpConfig(at: world.root.path + "/msmtprc", from: "rita@example.com")
            try world.writeConfig("mailer = \(SMTPServer.msmtp) -C \(msmtprc) -t\n")
            try world.cli("team", "email", "rita", "rita@example.com", as: "dana")
            let (ghost, noa, omer, due) = try Self.morningDeals(world)

            let board = try TmuxBoard(world, user: "rita", width: 100, height: 30)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("t")
            try board.waitFor("Today's calls (4)")
            try board.waitFor("▸ Ghost lead")
            // The sixth unanswered attempt: the board asks, y closes it as lost (Unreachable).
            try board.logCall("n", replacingDateWith: "m sixth try, no voicemail")
            try board.waitFor("Close as lost (Unreachable)?")
            try board.press("y")
            try board.waitFor("▸ Noa Levi")
            try board.logCall("r", replacingDateWith: "fri wants a demo")
            try board.waitFor("▸ Omer Katz")
            try board.logCall("n", replacingDateWith: "+3 line busy all morning")
            // Omer stays a new lead in the list, yet the list moves on to the next deal.
            try board.waitFor("▸ Due follow-up")
            try board.logCall("r", replacingDateWith: nil)
            try board.waitForGone("▸ Due follow-up")
            try Self.expectMorningCalls(world, ghost: ghost, noa: noa, omer: omer, due: due)
            try Self.undoTwice(board, world, noa: noa, omer: omer, due: due)
            try Self.emailOmer(board, world, server: server, omer: omer)
        }

        /// The rep's list for the morning: a lead unanswered five times, two new leads, a follow-up due today.
        static func morningDeals(_ world: FunnelWorld) throws -> (ghost: String, noa: String, omer: String, due: String) {
            let ghost = try Self.add(world, "Ghost lead", at: "2026-11-23T07:00:00Z")
            for _ in 0..<5 { try world.cli("log", ghost, "no-answer", as: "rita") }
            let noa = try Self.add(world, "Noa Levi", at: "2026-11-24T08:00:00Z")
            let omer = try Self.add(world, "Omer Katz", at: "2026-11-24T08:30:00Z", "--contact", "עומר כץ", "--email", "omer@example.com")
            let due = try Self.add(world, "Due follow-up", at: "2026-11-20T08:00:00Z", "--stage", "meeting", "--next", "today")
            try world.cli("log", due, "reached", "--next", "today", as: "rita")
            return (ghost, noa, omer, due)
        }

        /// What the four calls of the morning saved.
        static func expectMorningCalls(_ world: FunnelWorld, ghost: String, noa: String, omer: String, due: String) throws {
            let closed = try world.waitForDeal(ghost) { $0.stage == "not-relevant" }
            #expect(closed.lostReason == "Unreachable")
            #expect(closed.activities.count == 6)
            let demo = try world.waitForDeal(noa) { $0.activities.count == 1 }
            #expect(demo.activities.first?["note"] as? String == "wants a demo")
            #expect(demo.nextActionDate == FunnelWorld.day(after: 3), "fri: Friday 2026-11-27")
            let busy = try world.waitForDeal(omer) { $0.activities.count == 1 }
            #expect(busy.activities.first?["note"] as? String == "line busy all morning")
            #expect(busy.nextActionDate == FunnelWorld.day(after: 3))
            #expect(try world.waitForDeal(due) { $0.activities.count == 2 }.nextActionDate == FunnelWorld.day(after: 2))
        }

        /// Two undos: the last two calls go, with their attempts and next dates.
        static func undoTwice(_ board: TmuxBoard, _ world: FunnelWorld, noa: String, omer: String, due: String) throws {
            try board.press("Escape")
            try board.waitForGone("Today's calls")
            try board.press("u")
            try board.waitUntil("the first undo") { $0.statusLine.contains("undone") }
            try board.press("u")
            #expect(try world.waitForDeal(due) { $0.activities.count == 1 }.nextActionDate == FunnelWorld.day(after: 0))
            let unlogged = try world.waitForDeal(omer) { $0.activities.isEmpty }
            #expect(unlogged.activities.isEmpty, "the second undo in a row worked")
            #expect(try world.show(noa).activities.count == 1, "the third call stays")
        }

        /// R11's email to Omer, really sent: e, To and Subject shown, y; logged with its subject.
        static func emailOmer(_ board: TmuxBoard, _ world: FunnelWorld, server: SMTPServer, omer: String) throws {
            try board.press("/")
            try board.type("Omer")
            try board.press("Enter")
            try board.waitForSelected("Omer Katz", in: "New inquiry")
            try board.press("e")
            let confirm = try board.waitFor("omer@example.com")
            #expect(confirm.text.contains("To:") && confirm.text.contains("Subject:") && confirm.text.contains("y send"), "\(confirm)")
            try board.press("y")
            try board.waitUntil("the email sent and logged", timeout: 20) { $0.statusLine.contains("omer@example.com; logged on") }
            let files = server.messages(atLeast: 1)
            try #require(files.count == 1, "one message reached the server")
            let mail = try ParsedMail(file: files[0], scratch: world.root.path)
            #expect(mail.subject == "ניסינו להשיג אותך", "the Hebrew subject intact")
            #expect(mail.to == "עומר כץ <omer@example.com>" && mail.from == "Rita Rep <rita@example.com>")
            #expect(mail.body.hasPrefix("שלום עומר כץ,"))
            let emailed = try world.waitForDeal(omer) { $0.activities.count == 1 }
            #expect(emailed.activities.first?["kind"] as? String == "email")
            #expect(emailed.activities.first?["note"] as? String == "ניסינו להשיג אותך")
        }

        @Test("e with no mailer says so and logs nothing; e at the confirmation opens $EDITOR and the board comes back")
        func emailWithoutAMailerAndWithTheEditor() throws {
            let world = try FunnelWorld.team()
            try world.cli("team", "email", "rita", "rita@example.com", as: "dana")
            let id = try Self.add(world, "Mail me", at: "2026-11-24T08:00:00Z", "--contact", "Moshe", "--email", "moshe@example.com")
            if !["/usr/sbin/sendmail", "/usr/lib/sendmail"].contains(where: FileManager.default.isExecutableFile) {
                let board = try TmuxBoard(world, user: "rita")
                defer { board.close() }
                try board.waitForBoard()
                try board.waitForSelected("Mail me", in: "New inquiry")
                try board.press("e")
                try board.waitUntil("no mailer") { $0.statusLine.contains("no mailer is configured or found; nothing was sent or logged") }
            }
            // The editor (sed, rewriting the subject) runs with the board's terminal given up; the
            // mailer (/bin/false) fails, and nothing is logged either.
            let board = try TmuxBoard(
                world, user: "rita",
                extraEnvironment: [
                    "FUNNEL_MAILER": "/bin/false", "EDITOR": "sed -i '1s/.*/Subject: Edited on the board/'",
                ])
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Mail me", in: "New inquiry")
            try board.press("e")
            try board.waitFor("Subject: We tried to reach you")
            try board.press("e")
            try board.waitFor("Subject: Edited on the board")
            try board.waitForBoard()
            try board.press("y")
            try board.waitUntil("the mailer's failure") { $0.statusLine.contains("exited with status 1; the email was not logged") }
            #expect(try world.show(id).activities.isEmpty)
        }

        @Test("Esc at the date-and-note line logs nothing; n at the unreachable question keeps the lead")
        func cancelAndKeep() throws {
            let world = try FunnelWorld.team()
            let ghost = try Self.add(world, "Ghost lead", at: "2026-11-23T07:00:00Z")
            for _ in 0..<5 { try world.cli("log", ghost, "no-answer", as: "rita") }
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Ghost lead", in: "New inquiry")
            try board.startCall("n")
            try board.press("Escape")
            try board.waitUntil("nothing logged") { $0.statusLine.contains("not logged") }
            #expect(try world.show(ghost).activities.count == 5)
            try board.logCall("n", replacingDateWith: nil)
            try board.waitFor("Close as lost (Unreachable)?")
            try board.press("n")
            try board.waitForGone("Close as lost")
            let kept = try world.waitForDeal(ghost) { $0.activities.count == 6 }
            #expect(kept.stage == "new")
        }

        @Test("Text fields edit like a shell line: Alt-B, a pasted line, a visible cursor; undo removes a deal made on the board")
        func lineEditingAndUndoOfANewDeal() throws {
            let world = try FunnelWorld.team()
            _ = try Self.add(world, "Existing", at: FunnelWorld.now, "--next", "+1d")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            try board.waitForBoard()
            #expect(try board.display("#{cursor_flag}") == "0", "no cursor on the board")
            try board.press("n")
            try board.waitFor("New deal in")
            try board.type("hello world")
            try board.press("M-b")
            try board.type("big ")
            // The cursor's bar stands where typing goes, and the terminal's cursor is on it.
            try board.waitFor("hello big ▏world")
            #expect(try board.display("#{cursor_flag}") == "1", "the cursor shows in a text field")
            let screen = try board.screen()
            let row = try #require(Int(try board.display("#{cursor_y}")))
            #expect(screen.lines[row].contains("hello big ▏world"))
            try board.press("C-a")
            try board.tmux("set-buffer", "Acme\n")
            try board.tmux("paste-buffer", "-p")
            try board.waitFor("Acme ▏hello big world")
            for _ in 0..<7 { try board.press("Enter") }
            try board.waitForGone("New deal in")
            let made = try #require(try world.list().first { $0.title == "Acme hello big world" })
            try board.press("u")
            try board.waitUntil("the new deal gone") { $0.statusLine.contains("undone") && $0.titles(in: "New inquiry") == ["Existing"] }
            #expect(try world.list().contains { $0.id == made.id } == false, "its file is removed")
            try board.press("C-r")
            try board.waitUntil("the deal back") { $0.titles(in: "New inquiry").contains("Acme hello big world") }
            #expect(try world.waitForDeal(made.id) { $0.title == "Acme hello big world" }.title == "Acme hello big world")
        }

        @Test("At 80×24 the footer shows t, c and ?; flags that do not fit are counted; the detail pane scrolls to the history")
        func seeingWhatToDo() throws {
            let world = try FunnelWorld.team()
            let id = try Self.add(world, "Everything wrong", at: "2026-11-21T07:00:00Z", "--next", "2026-11-22")
            for _ in 0..<6 { try world.cli("log", id, "no-answer", "--next", "2026-11-22", as: "rita") }
            let board = try TmuxBoard(world, user: "rita", width: 80, height: 24)
            defer { board.close() }
            let screen = try board.waitForBoard()
            for hint in ["t today", "c log a call", "? help"] {
                #expect(screen.statusLine.contains(hint), "footer: \(screen.statusLine)")
            }
            let flags = try #require(screen.lines.first { $0.contains("✖6 tries") }, "\(screen)")
            #expect(flags.range(of: #"\+\d"#, options: .regularExpression) != nil, "the rest counted: \(flags)")
            #expect(!flags.contains("⚑st ") && !flags.contains("…"), "nothing cut: \(flags)")

            try board.waitForSelected("Everything wrong", in: "New inquiry")
            try board.press("Enter")
            let detail = try board.waitFor("Next action")
            #expect(!detail.text.contains("Stage history"))
            #expect(detail.statusLine.contains("Enter edit"), "footer: \(detail.statusLine)")
            try board.press("PPage")
            try board.press("NPage")
            try board.waitFor("Timeline — 6 unanswered attempts")
            try board.press("NPage")
            try board.waitFor("Stage history")
            try board.waitFor("created in New inquiry")
        }
    }
}
