import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team on one server as real Unix accounts (root only): a group, a manager and two reps
/// (`rita`, `sam`), made per test with unique names, a copy of the binary they may all run, and
/// a folder for the shared data directory. `createAccounts()` makes the accounts; `remove()`
/// deletes them (ending their processes first) and every file.
open class UnixTeam {
    /// Root, and the tools that make and switch accounts and read ACLs.
    public static let available =
        getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/runuser", "/usr/bin/setfacl", "/usr/bin/getfacl"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }

    public let group: String, manager: String, rita: String, sam: String
    /// Holds everything: the binary, the data directory, whatever a test puts beside them (0755).
    public let scratch: String
    /// The data directory.
    public let dir: String
    /// Where `runProgram` keeps its output files (so a test can tell them from its own).
    public let runs: String
    /// The copy of the binary under test that every account may run.
    public let binary: String

    /// `prefix` (one letter) starts the names: group `<prefix>g<tag>`, manager `<prefix>m<tag>`…
    public init(prefix: String) throws {
        let tag = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(6))
        group = prefix + "g" + tag
        manager = prefix + "m" + tag
        rita = prefix + "r" + tag
        sam = prefix + "s" + tag
        scratch = FileManager.default.temporaryDirectory.path + "/funnel-team-\(tag)"
        dir = scratch + "/shared"
        runs = scratch + "/runs"
        binary = try FunnelBinary.copy(into: scratch)
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
    }

    /// Every account, the manager first.
    public var accounts: [String] { [manager, rita, sam] }

    /// Makes the group and the accounts (no home, the group as their primary group).
    public func createAccounts(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try sh(["/usr/sbin/groupadd", group]).ok, sourceLocation: sourceLocation)
        for user in accounts {
            let made = try sh(["/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", user])
            #expect(made.ok, "\(made)", sourceLocation: sourceLocation)
        }
    }

    /// Ends the accounts' processes, deletes the accounts and the group, and removes every file.
    public func remove() {
        for user in accounts {
            if let uid = getpwnam(user)?.pointee.pw_uid { Self.killProcesses(of: uid) }
            _ = try? sh(["/usr/sbin/userdel", user])
        }
        _ = try? sh(["/usr/sbin/groupdel", group])
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Ends any process still running as a test account (a funnel that hung on a FIFO would keep
    /// userdel from removing it): each found by its id in /proc, only this test's accounts.
    public static func killProcesses(of uid: uid_t) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), pid > 1 else { continue }
            var info = stat()
            if stat("/proc/\(name)", &info) == 0, info.st_uid == uid { kill(pid, SIGKILL) }
        }
        usleep(100_000)
    }

    /// A program run as root.
    public func sh(_ arguments: [String], timeLimit: TimeInterval = 30) throws -> RunResult {
        try runProgram(
            arguments[0], Array(arguments.dropFirst()), environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
            scratch: runs, timeLimit: timeLimit)
    }

    /// A program run as `account`.
    public func shell(_ account: String, _ arguments: String...) throws -> RunResult {
        try runProgram("/usr/sbin/runuser", ["-u", account, "--"] + arguments, environment: ["PATH": "/usr/bin:/bin"], scratch: runs)
    }

    /// The environment funnel runs in here: the data directory, the scratch folder as home.
    public var funnelEnvironment: [String: String] {
        ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": dir, "HOME": scratch]
    }

    /// funnel as `account`, its own OS identity (no FUNNEL_USER).
    public func funnel(_ account: String, _ arguments: String...) throws -> RunResult {
        try funnel(account, arguments)
    }

    /// funnel as `account`, its own OS identity (no FUNNEL_USER).
    public func funnel(_ account: String, _ arguments: [String]) throws -> RunResult {
        try runProgram(
            "/usr/sbin/runuser", ["-u", account, "--", binary] + arguments, environment: funnelEnvironment,
            scratch: runs, timeLimit: 20)
    }

    /// funnel as root (acting for `user` when given, through FUNNEL_USER).
    public func rootFunnel(_ arguments: [String], user: String? = nil) throws -> RunResult {
        var environment = funnelEnvironment
        if let user { environment["FUNNEL_USER"] = user }
        return try runProgram(binary, arguments, environment: environment, scratch: runs, timeLimit: 20)
    }

    /// `funnel capture` as `account` of a CSV file holding one lead, "Shared lead" (a file
    /// every account may read); the run, whose output is the lead's id.
    public func captureSharedLead(as account: String) throws -> RunResult {
        let leads = scratch + "/leads.csv"
        try Data("name,phone\nShared lead,054-1234567\n".utf8).write(to: URL(fileURLWithPath: leads))
        chmod(leads, 0o644)
        return try funnel(account, "capture", leads)
    }

    /// `funnel team-init DIR --group GROUP EXTRA…` as root, as docs/team.md says (again after
    /// adding people).
    public func teamInit(_ extra: String...) throws -> RunResult {
        try rootFunnel(["team-init", dir, "--group", group] + extra)
    }
}
