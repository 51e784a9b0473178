import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team on one server with a hostile rep: a group, a manager and two reps (rita attacks, sam is
/// the victim) as real Unix accounts, a data directory prepared by `funnel team-init`, and canary
/// files outside it. Made per test with unique names; `remove()` deletes accounts and files.
final class HostileTeam {
    static let available =
        getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/runuser", "/usr/bin/setfacl", "/usr/bin/getfacl"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }

    let group: String, manager: String, rita: String, sam: String
    /// Holds everything: the binary, the data directory, the canaries.
    let scratch: String
    /// The data directory.
    let dir: String
    /// Where runProgram keeps its output files (so they are not counted as changes outside).
    let runs: String
    let binary: String
    /// A root-only file outside the data directory, like /etc/shadow: root:root 0600.
    let shadow: String
    /// The victim's deal, made before the attack.
    private(set) var samsDeal = ""

    init() throws {
        let tag = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(6))
        group = "hg" + tag
        manager = "hm" + tag
        rita = "hr" + tag
        sam = "hs" + tag
        scratch = FileManager.default.temporaryDirectory.path + "/funnel-hostile-\(tag)"
        dir = scratch + "/shared"
        runs = scratch + "/runs"
        binary = scratch + "/funnel"
        shadow = scratch + "/shadow"
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        chmod(scratch, 0o755)
        try FileManager.default.copyItem(atPath: FunnelBinary.path, toPath: binary)
        chmod(binary, 0o755)
        try Data("root:$6$secret-hash:19000:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: shadow))
        chmod(shadow, 0o600)
    }

    /// Makes the group and the accounts, prepares the directory, and gives the victim a deal.
    func setUp() throws {
        #expect(try sh(["/usr/sbin/groupadd", group]).ok)
        for user in [manager, rita, sam] {
            #expect(try sh(["/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", user]).ok)
        }
        let setup = try teamInit("--manager", manager)
        #expect(setup.ok, "\(setup)")
        let added = try funnel(sam, "add", "Sam's big deal", "--value", "5000")
        #expect(added.ok, "\(added)")
        samsDeal = added.output
    }

    func remove() {
        for user in [manager, rita, sam] {
            if let uid = getpwnam(user)?.pointee.pw_uid { Self.killProcesses(of: uid) }
            _ = try? sh(["/usr/sbin/userdel", user])
        }
        _ = try? sh(["/usr/sbin/groupdel", group])
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Ends any process still running as a test account (a funnel that hung on a FIFO would keep
    /// userdel from removing it): each found by its id in /proc, only this test's accounts.
    static func killProcesses(of uid: uid_t) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), pid > 1 else { continue }
            var info = stat()
            if stat("/proc/\(name)", &info) == 0, info.st_uid == uid { kill(pid, SIGKILL) }
        }
        usleep(100_000)
    }

    /// A program run as root.
    func sh(_ arguments: [String], timeLimit: TimeInterval = 30) throws -> RunResult {
        try runProgram(
            arguments[0], Array(arguments.dropFirst()), environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
            scratch: runs, timeLimit: timeLimit)
    }

    /// A program run as `account`.
    func shell(_ account: String, _ arguments: String...) throws -> RunResult {
        try runProgram("/usr/sbin/runuser", ["-u", account, "--"] + arguments, environment: ["PATH": "/usr/bin:/bin"], scratch: runs)
    }

    /// funnel as `account`, its own OS identity.
    func funnel(_ account: String, _ arguments: String...) throws -> RunResult {
        try funnel(account, arguments)
    }

    /// funnel as `account`, its own OS identity.
    func funnel(_ account: String, _ arguments: [String]) throws -> RunResult {
        try runProgram(
            "/usr/sbin/runuser", ["-u", account, "--", binary] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": dir, "HOME": scratch],
            scratch: runs, timeLimit: 20)
    }

    /// funnel as root (acting for `user` when given, through FUNNEL_USER).
    func rootFunnel(_ arguments: [String], user: String? = nil) throws -> RunResult {
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": dir, "HOME": scratch]
        if let user { environment["FUNNEL_USER"] = user }
        return try runProgram(binary, arguments, environment: environment, scratch: runs, timeLimit: 20)
    }

    /// `funnel team-init` again, as root, as docs/team.md says to after adding people.
    func teamInit(_ extra: String...) throws -> RunResult {
        try rootFunnel(["team-init", dir, "--group", group] + extra)
    }

    /// The victim's deal file.
    var samsFile: String { dir + "/deals/\(sam)/\(samsDeal).json" }

    /// Everything outside the data directory: each path's owner, mode, links, size, bytes and
    /// ACL. Equal snapshots mean nothing outside was changed.
    func outside() throws -> [String: String] {
        var snapshot: [String: String] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: scratch)
        where !relative.hasPrefix("shared") && !relative.hasPrefix("runs") {
            let path = scratch + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            // The funnel binary is large: its status is enough.
            let isContent = info.st_mode & S_IFMT == S_IFREG && relative != "funnel"
            let bytes = isContent ? (FileManager.default.contents(atPath: path)?.base64EncodedString() ?? "?") : ""
            let acl = try sh(["/usr/bin/getfacl", "-p", "-P", path]).stdout
            snapshot[relative] = "\(info.st_uid):\(info.st_gid) \(String(info.st_mode, radix: 8)) n\(info.st_nlink) \(info.st_size) \(bytes)\n\(acl)"
        }
        return snapshot
    }
}
