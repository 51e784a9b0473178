import Foundation
import Testing

extension BoardTests {
    /// Closed deals older than `archive_after` days (default 90) leave the columns of the release
    /// build's board: counted under their column, shown with `z`, found by `/`, kept with 0.
    @Suite("Archived closed deals on the board", .serialized)
    struct ArchivedDeals {
        /// A deal added and won as dana at `time`; its id.
        @discardableResult
        static func won(_ world: FunnelWorld, _ title: String, at time: String) throws -> String {
            let id = try world.succeed(["add", title, "--value", "4000"], as: "dana", now: time)
            _ = try world.succeed(["move", id, "customer", "--value", "4000"], as: "dana", now: time)
            return id
        }

        @Test("A deal won in June is counted, not shown; z shows it, / finds it; archive_after = 0 keeps it")
        func oldWinsLeaveTheColumns() throws {
            let world = try FunnelWorld.team()
            try Self.won(world, "Summer win", at: "2026-06-01T10:00:00Z")
            try Self.won(world, "Fresh win", at: "2026-11-20T10:00:00Z")
            // Still in list --all and the report: only the board's columns change.
            #expect(try world.cli("list", "--all").contains("Summer win"))
            do {
                let board = try TmuxBoard(world, width: 140, height: 30)
                defer { board.close() }
                let screen = try board.waitFor("1 archived (z)")
                #expect(screen.titles(in: "Customer") == ["Fresh win"], "\(screen.text)")
                try board.press("z")
                let shown = try board.waitFor("Summer win")
                #expect(shown.titles(in: "Customer").count == 2 && !shown.text.contains("archived (z)"), "\(shown.text)")
                try board.press("z")
                try board.waitFor("1 archived (z)")
                try board.press("/")
                try board.type("summer")
                let found = try board.waitFor("Summer win")
                #expect(found.titles(in: "Customer") == ["Summer win"], "\(found.text)")
            }
            try world.writeConfig("archive_after = 0\n")
            let board = try TmuxBoard(world, width: 140, height: 30)
            defer { board.close() }
            let screen = try board.waitFor("Summer win")
            #expect(screen.titles(in: "Customer").count == 2 && !screen.text.contains("archived (z)"), "\(screen.text)")
        }
    }
}
