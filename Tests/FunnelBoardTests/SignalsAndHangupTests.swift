import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    /// The release binary as users run it: each quit signal ends the board at once (the signal's
    /// state lives in one C object file and wakes the loop through a pipe), and a board whose
    /// terminal goes away never lingers.
    @Suite("Signals and hangups on the release build", .serialized)
    struct SignalsAndHangups {
        static func openBoard(ignoreHangup: Bool = false) throws -> TmuxBoard {
            let world = try FunnelWorld.team()
            try world.add("First deal", "--company", "Acme", "--next", "+1d")
            let board = try TmuxBoard(world, ignoreHangup: ignoreHangup)
            try board.waitForBoard()
            return board
        }

        /// Sends `signal` (or presses Ctrl-C) and checks: gone within a second, the terminal
        /// given back, and the exit status a shell reports for that signal.
        func endsPromptly(by signal: Int32, pressing key: String? = nil) throws {
            let board = try Self.openBoard()
            defer { board.close() }
            let pid = try board.boardPID()
            let sent = Date()
            if let key { try board.press(key) } else { #expect(kill(pid, signal) == 0) }
            #expect(try waitForProcessToEnd(pid, timeout: 1.0), "the board still runs a second after signal \(signal)")
            #expect(Date().timeIntervalSince(sent) <= 1.0)
            let status = try board.waitForExit(timeout: 2)
            #expect(status == 128 + signal, "exit status \(status)")
            #expect(try board.modes() == .restored)
        }

        @Test("Ctrl-C ends the board within 1 s, terminal restored, exit 130")
        func controlC() throws { try endsPromptly(by: SIGINT, pressing: "C-c") }

        @Test("SIGTERM ends the board within 1 s, terminal restored")
        func terminate() throws { try endsPromptly(by: SIGTERM) }

        @Test("SIGHUP ends the board within 1 s, terminal restored")
        func hangUpSignal() throws { try endsPromptly(by: SIGHUP) }

        @Test("SIGQUIT (Ctrl-\\) ends the board within 1 s, terminal restored, exit 131")
        func quitSignal() throws { try endsPromptly(by: SIGQUIT) }

        @Test("A signal while a save waits for a teammate's lock ends the board within 1 s")
        func signalWhileWaitingForTheLock() throws {
            let board = try Self.openBoard()
            defer { board.close() }
            let holder = try LockHolder(lock: board.world.dataDir.path + "/.lock", seconds: 30)
            defer { holder.release() }
            usleep(300_000)
            let pid = try board.boardPID()
            try board.press("L")
            usleep(500_000)
            let sent = Date()
            #expect(kill(pid, SIGTERM) == 0)
            #expect(try waitForProcessToEnd(pid, timeout: 1.0), "the board still waits for the lock a second after SIGTERM")
            #expect(Date().timeIntervalSince(sent) <= 1.0)
            #expect(try board.waitForExit(timeout: 2) == 128 + SIGTERM)
            #expect(try board.modes() == .restored)
        }

        /// A paste of 230 KB (Hebrew and Arabic) into the filter is read in one pass: the
        /// filter shows it within seconds, and a Ctrl-C typed after it still ends the board
        /// promptly (read one scalar at a time, it took two minutes, and Ctrl-C fifteen). A byte
        /// that is not UTF-8 inside a paste never ends it early (the rest came in as keys).
        @Test("A huge paste into the filter is taken at once; Ctrl-C after it still ends the board")
        func hugePasteThenControlC() throws {
            let board = try Self.openBoard()
            defer { board.close() }
            let pid = try board.boardPID()
            try board.press("/")
            // Through a file: one argument of 230 KB is more than exec allows.
            let text = board.world.dataDir.path + "/../paste.txt"
            try Data(String(repeating: "שלום עולם مرحبا ", count: 8_000).utf8).write(to: URL(fileURLWithPath: text))
            try board.tmux("load-buffer", text)
            let pasted = Date()
            try board.tmux("paste-buffer", "-p")
            try board.press("Enter")
            _ = try board.waitUntil("the filter applied", timeout: 10) { $0.lines.first?.contains("filter “") == true }
            #expect(Date().timeIntervalSince(pasted) < 10)
            // A byte that is no UTF-8, then an Enter and a `q`, inside a paste: the byte is dropped,
            // the rest stays text (the board does not quit), and Ctrl-C still ends it at once.
            try Data([UInt8]("A".utf8) + [0xFF] + [UInt8](repeating: UInt8(ascii: "x"), count: 80_000) + [0x0D, UInt8(ascii: "q")])
                .write(to: URL(fileURLWithPath: text))
            try board.tmux("load-buffer", text)
            try board.press("Escape")
            try board.press("/")
            try board.tmux("paste-buffer", "-p")
            usleep(1_500_000)
            #expect(kill(pid, 0) == 0, "the board still runs: the pasted Enter and q were not taken as keys")
            let sent = Date()
            try board.press("C-c")
            #expect(try waitForProcessToEnd(pid, timeout: 5.0), "the board still runs 5 s after a Ctrl-C that followed a paste")
            #expect(Date().timeIntervalSince(sent) <= 5.0)
            #expect(try board.waitForExit(timeout: 2) == 130)
            #expect(try board.modes() == .restored)
        }

        @Test("Killing the tmux server leaves no funnel process behind within 2 s")
        func terminalServerDies() throws {
            let board = try Self.openBoard()
            let pid = try board.boardPID()
            board.close()
            #expect(try waitForProcessToEnd(pid, timeout: 2.0), "funnel \(pid) outlived its terminal")
        }

        @Test("With SIGHUP ignored (nohup), a terminal that goes away still ends the board: its input ends")
        func terminalGoneWithoutSignal() throws {
            let board = try Self.openBoard(ignoreHangup: true)
            let pid = try board.boardPID()
            board.close()
            #expect(try waitForProcessToEnd(pid, timeout: 2.0), "funnel \(pid) outlived its terminal")
        }
    }
}

/// Whether `pid` has ended (gone, or a zombie waiting for its parent) within `timeout`.
func waitForProcessToEnd(_ pid: pid_t, timeout: TimeInterval) throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if processHasEnded(pid) { return true }
        if Date() >= deadline { return false }
        usleep(20_000)
    }
}

/// Gone from the process table, or a zombie (state Z in /proc/PID/stat).
func processHasEnded(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state == "Z" || state == "X"
}
