import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Disk full, a read-only file system, permission denied: a clear error naming the file, exit 4,
/// and nothing already saved is lost. Needs root (to mount a tiny tmpfs and to switch users).
@Suite("Storage failures", .serialized) struct StorageFailureTests {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.path + "/funnel-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard shell("mount -t tmpfs -o size=64k tmpfs \(probe)") == 0 else { return false }
        _ = shell("umount \(probe)")
        return true
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " >/dev/null 2>&1"]
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// A sandbox whose data directory is a small tmpfs.
    static func mounted(size: String) throws -> Sandbox {
        let s = try Sandbox()
        try FileManager.default.createDirectory(atPath: s.dataDir, withIntermediateDirectories: true)
        #expect(shell("mount -t tmpfs -o size=\(size),mode=0700 tmpfs \(s.dataDir)") == 0)
        return s
    }

    static func unmount(_ s: Sandbox) {
        shell("umount \(s.dataDir)")
        s.remove()
    }

    @Test(.enabled(if: canMount)) func aFullDiskIsAClearErrorAndLosesNothing() throws {
        let s = try Self.mounted(size: "256k")
        defer { Self.unmount(s) }
        try s.initialize()
        let id = try s.add("Saved before", "--value", "100")
        let before = try s.deal(id)
        // Fill the disk.
        Self.shell("dd if=/dev/zero of=\(s.dataDir)/filler bs=4k count=1000")
        let add = try s.run("add", "Too much", "--notes", String(repeating: "x", count: 9_000))
        #expect(add.status == Exit.data, "\(add)")
        #expect(add.stderr.contains("No space left on device") || add.stderr.contains("space"), "\(add.stderr)")
        let move = try s.run("edit", id, "--notes", String(repeating: "y", count: 19_000))
        #expect(move.status == Exit.data, "\(move)")
        // Nothing half-written: the saved deal is exactly as it was, and no temp file is left behind.
        #expect(try s.deal(id)["revision"] as? Int == before["revision"] as? Int)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(.enabled(if: canMount)) func aReadOnlyFileSystemIsAClearError() throws {
        let s = try Self.mounted(size: "1m")
        defer { Self.unmount(s) }
        try s.initialize()
        let id = try s.add("Read only", "--value", "5")
        #expect(Self.shell("mount -o remount,ro \(s.dataDir)") == 0)
        let move = try s.run("move", id, "follow-up", "--next", "+1d")
        #expect(move.status == Exit.data, "\(move)")
        #expect(move.stderr.contains("Read-only file system"), "\(move.stderr)")
        // Reading still works.
        #expect(try s.deal(id).string("stage") == "new")
        Self.shell("mount -o remount,rw \(s.dataDir)")
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func permissionDeniedIsAClearError() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.initialize()
        // The data directory is 0700 root's; another account gets a clear refusal, exit 4. The
        // binary is copied where that account may run it (the checkout may be in a private folder).
        let shared = FileManager.default.temporaryDirectory.path + "/funnel-bin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: shared) }
        chmod(shared, 0o755)
        try FileManager.default.copyItem(atPath: FunnelBinary.path, toPath: shared + "/funnel")
        chmod(shared + "/funnel", 0o755)
        let result = try runProgram(
            "/usr/sbin/runuser", ["-u", "nobody", "--", shared + "/funnel", "list"],
            environment: s.environment(user: "nobody"), scratch: s.root)
        #expect(result.status == Exit.data, "\(result)")
        #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains(s.dataDir))
    }
}
