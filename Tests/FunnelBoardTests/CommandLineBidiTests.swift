import Foundation
import Testing

extension BoardTests {
    /// The command line on a terminal: with bidi = app each table cell and message line is in
    /// visual order, as on the board; into a pipe or a file, logical order for other programs.
    @Suite("Hebrew and Arabic from the command line", .serialized)
    struct CommandLineBidi {
        @Test("funnel list on a terminal shows each cell in visual order; in a pipe, logical order")
        func tablesOnATerminalAndInAPipe() throws {
            let world = try FunnelWorld.team()
            let id = try world.add("הזמנה 123 של Acme", "--company", "אלון מערכות", "--next", "+1d")
            let pane = try TmuxBoard(world, arguments: ["list", "--all"])
            defer { pane.close() }
            let screen = try pane.waitFor("EXIT=0")
            #expect(screen.text.contains("Acme לש 123 הנמזה"), "\(screen.text)")
            #expect(screen.text.contains("תוכרעמ ןולא"))
            let piped = try world.cli("list", "--all")
            #expect(piped.contains("הזמנה 123 של Acme") && piped.contains("אלון מערכות"))
            let terminal = try TmuxBoard(world, arguments: ["show", id], extraEnvironment: ["FUNNEL_BIDI": "terminal"])
            defer { terminal.close() }
            #expect(try terminal.waitFor("EXIT=0").text.contains("הזמנה 123 של Acme"), "bidi = terminal: the terminal reorders")
        }
    }
}
