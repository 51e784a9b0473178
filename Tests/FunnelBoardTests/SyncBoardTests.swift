import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    /// The board on a synced data directory (docs/sync.md): Ctrl-S syncs, the header says how it
    /// went, and what a teammate sent appears like any outside change.
    @Suite("Sync from the board", .serialized)
    struct SyncFromTheBoard {
        @Test("Ctrl-S brings a teammate's change in; the header goes from not synced yet to ↑0 ↓1")
        func ctrlSBringsATeammatesChange() throws {
            let world = try FunnelWorld()
            try world.setUp()
            let id = try world.add("Roof", "--owner", "rita", "--next", "+3d")
            let remote = world.root.appendingPathComponent("team.git").path
            let made = try PlainGit.makeBare(remote, environment: world.environment())
            #expect(made.status == 0, "\(made.stderr)")
            try world.cli("sync", "init", remote)
            // Rita's laptop: her own clone.
            var rita = world.environment(user: "rita")
            rita["FUNNEL_DATA_DIR"] = world.root.appendingPathComponent("rita").path
            for arguments in [["sync", "init", remote], ["edit", id, "--title", "Roof, 40 panels"], ["sync"]] {
                let result = try runProgram(world.binary, arguments, environment: rita)
                #expect(result.status == 0, "funnel \(arguments): \(result.stderr)")
            }
            try world.writeConfig("sync_interval = 0\n")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let opened = try board.waitForBoard()
            #expect(opened.header.contains("not synced yet"), "header: \(opened.header)")
            #expect(opened.titles(in: "New inquiry") == ["Roof"])
            try board.press("C-s")
            let synced = try board.waitUntil("the teammate's title and the header", timeout: 10) {
                $0.titles(in: "New inquiry") == ["Roof, 40 panels"] && $0.header.contains("↑0 ↓1")
            }
            #expect(synced.header.contains("↑0 ↓1"))
            try board.press("q")
            #expect(try board.waitForExit() == 0)
        }
    }
}
