import Foundation
import Testing

/// End-to-end tests of the board: the real `funnel` binary in a tmux pane, data prepared and
/// checked with the command line. Serialized: each test has its own data directory and tmux
/// server, but they share two cores and timing matters (e.g. "within 2 seconds").
@Suite("The board in a real terminal (tmux)", .serialized)
struct BoardTests {}

extension FunnelWorld {
    /// A fresh world with the simple pipeline, manager dana and rep rita.
    static func team() throws -> FunnelWorld {
        let world = try FunnelWorld()
        try world.setUp()
        return world
    }

    /// The pipeline's stage names in board order, from `funnel stages --json`.
    func stageNames() throws -> [String] {
        let text = try cli("stages", "--json")
        guard let stages = try jsonObject(text)["stages"] as? [[String: Any]] else { throw WorldError("bad stages json: \(text)") }
        return stages.compactMap { $0.string("name") }
    }

    /// The day `days` after FUNNEL_NOW's day, as YYYY-MM-DD (UTC, as the children run with TZ=UTC).
    static func day(after days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = ISO8601DateFormatter().date(from: FunnelWorld.now)!
        let day = calendar.date(byAdding: .day, value: days, to: now)!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension TmuxBoard {
    /// c, then the outcome key (n, r, …) on the selected card or today's list: the
    /// date-and-note line is open.
    func startCall(_ outcome: String) throws {
        try press("c")
        try waitFor("No answer")
        try press(outcome)
        try waitFor("→ next call")
    }

    /// Logs a call: `startCall`, then `line` in place of the proposed date and note when given, then Enter.
    func logCall(_ outcome: String, replacingDateWith line: String? = nil) throws {
        try startCall(outcome)
        if let line {
            try press("C-u")
            try type(line)
        }
        try waitFor(line.map { String($0.split(separator: " ").dropFirst().joined(separator: " ").prefix(12)) } ?? "→ next")
        try press("Enter")
    }

    /// Presses `key` until the screen satisfies `condition`, at most `limit` times. After each
    /// press it waits for the pane to change (text or attributes: a highlight may be all that moves).
    @discardableResult
    func press(_ key: String, until what: String, limit: Int = 12, _ condition: (BoardScreen) -> Bool) throws -> BoardScreen {
        var screen = try self.screen()
        var presses = 0
        while !condition(screen) {
            guard presses < limit else {
                throw WorldError("pressed \(key) \(limit) times and never saw \(what); the screen was:\n\(screen.text)")
            }
            let before = try screenWithEscapes()
            try press(key)
            presses += 1
            let deadline = Date().addingTimeInterval(1)
            while try screenWithEscapes() == before, Date() < deadline { usleep(20_000) }
            screen = try self.screen()
        }
        return screen
    }

    /// Waits until the card titled `title` is selected.
    @discardableResult
    func waitForSelected(_ title: String, in stage: String, timeout: TimeInterval = 3) throws -> BoardScreen {
        try waitUntil("“\(title)” selected in \(stage)", timeout: timeout) { $0.isSelected(title, in: stage) }
    }
}
