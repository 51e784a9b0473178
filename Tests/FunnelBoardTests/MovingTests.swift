import Foundation
import Testing

extension BoardTests {
    @Suite("Moving cards", .serialized)
    struct Moving {
        @Test("Space, →, Space carries a card to the next column and saves the move")
        func dragWithSpace() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Drag me", "--next", "+2d")
            try world.add("Stay put", "--next", "+5d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Drag me", in: "New inquiry")

            try board.press("Space")
            try board.waitUntil("the card carried") { $0.carried?.title == "Drag me" }
            try board.press("Right")
            // While carried, the card is drawn in the column it would land in; nothing is saved yet.
            let carrying = try board.waitUntil("the card drawn in Follow-up") { $0.carried?.stage == "Follow-up" }
            #expect(carrying.carried?.title == "Drag me")
            #expect(!carrying.titles(in: "New inquiry").contains("Drag me"))
            #expect(try world.show(id).stage == "new")

            try board.press("Space")
            let dropped = try board.waitForSelected("Drag me", in: "Follow-up")
            #expect(dropped.carried == nil)
            #expect(dropped.titles(in: "New inquiry") == ["Stay put"])
            let deal = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(deal.stage == "follow-up")
            #expect(deal.revision == 2)
            let last = deal.history.last
            #expect(last?["from"] as? String == "new")
            #expect(last?["to"] as? String == "follow-up")
            #expect(last?["by"] as? String == "dana")

            // Enter drops too.
            let other = try #require(try world.list().first { $0.title == "Stay put" }?.id)
            try board.press("Left")
            try board.waitForSelected("Stay put", in: "New inquiry")
            try board.press("Space")
            try board.waitUntil("Stay put carried") { $0.carried?.title == "Stay put" }
            try board.press("Right")
            try board.waitUntil("Stay put over Follow-up") { $0.carried?.stage == "Follow-up" }
            try board.press("Enter")
            try board.waitForSelected("Stay put", in: "Follow-up")
            #expect(try world.waitForDeal(other) { $0.stage == "follow-up" }.stage == "follow-up")
        }

        @Test("Esc puts a carried card back and saves nothing")
        func dragCancelled() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Carried back", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Space")
            try board.waitUntil("the card carried") { $0.carried?.title == "Carried back" }
            try board.press("Right")
            try board.waitUntil("the card over Follow-up") { $0.carried?.stage == "Follow-up" }
            try board.press("Right")
            try board.waitUntil("the card over Meeting / quote") { $0.carried?.stage == "Meeting / quote" }
            try board.press("Escape")
            let back = try board.waitForSelected("Carried back", in: "New inquiry")
            #expect(back.carried == nil)
            #expect(back.titles(in: "Meeting / quote").isEmpty)
            // A little later still nothing on disk.
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.stage == "new")
            #expect(deal.revision == 1)
        }

        @Test("Shift+→ and L move one stage; Shift+← and H move back; each is saved")
        func shiftMoves() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Move me", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Move me", in: "New inquiry")

            try board.press("S-Right")
            try board.waitForSelected("Move me", in: "Follow-up")
            #expect(try world.waitForDeal(id) { $0.stage == "follow-up" }.stage == "follow-up")

            try board.press("L")
            try board.waitForSelected("Move me", in: "Meeting / quote")
            let moved = try world.waitForDeal(id) { $0.stage == "meeting" }
            #expect(moved.stage == "meeting")
            #expect(moved.revision == 3)

            try board.press("S-Left")
            try board.waitForSelected("Move me", in: "Follow-up")
            #expect(try world.waitForDeal(id) { $0.revision == 4 }.stage == "follow-up")

            try board.press("H")
            try board.waitForSelected("Move me", in: "New inquiry")
            let back = try world.waitForDeal(id) { $0.revision == 5 }
            #expect(back.stage == "new")
            #expect(back.history.count == 5)
        }

        @Test("A rep's move into a stage that needs a next action, cancelled at the prompt, changes nothing")
        func refusedNeedsNextAction() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Rita's lead", as: "rita")
            let board = try TmuxBoard(world, user: "rita")
            defer { board.close() }
            let opened = try board.waitForBoard()
            #expect(opened.header.contains("my deals"))
            try board.waitForSelected("Rita's lead", in: "New inquiry")

            try board.press("L")
            let prompt = try board.waitFor("Follow-up needs a next action")
            #expect(prompt.text.contains("Enter accept"))
            try board.press("Escape")
            let after = try board.waitForGone("Follow-up needs a next action")
            #expect(after.titles(in: "New inquiry") == ["Rita's lead"])
            #expect(after.titles(in: "Follow-up").isEmpty)
            #expect(after.statusLine.contains("nothing changed"))
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.stage == "new")
            #expect(deal.revision == 1)
            #expect(deal.nextActionDate == nil)
        }

        @Test("A move into the won stage without a value, cancelled at the prompt, changes nothing")
        func refusedWonNeedsValue() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Almost won", "--stage", "onboarding", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Right", until: "Almost won selected") { $0.selected?.title == "Almost won" }

            try board.press("S-Right")
            // The won stage may be off screen; the prompt names it.
            try board.waitFor("Customer needs the deal's value")
            try board.press("Escape")
            let after = try board.waitForGone("needs the deal's value")
            #expect(after.isSelected("Almost won", in: "Post-meeting / onboarding"))
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.stage == "onboarding")
            #expect(deal.revision == 1)
            #expect(deal.value == nil)
        }

        @Test("A move that needs a next action prompts with a date two days on; Enter accepts and saves it")
        func nextActionPromptAccepted() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Call them back")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Call them back", in: "New inquiry")

            try board.press("L")
            let proposed = FunnelWorld.day(after: 2)
            let prompt = try board.waitFor("Follow-up needs a next action")
            #expect(prompt.text.contains(proposed), "the prompt proposes \(proposed)")
            try board.press("Enter")
            try board.waitForSelected("Call them back", in: "Follow-up")
            let deal = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(deal.stage == "follow-up")
            #expect(deal.nextActionDate == proposed)
            #expect(deal.revision == 2)
        }

        @Test("Closing as won asks for the value; the value typed at the prompt is saved with the move")
        func wonPromptAccepted() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Win me", "--stage", "onboarding", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Right", until: "Win me selected") { $0.selected?.title == "Win me" }
            try board.press("L")
            try board.waitFor("Customer needs the deal's value")
            try board.type("5000")
            try board.press("Enter")
            try board.waitForGone("needs the deal's value")
            let deal = try world.waitForDeal(id) { $0.stage == "customer" }
            #expect(deal.stage == "customer")
            #expect(deal.value == "5000.00")
            #expect(deal.revision == 2)
        }

        @Test("Carrying a card across the board scrolls sideways; dropping it on a lost stage asks why, and saves the reason")
        func lostViaDrag() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Lose me", "--next", "+1d")
            let reasons = try world.cli("stages", "--json")
            #expect(reasons.contains("\"Price\""))
            let board = try TmuxBoard(world)
            defer { board.close() }
            let start = try board.waitForBoard()
            #expect(start.columnIndex("Not relevant") == nil, "the lost stages start off screen")
            try board.press("Space")
            try board.waitUntil("the card carried") { $0.carried?.title == "Lose me" }
            let over = try board.press("Right", until: "the card over Not relevant") { $0.carried?.stage == "Not relevant" }
            #expect(over.header.contains("◀"), "the header says columns are hidden on the left: \(over.header)")
            #expect(try world.show(id).stage == "new")

            try board.press("Space")
            try board.waitFor("Why was “Lose me” lost?")
            try board.press("Down", until: "Price chosen") { $0.text.contains("▸ Price") }
            try board.press("Enter")
            try board.waitForGone("Why was “Lose me” lost?")
            let deal = try world.waitForDeal(id) { $0.stage == "not-relevant" }
            #expect(deal.stage == "not-relevant")
            #expect(deal.lostReason == "Price")
        }

        @Test("Esc at the lost-reason list changes nothing")
        func lostReasonCancelled() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Keep me", "--stage", "meeting", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Right", until: "Keep me selected") { $0.selected?.title == "Keep me" }
            try board.press("Enter")
            try board.waitFor("▸ Title")
            try board.press("Down", until: "the Stage field selected") { $0.text.contains("▸ Stage") }
            try board.press("Enter")
            try board.waitFor("Move “Keep me” to")
            try board.press("Down", until: "Not relevant chosen") { $0.text.contains("▸ Not relevant") }
            try board.press("Enter")
            try board.waitFor("Why was “Keep me” lost?")
            try board.press("Escape")
            try board.waitForGone("Why was “Keep me” lost?")
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.stage == "meeting")
            #expect(deal.revision == 1)
            #expect(deal.lostReason == nil)
        }

        @Test("A move computed from a version another process just changed never overwrites that change")
        func staleMove() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Raced", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Raced", in: "New inquiry")
            // Another process renames the deal; the board moves it before (or just after) it sees that.
            try world.cli("edit", id, "--title", "Raced, renamed")
            try board.press("S-Right")
            let screen = try board.waitUntil("the board settled on the new title", timeout: 3) {
                $0.text.contains("Raced, renamed") && !$0.titles(in: "New inquiry").contains("Raced")
                    && !$0.titles(in: "Follow-up").contains("Raced")
            }
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.title == "Raced, renamed", "the other process's change survives: \(deal)")
            if deal.stage == "new" {
                // Refused as stale: the board says so.
                let status = screen.statusLine + (try board.screen().statusLine)
                #expect(status.contains("not saved"), "the status line says why: \(screen.statusLine)")
                #expect(deal.revision == 2)
            } else {
                #expect(deal.stage == "follow-up")
                #expect(deal.revision == 3, "the move was computed from the renamed version")
            }
        }

        @Test("Undo after another process changed other fields keeps those changes")
        func undoKeepsOutsideChanges() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Undo race", "--company", "OldCo", "--stage", "meeting", "--next", "+3d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Right", until: "Undo race selected") { $0.selected?.title == "Undo race" }
            try board.press("S-Right")
            #expect(try world.waitForDeal(id) { $0.stage == "onboarding" }.stage == "onboarding")

            // Another process edits the company and notes and logs an email on the deal.
            try world.cli("edit", id, "--company", "NewCo", "--notes", "important notes")
            try world.cli("log", id, "email", "--note", "sent the quote")
            try board.waitFor("NewCo", timeout: 3)

            try board.press("u")
            try board.waitUntil("the undo answered") { $0.statusLine.contains("undo") || $0.statusLine.contains("undone") }
            usleep(300_000)
            let deal = try world.show(id)
            #expect(deal.company == "NewCo", "\(deal)")
            #expect(deal.notes == "important notes")
            #expect(deal.activities.count == 1, "the logged email is kept")
        }

        @Test("u undoes a Shift+→ move on disk; Ctrl-R redoes it")
        func undoRedo() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Undo me", "--stage", "meeting", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Right", until: "Undo me selected") { $0.selected?.title == "Undo me" }

            try board.press("S-Right")
            try board.waitUntil("Undo me moved") { $0.isSelected("Undo me", in: "Post-meeting / onboarding") }
            #expect(try world.waitForDeal(id) { $0.stage == "onboarding" }.stage == "onboarding")

            try board.press("u")
            try board.waitForSelected("Undo me", in: "Meeting / quote")
            let undone = try world.waitForDeal(id) { $0.stage == "meeting" }
            #expect(undone.stage == "meeting")
            #expect(undone.revision == 3, "an undo is saved like any change")
            #expect(undone.history.last?["from"] as? String == "onboarding")
            #expect(undone.history.last?["to"] as? String == "meeting")

            try board.press("C-r")
            try board.waitUntil("Undo me moved again") { $0.isSelected("Undo me", in: "Post-meeting / onboarding") }
            let redone = try world.waitForDeal(id) { $0.revision == 4 }
            #expect(redone.stage == "onboarding")
        }
    }
}
