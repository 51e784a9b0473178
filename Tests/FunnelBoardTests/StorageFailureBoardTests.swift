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
        @Test(
            "A read-only data directory: the move is refused with the reason, the board keeps running",
            .enabled(if: Tmpfs.canMount))
        func readOnlyWhileOpen() throws {
            let world = try FunnelWorld()
            #expect(try Tmpfs.mount(at: world.dataDir.path, size: "1m") == 0)
            defer { Tmpfs.unmount(world.dataDir.path) }
            try world.setUp()
            let id = try world.add("Stays put", "--next", "+1d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.waitForSelected("Stays put", in: "New inquiry")
            #expect(Tmpfs.remount(world.dataDir.path, readOnly: true) == 0)
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
            Tmpfs.remount(world.dataDir.path, readOnly: false)
        }
    }
}
