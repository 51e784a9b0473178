import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    /// A save that the operating system refuses: the board says so, keeps running, and the card
    /// stays where the disk says it is.
    @Suite("Storage failures on the board", .serialized)
    struct StorageFailureBoard {
        static func sh(_ command: String) -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command + " >/dev/null 2>&1"]
            do { try p.run() } catch { return -1 }
            p.waitUntilExit()
            return p.terminationStatus
        }

        static let canMount: Bool = {
            guard getuid() == 0 else { return false }
            let probe = FileManager.default.temporaryDirectory.path + "/funnel-mount-probe-board-\(getpid())"
            try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: probe) }
            guard sh("mount -t tmpfs -o size=64k tmpfs \(probe)") == 0 else { return false }
            _ = sh("umount \(probe)")
            return true
        }()

        @Test(
            "A read-only data directory: the move is refused with the reason, the board keeps running",
            .enabled(if: canMount))
        func readOnlyWhileOpen() throws {
            let world = try FunnelWorld()
            try FileManager.default.createDirectory(at: world.dataDir, withIntermediateDirectories: true)
            #expect(Self.sh("mount -t tmpfs -o size=1m,mode=0700 tmpfs \(world.dataDir.path)") == 0)
            defer { _ = Self.sh("umount \(world.dataDir.path)") }
            try world.setUp()
            let id = try world.add("Stays put", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Stays put", in: "New inquiry")
            #expect(Self.sh("mount -o remount,ro \(world.dataDir.path)") == 0)
            try board.press("S-Right")
            let screen = try board.waitUntil("the refusal in the status line") { $0.statusLine.contains("not saved") }
            #expect(screen.statusLine.contains("Read-only file system"), "\(screen.statusLine)")
            try board.waitUntil("the card back in New inquiry") { $0.titles(in: "New inquiry").contains("Stays put") }
            #expect(try world.show(id).stage == "new")
            // Still responsive: the help opens and closes.
            try board.press("?")
            try board.waitFor("Keys — ")
            try board.press("Escape")
            try board.waitForGone("Keys — ")
            _ = Self.sh("mount -o remount,rw \(world.dataDir.path)")
        }
    }
}
