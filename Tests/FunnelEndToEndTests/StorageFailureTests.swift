import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Disk full, a read-only file system, permission denied: a clear error naming the file, exit 4,
/// and nothing already saved is lost. Needs root (to mount a tiny tmpfs and to switch users).
@Suite("Storage failures", .serialized) struct StorageFailureTests {
    static let canMount = Tmpfs.canMount

    /// A sandbox whose data directory is a small tmpfs.
    static func mounted(size: String) throws -> Sandbox {
        let s = try Sandbox()
        #expect(try Tmpfs.mount(at: s.dataDir, size: size) == 0)
        return s
    }

    static func unmount(_ s: Sandbox) {
        Tmpfs.unmount(s.dataDir)
        s.remove()
    }

    @Test(.enabled(if: canMount)) func aFullDiskIsAClearErrorAndLosesNothing() throws {
        let s = try Self.mounted(size: "256k")
        defer { Self.unmount(s) }
        try s.initialize()
        let id = try s.add("Saved before", "--value", "100")
        let before = try s.deal(id)
        // Fill the disk.
        Tmpfs.shell("dd if=/dev/zero of=\(s.dataDir)/filler bs=4k count=1000")
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

    /// A capture that fills the disk prints the ids of the leads it saved before the error: every
    /// id printed is a deal on disk, every deal on disk was printed.
    @Test(.enabled(if: canMount)) func aCaptureThatFillsTheDiskPrintsWhatItSaved() throws {
        let s = try Self.mounted(size: "300k")
        defer { Self.unmount(s) }
        try s.initialize()
        let leads = s.root + "/leads.csv"
        let rows = (0..<3_000).map { "Lead \($0),Company \($0),lead-\($0)@example.invalid" }
        try (["name,company,email"] + rows).joined(separator: "\n").write(toFile: leads, atomically: true, encoding: .utf8)
        let capture = try s.run("capture", leads)
        #expect(capture.status == Exit.data && capture.stderr.contains("No space left on device"), "\(capture.stderr)")
        let printed = Set(capture.stdout.split(separator: "\n").map(String.init))
        let onDisk = Set(
            try FileManager.default.contentsOfDirectory(atPath: s.dataDir + "/inbox").filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        #expect(!onDisk.isEmpty && printed == onDisk, "printed \(printed.count), on disk \(onDisk.count)")
        for id in printed.prefix(20) { #expect(try s.deal(id).string("id") == id) }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: s.dataDir).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(.enabled(if: canMount)) func aReadOnlyFileSystemIsAClearError() throws {
        let s = try Self.mounted(size: "1m")
        defer { Self.unmount(s) }
        try s.initialize()
        let id = try s.add("Read only", "--value", "5")
        #expect(Tmpfs.remount(s.dataDir, readOnly: true) == 0)
        let move = try s.run("move", id, "follow-up", "--next", "+1d")
        #expect(move.status == Exit.data, "\(move)")
        #expect(move.stderr.contains("Read-only file system"), "\(move.stderr)")
        // Reading still works.
        #expect(try s.deal(id).string("stage") == "new")
        Tmpfs.remount(s.dataDir, readOnly: false)
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func permissionDeniedIsAClearError() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        // The data directory is 0700 root's; another account gets a clear refusal, exit 4. The
        // binary is copied where that account may run it (the checkout may be in a private folder).
        let shared = try TemporaryFolder("funnel-bin")
        defer { shared.remove() }
        let binary = try FunnelBinary.copy(into: shared.path)
        let result = try runProgram(
            "/usr/sbin/runuser", ["-u", "nobody", "--", binary, "list"],
            environment: s.environment(user: "nobody"), scratch: s.root)
        #expect(result.status == Exit.data, "\(result)")
        #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains(s.dataDir))
    }
}
