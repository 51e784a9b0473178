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

/// What a finished command printed, and how it ended.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// One isolated funnel installation: a fresh temporary root holding the data directory, HOME,
/// XDG config and TMPDIR, and the environment every child (CLI or board) gets.
final class FunnelWorld {
    /// The fixed "now" every process sees.
    static let now = "2026-11-24T09:00:00Z"

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
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("funnel-board-\(UUID().uuidString.prefix(8).lowercased())")
        dataDir = root.appendingPathComponent("data")
        tmpDir = root.appendingPathComponent("tmp")
        for dir in [root, tmpDir, root.appendingPathComponent("home"), root.appendingPathComponent("config")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        if !newUser {
            let state = root.appendingPathComponent("home/.local/state/funnel")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try "add-deal\nlog-call\ntoday\n".write(to: state.appendingPathComponent("first-steps"), atomically: true, encoding: .utf8)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

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
    func run(_ arguments: [String], as account: String? = nil, now: String? = nil) throws -> CommandResult {
        try Run.process(binary, arguments, environment: environment(user: account, now: now))
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
        guard result.status == 0 else {
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
        let text = try succeed(["list", "--all", "--json"], as: account)
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw WorldError("funnel list --json did not print an array: \(text)")
        }
        return array.map(DealSnapshot.init(object:))
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

    init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw WorldError("not a JSON object: \(json)")
        }
        self.object = object
    }

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

/// Running a process to the end with `posix_spawn` and `waitpid`, output captured through files.
///
/// Not Foundation's `Process`: on Linux it learns of a child's exit through a descriptor the
/// child inherits, so a child that leaves a daemon behind (the tmux server) never "exits".
/// Here the child gets only stdin (/dev/null), stdout and stderr (files): every other
/// descriptor is closed, so no daemon holds the test runner's pipes open either.
enum Run {
    static func process(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path, errPath = scratch.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw WorldError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw WorldError("waitpid \(pid): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG do not import; a signal death reads as 128+N, like sh.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(
            status: exitStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// The descriptors open in this process.
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        if names.isEmpty { return Array(3..<256).filter { fcntl($0, F_GETFD) != -1 } }
        return names.compactMap { Int32($0) }
    }

    /// Single-quotes a word for `sh`.
    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
