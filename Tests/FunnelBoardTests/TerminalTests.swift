import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    @Suite("The terminal: size, outside changes, leaving", .serialized)
    struct TerminalBehaviour {
        static func world() throws -> FunnelWorld {
            let world = try FunnelWorld.team()
            try world.add("First deal", "--company", "Acme", "--next", "+1d")
            try world.add("Second deal", "--stage", "follow-up", "--next", "+2d")
            return world
        }

        @Test("A resize redraws at the new size; a tiny terminal shows a message; growing back restores the board")
        func resize() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world)
            defer { board.close() }
            let wide = try board.waitForBoard()
            #expect(wide.lines.count == 35)
            let wideColumns = wide.columnNames.count

            try board.resize(width: 60, height: 20)
            let narrow = try board.waitUntil("a 60×20 board") {
                $0.lines.count == 20 && $0.columnNames.count < wideColumns && $0.header.hasPrefix(" funnel")
                    && $0.lines[19].contains("? help")
            }
            #expect(narrow.lines.allSatisfy { $0.count <= 60 })
            #expect(narrow.header.contains("more ▶"), "the header says more columns are off to the right")
            #expect(narrow.isSelected("First deal", in: "New inquiry"))
            #expect(!narrow.text.contains("Terminal too small"))

            try board.resize(width: 20, height: 6)
            let tiny = try board.waitUntil("the too-small message") { $0.lines.count == 6 && $0.text.contains("Terminal too small") }
            #expect(!tiny.text.contains("First deal"))
            #expect(tiny.lines.allSatisfy { $0.count <= 20 })

            try board.resize(width: 120, height: 35)
            let back = try board.waitUntil("the full board again") { $0.lines.count == 35 && $0.columnNames.count == wideColumns }
            #expect(back.isSelected("First deal", in: "New inquiry"))
            #expect(back.titles(in: "Follow-up") == ["Second deal"])
        }

        @Test("A `funnel move` from another process shows on the open board within 2 seconds, without a key")
        func outsideChange() throws {
            let world = try Self.world()
            let id = try world.add("Moved elsewhere", "--next", "+3d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let before = try board.waitForBoard()
            #expect(before.titles(in: "New inquiry").contains("Moved elsewhere"))
            #expect(before.titles(in: "Meeting / quote").isEmpty)

            try world.cli("move", id, "meeting")
            let moved = Date()
            let after = try board.waitUntil("the card in Meeting / quote", timeout: 2.0) {
                $0.titles(in: "Meeting / quote") == ["Moved elsewhere"]
            }
            #expect(Date().timeIntervalSince(moved) <= 2.0)
            #expect(!after.titles(in: "New inquiry").contains("Moved elsewhere"))
            #expect(after.count(in: "Meeting / quote") == 1)

            // A new deal added from outside appears too.
            try world.add("Added elsewhere", "--stage", "follow-up", "--next", "+9d")
            try board.waitUntil("the new card in Follow-up", timeout: 2.0) {
                $0.titles(in: "Follow-up").contains("Added elsewhere")
            }
        }

        /// Opens the board with the mouse on (so there is one more mode to give back) and checks
        /// that the terminal is in full-screen mode.
        static func openFullScreen() throws -> TmuxBoard {
            let world = try Self.world()
            let board = try TmuxBoard(world, arguments: ["--mouse"])
            try board.waitForBoard()
            let modes = try board.modes()
            #expect(modes.alternateScreen && !modes.cursorVisible && modes.mouseReporting, "while open: \(modes)")
            return board
        }

        @Test("q quits with status 0 and gives the terminal back (alternate screen, cursor, keypad, mouse)")
        func quit() throws {
            let board = try Self.openFullScreen()
            defer { board.close() }
            try board.press("q")
            #expect(try board.waitForExit() == 0)
            #expect(try board.modes() == .restored)
            #expect(!(try board.screen().text.contains(" funnel · ")), "the shell's screen, not the board, is shown")
        }

        @Test("SIGTERM gives the terminal back and the shell carries on")
        func sigterm() throws {
            let board = try Self.openFullScreen()
            defer { board.close() }
            let pid = try board.boardPID()
            #expect(kill(pid, SIGTERM) == 0)
            let status = try board.waitForExit()
            #expect(try board.modes() == .restored)
            #expect(status == 0 || status == 128 + SIGTERM, "exit status \(status)")
        }

        @Test("Ctrl-C (SIGINT) gives the terminal back")
        func sigint() throws {
            let board = try Self.openFullScreen()
            defer { board.close() }
            try board.press("C-c")
            let status = try board.waitForExit()
            #expect(try board.modes() == .restored)
            #expect(status == 0 || status == 128 + SIGINT, "exit status \(status)")
        }

        @Test("A crash (SIGSEGV) gives the terminal back; the process still dies of the signal")
        func crash() throws {
            let board = try Self.openFullScreen()
            defer { board.close() }
            let pid = try board.boardPID()
            #expect(kill(pid, SIGSEGV) == 0)
            let status = try board.waitForExit(timeout: 10)
            #expect(try board.modes() == .restored)
            #expect(status == 128 + SIGSEGV, "exit status \(status)")
        }

        @Test("SIGHUP (the terminal went away) ends the board")
        func sighup() throws {
            let board = try Self.openFullScreen()
            defer { board.close() }
            let pid = try board.boardPID()
            #expect(kill(pid, SIGHUP) == 0)
            let status = try board.waitForExit()
            #expect(try board.modes() == .restored)
            #expect(status == 0 || status == 128 + SIGHUP, "exit status \(status)")
        }

        @Test(
            "Ctrl-Z suspends the board (terminal restored) and fg brings it back",
            .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
        func suspendAndResume() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world, jobControl: true)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("j")
            #expect(try board.alternateScreenOn())

            try board.press("C-z")
            let stopped = try board.waitFor("Stopped")
            #expect(try board.alternateScreenOn() == false)
            #expect(!stopped.text.contains(" funnel · "))

            try board.type("fg")
            try board.press("Enter")
            let back = try board.waitForBoard()
            #expect(try board.alternateScreenOn())
            #expect(back.titles(in: "New inquiry") == ["First deal"])
            // Still answering keys after the round trip.
            try board.press("l")
            try board.waitForSelected("Second deal", in: "Follow-up")
            try board.press("q")
            try board.waitUntil("the shell's prompt after the board") { !$0.text.contains(" funnel · ") }
            #expect(try board.alternateScreenOn() == false)
            try board.type("echo DONE=$?")
            try board.press("Enter")
            try board.waitFor("DONE=0")
        }

        @Test("Esc answers within 50 ms of a plain key")
        func escapeIsQuick() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            /// The time from sending `key` until the help overlay is gone.
            func closing(with key: String) throws -> TimeInterval {
                try board.press("?")
                try board.waitFor("Esc closes")
                let start = Date()
                try board.press(key)
                try board.waitForGone("Esc closes")
                return Date().timeIntervalSince(start)
            }
            // Best of five each, interleaved, so a busy machine slows both alike.
            var plain = TimeInterval.infinity, escape = TimeInterval.infinity
            for _ in 0..<5 {
                plain = min(plain, try closing(with: "q"))
                escape = min(escape, try closing(with: "Escape"))
            }
            #expect(escape - plain < 0.050, "Esc took \(Int(escape * 1000)) ms, q took \(Int(plain * 1000)) ms")
        }

        @Test("A resize redraws an open detail pane and help overlay at the new size")
        func resizeWithOverlays() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Enter")
            try board.waitFor("▸ Title")

            try board.resize(width: 60, height: 20)
            let narrow = try board.waitUntil("the detail pane at 60×20") {
                $0.lines.count == 20 && $0.text.contains("▸ Title") && $0.text.contains("└")
            }
            #expect(narrow.lines.allSatisfy { TerminalText.width($0) <= 60 })
            let top = try #require(narrow.lines.firstIndex { $0.contains("┌") })
            let bottom = try #require(narrow.lines.lastIndex { $0.contains("└") })
            #expect(top < bottom && bottom < 19, "the whole pane fits above the status line")
            let borders = Set((top...bottom).compactMap { TerminalText.columns(of: "│", in: narrow.lines[$0]).last })
            #expect(borders.count == 1, "the pane's right border is one straight line")

            try board.resize(width: 20, height: 6)
            try board.waitFor("Terminal too small")
            try board.resize(width: 100, height: 30)
            let back = try board.waitUntil("the detail pane at 100×30") { $0.lines.count == 30 && $0.text.contains("▸ Title") }
            #expect(back.text.contains("First deal"))

            try board.press("Escape")
            try board.waitForGone("▸ Title")
            try board.press("?")
            try board.waitFor("Esc closes")
            try board.resize(width: 50, height: 16)
            // The footer says "Esc closes" too: wait for the overlay's own title, not a cropped old frame.
            let help = try board.waitUntil("the help at 50×16") { $0.lines.count == 16 && $0.text.contains("Keys — ") }
            #expect(help.lines.allSatisfy { TerminalText.width($0) <= 50 })
            #expect(help.text.contains("┌") && help.text.contains("└"))
        }

        @Test("NO_COLOR=1 renders the board without colours")
        func noColor() throws {
            let world = try Self.world()
            let colored = try TmuxBoard(world)
            let plainWorld = try Self.world()
            let plain = try TmuxBoard(plainWorld, extraEnvironment: ["NO_COLOR": "1"])
            defer {
                colored.close()
                plain.close()
            }
            try colored.waitForBoard()
            #expect(Self.colourCodes(in: try colored.screenWithEscapes()) > 0, "the default theme uses colour")

            let screen = try plain.waitForBoard()
            #expect(screen.titles(in: "New inquiry") == ["First deal"])
            #expect(screen.titles(in: "Follow-up") == ["Second deal"])
            #expect(screen.isSelected("First deal", in: "New inquiry"))
            #expect(Self.colourCodes(in: try plain.screenWithEscapes()) == 0)
        }

        /// How many SGR sequences set a foreground or background colour (not the default 39/49).
        static func colourCodes(in text: String) -> Int {
            sgrParameters(in: text).filter { params in
                params.contains { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
            }.count
        }

        /// The parameters of every SGR sequence (`ESC [ … m`) in `text`.
        static func sgrParameters(in text: String) -> [[Int]] {
            var found: [[Int]] = []
            var rest = Substring(text)
            while let start = rest.range(of: "\u{1b}[") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
                if rest[end] == "m" { found.append(rest[..<end].split(separator: ";").compactMap { Int($0) }) }
                rest = rest[rest.index(after: end)...]
            }
            return found
        }

        @Test("On an 8-colour terminal (TERM=xterm) the theme falls back to its 8-colour pairs")
        func eightColours() throws {
            let world = try Self.world()
            let board = try TmuxBoard(world, extraEnvironment: ["TERM": "xterm"])
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.isSelected("First deal", in: "New inquiry"))
            let params = Self.sgrParameters(in: try board.screenWithEscapes())
            #expect(Self.colourCodes(in: try board.screenWithEscapes()) > 0, "still in colour")
            #expect(!params.contains { $0.contains(38) || $0.contains(48) }, "no 256-colour codes")
        }

        @Test("The theme comes from --theme or the config file; an unknown theme stops before the terminal is touched")
        func themes() throws {
            let world = try Self.world()
            let config = world.root.appendingPathComponent("config/funnel")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "# test\ntheme = mono\n".write(to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            let fromConfig = try TmuxBoard(world)
            defer { fromConfig.close() }
            try fromConfig.waitForBoard()
            #expect(Self.colourCodes(in: try fromConfig.screenWithEscapes()) == 0, "mono from the config file")

            let light = try TmuxBoard(world, arguments: ["--theme", "light"])
            defer { light.close() }
            try light.waitForBoard()
            #expect(Self.colourCodes(in: try light.screenWithEscapes()) > 0, "--theme wins over the config file")

            let unknown = try TmuxBoard(world, arguments: ["--theme", "no-such-theme"])
            defer { unknown.close() }
            let status = try unknown.waitForExit()
            #expect(status == 2)
            #expect(try unknown.screen().text.contains("no-such-theme"))
            #expect(try unknown.modes() == .restored)
        }

        @Test("Errors before the board opens are printed plainly, without the alternate screen")
        func errorsBeforeOpening() throws {
            let world = try Self.world()
            let stranger = try TmuxBoard(world, user: "stranger")
            defer { stranger.close() }
            #expect(try stranger.waitForExit() == 3)
            let screen = try stranger.screen()
            #expect(screen.text.contains("stranger"), "the message names the account: \(screen.text)")
            #expect(try stranger.modes() == .restored)

            // Without a terminal at all, the board says it needs one (scripts use the commands).
            let piped = try world.run([])
            #expect(piped.status == 2)
            #expect(piped.stderr.contains("terminal"))
        }

        @Test("A corrupt deal file from another process: the board keeps its cards, says why, and quits cleanly")
        func corruptFileWhileOpen() throws {
            let world = try Self.world()
            let victim = try world.add("Victim", "--next", "+3d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            // Written the way every writer must (a rename), so the board's watch sees it.
            let file = try #require(
                FileManager.default.enumerator(atPath: world.dataDir.path)?
                    .compactMap { $0 as? String }.first { $0.hasSuffix("\(victim).json") })
            let path = world.dataDir.appendingPathComponent(file)
            let temporary = path.deletingLastPathComponent().appendingPathComponent(".broken.tmp")
            try "{ not json".write(to: temporary, atomically: false, encoding: .utf8)
            #expect(rename(temporary.path, path.path) == 0)

            let screen = try board.waitUntil("the reload error", timeout: 3) { $0.statusLine.contains("could not reload") }
            #expect(screen.titles(in: "New inquiry") == ["First deal", "Victim"])
            try board.press("j")
            try board.waitForSelected("Victim", in: "New inquiry")
            try board.press("q")
            #expect(try board.waitForExit() == 0)
            #expect(try board.modes() == .restored)
        }
    }
}
