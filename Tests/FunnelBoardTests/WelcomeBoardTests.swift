import Foundation
import Testing

extension BoardTests {
    /// `funnel` in a terminal with no data directory (issue #20).
    @Suite("The welcome screen", .serialized)
    struct Welcome {
        @Test("i: template, language and first members, then the board on the new data directory")
        func startARealFunnel() throws {
            let world = try FunnelWorld(user: "dana")
            let board = try TmuxBoard(world)
            defer { board.close() }
            let menu = try board.waitFor("start a real funnel")
            #expect(menu.lines[0].contains("funnel · welcome"))
            #expect(menu.text.contains(world.dataDir.path))
            try board.press("i")
            try board.waitFor("Which pipeline?")
            try board.press("Down")
            try board.press("Enter")
            try board.waitFor("stage names and lost reasons")
            try board.press("Enter")
            try board.waitFor("are its manager")
            try board.type("rita")
            try board.press("Enter")
            try board.waitFor("rita · rep")
            try board.press("Enter")
            let screen = try board.waitFor("all sellers")
            #expect(screen.header.contains("powerlink"))
            #expect(screen.header.contains("dana (manager)"))
            try board.press("q")
            #expect(try board.waitForExit() == 0)
            let team = try world.cli("team")
            #expect(team.contains("dana") && team.contains("manager"))
            #expect(team.contains("rita") && team.contains("rep"))
            #expect(try world.cli("stages").contains("initial-contact"))
        }

        @Test("d opens the demo in a temporary directory; the data directory stays absent")
        func openTheDemo() throws {
            let world = try FunnelWorld(user: "nobody")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitFor("open the demo")
            try board.press("d")
            let screen = try board.waitFor("all sellers", timeout: 15)
            #expect(screen.header.contains("Dana Levi (manager)"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).contains { $0.hasPrefix("funnel-demo-") })
            try board.press("q")
            // Removing the demo's 1,500 files takes a moment on a busy machine.
            #expect(try board.waitForExit(timeout: 20) == 0)
            #expect(!FileManager.default.fileExists(atPath: world.dataDir.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: world.tmpDir.path).filter { $0.hasPrefix("funnel-demo-") }.isEmpty)
        }

        @Test("q quits with 0 and writes nothing; without a terminal, the error and exit code stay")
        func quitAndNoTerminal() throws {
            let world = try FunnelWorld(user: "dana")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitFor("q   quit")
            try board.press("q")
            #expect(try board.waitForExit() == 0)
            #expect(!FileManager.default.fileExists(atPath: world.dataDir.path))
            let piped = try world.run([])
            #expect(piped.status == 2)
            #expect(piped.stderr.contains("needs a terminal"))
        }
    }
}
