import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension BoardTests {
    /// A deal file rewritten in place (an editor, `>`, a script) while the board is open: the board
    /// shows the new text at once, and nothing the board saves afterwards puts the old text back.
    @Suite("Deal files edited in place while the board is open", .serialized)
    struct OutsideEdits {
        /// 600 demo deals (so the snapshot cache is in use) and a "Victim" deal, with the board
        /// open and filtered down to it.
        static func victimAmong600(extraEnvironment: [String: String] = [:]) throws -> (FunnelWorld, String, TmuxBoard) {
            let world = try FunnelWorld()
            try world.cli("demo", "--deals", "600", "--seed", "7")
            let id = try world.add("Victim", "--stage", "new", "--next", "+3d")
            let board = try TmuxBoard(world, extraEnvironment: extraEnvironment)
            try board.waitForBoard()
            try board.press("/")
            try board.type("Victim")
            try board.press("Enter")
            try board.waitUntil("only the victim") { $0.titles(in: "New inquiry") == ["Victim"] }
            return (world, id, board)
        }

        @Test("An in-place edit shows within 1 s; a move afterwards keeps the hand edit")
        func inPlaceEditShowsAndSurvivesAMove() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Victim", "--next", "+3d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try world.rewriteInPlace(id, title: "Victim", as: "Edited by hand")
            let edited = Date()
            try board.waitUntil("the hand-edited title", timeout: 1.0) { $0.titles(in: "New inquiry") == ["Edited by hand"] }
            #expect(Date().timeIntervalSince(edited) <= 1.0)

            try board.press("L")
            let moved = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(moved.stage == "follow-up")
            #expect(moved.title == "Edited by hand", "the move kept the hand edit")
        }

        @Test("Without inotify (FUNNEL_WATCH=poll) the board may not see it, but a move is refused as stale, never overwriting it")
        func staleMoveIsRefusedWhenTheEditWasMissed() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("Victim", "--next", "+3d")
            let board = try TmuxBoard(world, extraEnvironment: ["FUNNEL_WATCH": "poll"])
            defer { board.close() }
            try board.waitForBoard()
            try world.rewriteInPlace(id, title: "Victim", as: "Edited by hand")
            // The folders' times did not move: the polling board still shows the old title.
            usleep(1_300_000)
            try board.waitUntil("the old title") { $0.titles(in: "New inquiry") == ["Victim"] }

            try board.press("L")
            let refused = try board.waitUntil("the refusal") { $0.statusLine.contains("not saved") }
            #expect(refused.statusLine.contains("changed"), "status: \(refused.statusLine)")
            try board.waitUntil("the board reloaded with the hand edit") { $0.titles(in: "New inquiry") == ["Edited by hand"] }
            let deal = try world.show(id)
            #expect(deal.title == "Edited by hand")
            #expect(deal.stage == "new")
        }

        @Test("A deal file that cannot be read does not stop the board: the rest opens and the status line says so")
        func anUnreadableDealIsSkippedWithAWarning() throws {
            let world = try FunnelWorld.team()
            try world.add("Healthy", "--next", "+3d")
            let broken = try world.add("Broken", "--next", "+3d")
            let file = try world.dealFile(broken)
            try "{ not json".write(toFile: file, atomically: false, encoding: .utf8)
            let board = try TmuxBoard(world)
            defer { board.close() }
            let screen = try board.waitForBoard()
            #expect(screen.titles(in: "New inquiry") == ["Healthy"])
            #expect(screen.statusLine.contains("1 deal file was skipped"), "status: \(screen.statusLine)")
            try board.press("q")
            #expect(try board.waitForExit() == 0)
        }

        @Test("Polling, with the cache in use: a move over a missed hand edit is refused, the card shows the edit, and the next move keeps it")
        func staleMoveWithTheCacheReadsTheFileAgain() throws {
            let (world, id, board) = try Self.victimAmong600(extraEnvironment: ["FUNNEL_WATCH": "poll"])
            defer { board.close() }
            try world.rewriteInPlace(id, title: "Victim", as: "Victim by hand")
            try board.press("L")
            try board.waitUntil("the refusal and the hand edit") {
                $0.statusLine.contains("not saved") && $0.titles(in: "New inquiry") == ["Victim by hand"]
            }
            try board.press("L")
            let moved = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(moved.stage == "follow-up" && moved.title == "Victim by hand")
        }

        @Test("With the snapshot cache in use (600 deals) an in-place edit shows and a move keeps it")
        func inPlaceEditWithTheCache() throws {
            let (world, id, board) = try Self.victimAmong600()
            defer { board.close() }
            try world.rewriteInPlace(id, title: "Victim", as: "Victim edited by hand")
            try board.waitUntil("the hand-edited title", timeout: 1.0) { $0.titles(in: "New inquiry") == ["Victim edited by hand"] }
            try board.press("L")
            let moved = try world.waitForDeal(id) { $0.stage == "follow-up" }
            #expect(moved.stage == "follow-up")
            #expect(moved.title == "Victim edited by hand")
        }
    }
}

extension FunnelWorld {
    /// The deal file of `id`, wherever its owner keeps it.
    func dealFile(_ id: String) throws -> String {
        let relative = FileManager.default.enumerator(atPath: dataDir.path)?
            .compactMap { $0 as? String }.first { $0.hasSuffix("/\(id).json") }
        return dataDir.appendingPathComponent(try #require(relative, "no file for deal \(id)")).path
    }

    /// Rewrites a deal file in place (truncate and write, as `>` or an editor without backup
    /// files does): same inode, same folder times, same revision; only the title changes.
    func rewriteInPlace(_ id: String, title old: String, as new: String) throws {
        let path = try dealFile(id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "\"\(old)\"", with: "\"\(new)\"")
        #expect(changed != text, "the title \(old) is in \(path)")
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        let bytes = Array(changed.utf8)
        #expect(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
    }
}
