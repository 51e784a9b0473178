import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny tmpfs mounted over a test's data directory, to fill up or turn read-only (root only):
/// the storage-failure tests of the command line and of the board.
public enum Tmpfs {
    /// Whether this process may mount one (root, and a probe mount works).
    public static let canMount: Bool = {
        guard getuid() == 0, let probe = try? TemporaryFolder("funnel-mount-probe") else { return false }
        defer { probe.remove() }
        guard shell("mount -t tmpfs -o size=64k tmpfs \(probe.path)") == 0 else { return false }
        shell("umount \(probe.path)")
        return true
    }()

    /// Mounts a tmpfs of `size` (e.g. "256k", "1m") at `path`, made first, mode 0700.
    public static func mount(at path: String, size: String) throws -> Int32 {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return shell("mount -t tmpfs -o size=\(size),mode=0700 tmpfs \(path)")
    }

    /// `mount -o remount,ro|rw PATH`.
    @discardableResult
    public static func remount(_ path: String, readOnly: Bool) -> Int32 {
        shell("mount -o remount,\(readOnly ? "ro" : "rw") \(path)")
    }

    @discardableResult
    public static func unmount(_ path: String) -> Int32 { shell("umount \(path)") }

    /// Runs `sh -c COMMAND`, its output thrown away; the exit status, -1 when it cannot start.
    @discardableResult
    public static func shell(_ command: String) -> Int32 {
        let result = try? runProgram("/bin/sh", ["-c", command], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        return result.map { $0.signaled ? 128 + $0.status : $0.status } ?? -1
    }
}
