import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The board in a real terminal: a `TmuxSession` (FunnelTestSupport) whose pane runs
/// `trap : INT; funnel ARGS; echo EXIT=$?; sleep 120` under `/bin/sh`, so after the board ends
/// the shell prints its exit status on the normal screen and the pane stays to be read.
final class TmuxBoard {
    let world: FunnelWorld
    let session: TmuxSession
    var socket: String { session.socket }

    /// Starts a session of `width`×`height` running the board as `user` with `arguments`.
    /// `extraEnvironment` is added to the child's environment (e.g. NO_COLOR).
    ///
    /// With `jobControl`, the pane runs an interactive bash instead (job control, so Ctrl-Z
    /// can stop the board) and the board's command line is typed into it. With `ignoreHangup` the
    /// board starts with SIGHUP ignored, as under `nohup`. With `recordOutput`, every byte the
    /// pane's programs write to the terminal is appended to that file (`pipe-pane -O`, set up in
    /// the same tmux command as the session, before the server reads any output from the pane).
    init(
        _ world: FunnelWorld, arguments: [String] = [], user: String? = nil, width: Int = 120, height: Int = 35,
        extraEnvironment: [String: String] = [:], jobControl: Bool = false, ignoreHangup: Bool = false,
        recordOutput: URL? = nil
    ) throws {
        self.world = world
        var environment = world.environment(user: user)
        for (key, value) in extraEnvironment { environment[key] = value }
        let board = ([world.binary] + arguments).map(Spawn.shellQuote).joined(separator: " ")
        // Like an interactive shell, the pane's shell survives a Ctrl-C meant for the board.
        let command =
            jobControl
            ? "exec bash --norc --noprofile -i"
            : "trap : INT; \(ignoreHangup ? "trap '' HUP; " : "")\(board); echo EXIT=$?; sleep 120"
        let after = recordOutput.map { ["pipe-pane", "-t", "board", "-O", "cat >> \(Spawn.shellQuote($0.path))"] } ?? []
        // The socket lives in the world's temporary root, removed with it.
        session = try TmuxSession(
            folder: world.root.path, command: command, environment: environment, width: width, height: height,
            after: after)
        if jobControl {
            try type("\(board); echo EXIT=$?")
            try press("Enter")
        }
    }

    /// Kills the private tmux server (and with it the pane's processes). Safe to call twice.
    func close() { session.close() }

    /// Runs `tmux ARGUMENTS` against the board's server, requiring success; its stdout.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String { try session.tmux(arguments) }

    /// Presses keys by tmux name: "Right", "S-Right", "Space", "Enter", "Escape", "C-r", "j"…
    func press(_ keys: String...) throws {
        for key in keys { try session.press(key) }
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try session.type(text)
    }

    /// The pane as text, one line per row.
    func screen() throws -> BoardScreen {
        BoardScreen(try session.capture())
    }

    /// The pane with its attributes and colours as SGR escape sequences.
    func screenWithEscapes() throws -> String {
        try session.capture(escapes: true)
    }

    /// A tmux format, e.g. `#{alternate_on}`, for the pane.
    func display(_ format: String) throws -> String {
        try session.display(format)
    }

    /// Whether the pane is showing the alternate screen.
    func alternateScreenOn() throws -> Bool { try display("#{alternate_on}") == "1" }

    /// The terminal modes a full-screen program changes and must give back.
    struct Modes: Equatable, CustomStringConvertible {
        var alternateScreen: Bool
        var cursorVisible: Bool
        var keypadTransmit: Bool
        var mouseReporting: Bool

        /// What a shell expects to find after a full-screen program ends.
        static let restored = Modes(alternateScreen: false, cursorVisible: true, keypadTransmit: false, mouseReporting: false)

        var description: String {
            "alternate screen \(alternateScreen), cursor visible \(cursorVisible), keypad \(keypadTransmit), mouse \(mouseReporting)"
        }
    }

    /// The pane's terminal modes, as tmux tracks them.
    func modes() throws -> Modes {
        let flags = try display("#{alternate_on}#{cursor_flag}#{keypad_cursor_flag}#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}")
            .map { $0 == "1" }
        guard flags.count == 6 else { throw WorldError("unexpected tmux flags: \(flags)") }
        return Modes(
            alternateScreen: flags[0], cursorVisible: flags[1], keypadTransmit: flags[2],
            mouseReporting: flags[3] || flags[4] || flags[5])
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-x", "\(width)", "-y", "\(height)")
    }

    /// The board's process: the child of the pane's shell.
    func boardPID() throws -> pid_t {
        let shell = try display("#{pane_pid}")
        let result = try runProgram("/usr/bin/env", ["pgrep", "-P", shell], environment: ["PATH": "/usr/bin:/bin"])
        let pids = result.stdout.split(separator: "\n").compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
        guard pids.count == 1, let pid = pids.first else {
            throw WorldError("expected one child of the pane's shell \(shell), found \(pids)")
        }
        return pid
    }

    // MARK: Waiting (polling, never fixed sleeps)

    /// Waits until the pane shows `text`; returns that screen or throws with the last one seen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 5) throws -> BoardScreen {
        try waitUntil("“\(text)” on screen", timeout: timeout) { $0.text.contains(text) }
    }

    /// Waits until the pane no longer shows `text`.
    @discardableResult
    func waitForGone(_ text: String, timeout: TimeInterval = 5) throws -> BoardScreen {
        try waitUntil("“\(text)” gone from the screen", timeout: timeout) { !$0.text.contains(text) }
    }

    /// Waits until `condition` holds for the pane.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 5, _ condition: (BoardScreen) -> Bool) throws -> BoardScreen {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while true {
            if condition(last) {
                // A capture can fall between the writes of one frame: take it only if it holds still.
                usleep(15_000)
                let again = try screen()
                if again.text == last.text { return last }
                last = again
                continue
            }
            guard Date() < deadline else {
                throw WorldError("timed out after \(timeout)s waiting for \(what); the screen was:\n\(last.text)")
            }
            usleep(25_000)
            last = try screen()
        }
    }

    /// Waits for the board's first frame (its header line).
    @discardableResult
    func waitForBoard(timeout: TimeInterval = 10) throws -> BoardScreen {
        try waitUntil("the board's header", timeout: timeout) { $0.lines.first?.hasPrefix(" funnel · ") == true }
    }

    /// Waits for the pane's shell to print the board's exit status; returns it.
    func waitForExit(timeout: TimeInterval = 5) throws -> Int32 {
        let screen = try waitUntil("EXIT=", timeout: timeout) { $0.text.contains("EXIT=") }
        let line = screen.lines.first { $0.hasPrefix("EXIT=") } ?? ""
        guard let status = Int32(line.dropFirst("EXIT=".count).trimmingCharacters(in: .whitespaces)) else {
            throw WorldError("no exit status in: \(line)")
        }
        return status
    }
}

/// A captured pane, with helpers that read the board's layout: columns are separated by `│`,
/// row 0 is the header, rows 1–2 the column headers, cards start at row 3 and take 4 rows each.
struct BoardScreen: CustomStringConvertible {
    let text: String
    let lines: [String]

    init(_ text: String) {
        self.text = text
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    var description: String { text }

    var header: String { lines.first ?? "" }
    var statusLine: String { lines.last ?? "" }

    /// The pieces of a row between column separators.
    func cells(row: Int) -> [String] {
        guard lines.indices.contains(row) else { return [] }
        return lines[row].components(separatedBy: "│")
    }

    /// The stage names in the column headers, left to right, as shown (possibly cut with "…").
    var columnNames: [String] { cells(row: 1).map { $0.trimmingCharacters(in: .whitespaces) } }

    /// The index of the shown column whose header starts with `name` (or with its cut-off start).
    func columnIndex(_ name: String) -> Int? {
        columnNames.firstIndex { shown in
            if shown == name { return true }
            if shown.hasSuffix("…") { return name.hasPrefix(String(shown.dropLast())) }
            return false
        }
    }

    /// The card count in a column's header (row 2: " N · ₪sum").
    func count(in stage: String) -> Int? {
        guard let index = columnIndex(stage) else { return nil }
        let cells = cells(row: 2)
        guard cells.indices.contains(index) else { return nil }
        let digits = cells[index].trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
        return Int(digits)
    }

    /// The cards of a column, top to bottom: the text of each card's first line and its marker
    /// ("▌" selected, "⇢" carried, " " plain).
    func cards(in stage: String) -> [(marker: Character, title: String)] {
        guard let index = columnIndex(stage) else { return [] }
        var cards: [(Character, String)] = []
        var row = 3
        while row < lines.count - 2 {
            let cells = cells(row: row)
            guard cells.indices.contains(index), let marker = cells[index].first else { break }
            let title = String(cells[index].dropFirst()).trimmingCharacters(in: .whitespaces)
            if title.isEmpty || title.hasPrefix("(no cards)") || title.hasPrefix("↓ ") { break }
            cards.append((marker, title))
            row += 4
        }
        return cards
    }

    /// The titles of a column's cards, top to bottom.
    func titles(in stage: String) -> [String] { cards(in: stage).map(\.title) }

    /// The column and title of the selected card ("▌"), if any.
    var selected: (stage: String, title: String)? {
        for name in columnNames {
            if let card = cards(in: name).first(where: { $0.marker == "▌" }) { return (name, card.title) }
        }
        return nil
    }

    /// Whether the card titled `title` is the selected one in column `stage`.
    func isSelected(_ title: String, in stage: String) -> Bool {
        cards(in: stage).contains { $0.marker == "▌" && $0.title == title }
    }

    /// The column and title of the card being carried ("⇢"), if any.
    var carried: (stage: String, title: String)? {
        for name in columnNames {
            if let card = cards(in: name).first(where: { $0.marker == "⇢" }) { return (name, card.title) }
        }
        return nil
    }

    /// Whether any row of column `stage` contains `text` (e.g. "↓ 2 more").
    func column(_ stage: String, contains text: String) -> Bool {
        guard let index = columnIndex(stage) else { return false }
        return (1..<max(1, lines.count - 1)).contains { row in
            let cells = cells(row: row)
            return cells.indices.contains(index) && cells[index].contains(text)
        }
    }
}
