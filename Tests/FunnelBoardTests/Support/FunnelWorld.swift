import Foundation
// The binary under test is decided in one place for every test target.
@_exported import FunnelTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A failure of the test harness itself, with what it saw.
struct WorldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One isolated funnel installation: a fresh temporary root holding the data directory, HOME,
/// XDG config and TMPDIR, and the environment every child (CLI or board) gets.
final class FunnelWorld {
    /// The fixed "now" every process sees.
    static let now = FixedClock.iso

    let folder: TemporaryFolder
    let root: URL
    let dataDir: URL
    let tmpDir: URL
    let binary: String
    /// The acting account for the CLI and the board, unless a call names another.
    var user: String

    /// With `newUser`, the board shows its first-run hints (issue #20); otherwise the user has
    /// done the first steps already, as the tests about other things assume.
    init(user: String = "dana", newUser: Bool = false) throws {
        binary = try FunnelBinary.require()
        self.user = user
        folder = try TemporaryFolder("funnel-board")
        root = URL(fileURLWithPath: folder.path)
        dataDir = root.appendingPathComponent("data")
        tmpDir = root.appendingPathComponent("tmp")
        for dir in [tmpDir, root.appendingPathComponent("home"), root.appendingPathComponent("config")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        if !newUser {
            let state = root.appendingPathComponent("home/.local/state/funnel")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try "add-deal\nlog-call\ntoday\n".write(to: state.appendingPathComponent("first-steps"), atomically: true, encoding: .utf8)
        }
    }

    deinit { folder.remove() }

    /// The environment of every child process.
    func environment(user: String? = nil, now: String? = nil) -> [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.appendingPathComponent("home").path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
            "XDG_DATA_HOME": root.appendingPathComponent("home").path,
            "TMPDIR": tmpDir.path,
            "FUNNEL_DATA_DIR": dataDir.path,
            "FUNNEL_USER": user ?? self.user,
            "FUNNEL_NOW": now ?? FunnelWorld.now,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "SHELL": "/bin/sh",
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    /// Writes `$XDG_CONFIG_HOME/funnel/config` (theme, mouse, mailer, …) for every child.
    func writeConfig(_ text: String) throws {
        let folder = root.appendingPathComponent("config/funnel")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    }

    // MARK: The command line

    /// Runs `funnel ARGS` to the end, as `account` (default `user`) at `now` (default FUNNEL_NOW).
    @discardableResult
    func run(_ arguments: [String], as account: String? = nil, now: String? = nil) throws -> RunResult {
        try runProgram(binary, arguments, environment: environment(user: account, now: now), scratch: root.path)
    }

    /// Runs `funnel ARGS` and requires success; returns stdout without the final newline.
    @discardableResult
    func cli(_ arguments: String..., as account: String? = nil, now: String? = nil) throws -> String {
        try succeed(arguments, as: account, now: now)
    }

    /// `funnel init` as the manager plus reps, each `(account, name)`.
    func setUp(manager: String = "dana", reps: [(String, String)] = [("rita", "Rita Rep")]) throws {
        try cli("init", as: manager)
        for (account, name) in reps { try cli("team", "add", account, "--role", "rep", "--name", name, as: manager) }
    }

    /// `funnel add TITLE OPTIONS…`; returns the new deal's id.
    @discardableResult
    func add(_ title: String, _ options: String..., as account: String? = nil) throws -> String {
        try succeed(["add", title] + options, as: account)
    }

    /// Runs `funnel ARGS`, requiring exit status 0; returns stdout without the final newline.
    func succeed(_ arguments: [String], as account: String?, now: String? = nil) throws -> String {
        let result = try run(arguments, as: account, now: now)
        guard result.ok else {
            throw WorldError("funnel \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// `funnel show ID --json`, as the manager who can see every deal.
    func show(_ id: String, as account: String = "dana") throws -> DealSnapshot {
        let text = try succeed(["show", id, "--json"], as: account)
        return try DealSnapshot(json: text)
    }

    /// `funnel list --all --json`.
    func list(as account: String = "dana") throws -> [DealSnapshot] {
        try jsonArray(try succeed(["list", "--all", "--json"], as: account)).map(DealSnapshot.init(object:))
    }

    /// Polls `funnel show ID --json` until `condition` holds; the last snapshot either way.
    @discardableResult
    func waitForDeal(_ id: String, timeout: TimeInterval = 3, _ condition: (DealSnapshot) -> Bool) throws -> DealSnapshot {
        let deadline = Date().addingTimeInterval(timeout)
        var deal = try show(id)
        while !condition(deal), Date() < deadline {
            usleep(50_000)
            deal = try show(id)
        }
        return deal
    }
}

/// The fields of `funnel show --json` / `funnel list --json` the board tests look at.
struct DealSnapshot: CustomStringConvertible {
    let object: [String: Any]

    init(object: [String: Any]) { self.object = object }

    init(json: String) throws { object = try jsonObject(json) }

    var id: String { object["id"] as? String ?? "" }
    var title: String { object["title"] as? String ?? "" }
    var company: String { object["company"] as? String ?? "" }
    var stage: String { object["stage"] as? String ?? "" }
    var owner: String? { object["owner"] as? String }
    var value: String? { object["value"] as? String }
    var revision: Int { (object["revision"] as? NSNumber)?.intValue ?? -1 }
    var nextActionDate: String? { object["next_action_date"] as? String }
    var lostReason: String? { object["lost_reason"] as? String }
    var notes: String { object["notes"] as? String ?? "" }
    var activities: [[String: Any]] { object["activities"] as? [[String: Any]] ?? [] }
    var history: [[String: Any]] { object["history"] as? [[String: Any]] ?? [] }

    var description: String { "\(id) “\(title)” stage=\(stage) rev=\(revision) next=\(nextActionDate ?? "nil")" }
}
