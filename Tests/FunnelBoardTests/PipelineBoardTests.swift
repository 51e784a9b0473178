import Foundation
import Testing

extension BoardTests {
    @Suite("Switching pipelines (P)", .serialized)
    struct Pipelines {
        @Test("P shows the other pipeline: its columns and deals, its name in the header; more than two give a list")
        func switchPipelines() throws {
            let world = try FunnelWorld.team()
            _ = try world.cli("pipelines", "add", "Renewals", "--template", "b2b")
            _ = try world.add("New sale")
            _ = try world.add("Renewal 2027", "--pipeline", "renewals")
            let board = try TmuxBoard(world)
            defer { board.close() }
            var screen = try board.waitForBoard()
            #expect(screen.header.contains("pipeline simple"), "with two pipelines the header names the one shown")
            #expect(screen.columnNames.contains("New inquiry") && screen.titles(in: "New inquiry") == ["New sale"])

            try board.press("P")
            screen = try board.waitUntil("the renewals board") { $0.header.contains("pipeline Renewals") }
            #expect(screen.columnNames.contains("Opportunity") && !screen.columnNames.contains("New inquiry"), "\(screen)")
            #expect(screen.titles(in: "Opportunity") == ["Renewal 2027"] && !screen.text.contains("New sale"))
            #expect(screen.statusLine.contains("pipeline: Renewals"))

            // The stage editor and the keys act on the pipeline shown.
            try board.press("S")
            try board.waitFor("Stages of Renewals")
            try board.press("Escape")
            try board.waitForGone("Stages of Renewals")

            try board.press("P")
            screen = try board.waitUntil("back on the first") { $0.header.contains("pipeline simple") }
            #expect(screen.titles(in: "New inquiry") == ["New sale"])

            // A third pipeline: P opens a list, the one shown selected.
            _ = try world.cli("pipelines", "add", "Partners", "--template", "powerlink")
            _ = try world.add("Partner deal", "--pipeline", "partners")
            try board.press("P")
            // The first pipeline, then the others by id: simple, Partners, Renewals.
            let list = try board.waitFor("Switch to pipeline")
            let title = try #require(list.lines.firstIndex { $0.contains("Switch to pipeline") })
            let rows = list.lines.dropFirst(title + 1).prefix(3)
            #expect(zip(rows, ["simple", "Partners", "Renewals"]).allSatisfy { $0.contains(" \($1) ") }, "\(list)")
            try board.press("Down", "Enter")
            screen = try board.waitUntil("the partners board") { $0.header.contains("pipeline Partners") }
            #expect(screen.text.contains("Partner deal") && !screen.text.contains("Renewal 2027"))
        }

        @Test("the board opens on --pipeline; with one pipeline P says how to add one")
        func openOnAPipeline() throws {
            let world = try FunnelWorld.team()
            let alone = try TmuxBoard(world)
            defer { alone.close() }
            var screen = try alone.waitForBoard()
            #expect(!screen.header.contains("pipeline "), "one pipeline: the header is as before")
            try alone.press("P")
            try alone.waitFor("one pipeline only")
            alone.close()

            _ = try world.cli("pipelines", "add", "Renewals", "--template", "b2b")
            _ = try world.add("Renewal 2027", "--pipeline", "renewals")
            let board = try TmuxBoard(world, arguments: ["--pipeline", "Renewals"])
            defer { board.close() }
            screen = try board.waitForBoard()
            #expect(screen.header.contains("pipeline Renewals") && screen.titles(in: "Opportunity") == ["Renewal 2027"], "\(screen)")
        }
    }
}
