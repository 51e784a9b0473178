import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Another process holding the data lock and not letting go (a suspended `funnel capture`, a hung
/// script): `flock -o -x LOCK sleep SECONDS`, flock itself holding it until `release()`.
public final class LockHolder {
    public let pid: pid_t
    private var released = false

    /// Starts the holder and waits (at most 5 s) until the lock is taken.
    public init(lock: String, seconds: Int = 60) throws {
        pid = try Spawn.start(
            "/usr/bin/flock", ["-o", "-x", lock, "/bin/sleep", "\(seconds)"], environment: ["PATH": "/usr/bin:/bin"])
        let deadline = Date().addingTimeInterval(5)
        while !Self.isHeld(lock), Date() < deadline { usleep(10_000) }
    }

    deinit { release() }

    /// Whether someone holds `lock` exclusively now.
    public static func isHeld(_ lock: String) -> Bool {
        let fd = open(lock, O_RDONLY)
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    /// Kills flock and its sleep, and reaps flock. Safe to call twice.
    public func release() {
        guard !released else { return }
        released = true
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        kill(pid, SIGKILL)
        for child in children.split(separator: " ").compactMap({ pid_t($0) }) { kill(child, SIGKILL) }
        _ = Spawn.wait(pid)
    }
}
