import Foundation
import Testing

extension BoardTests {
    @Suite("Forecast and goals on the board", .serialized)
    struct ForecastAndGoals {
        @Test("Boss mode's header shows the month's goal; an open column's header its weighted value")
        func goalInTheHeaderAndWeightedValueInAColumn() throws {
            let world = try FunnelWorld.team()
            _ = try world.add("Annual plan", "--value", "20000")
            _ = try world.add("Own odds", "--value", "10000", "--probability", "45")
            let won = try world.add("Signed", "--value", "50000")
            _ = try world.cli("move", won, "customer")
            _ = try world.cli("goals", "set", "--team", "--month", "2026-11", "--won-value", "200000")
            let board = try TmuxBoard(world, width: 220, height: 35)
            defer { board.close() }
            try board.waitForBoard()
            let screen = try board.waitFor("Goal Nov 2026: ₪50,000 of ₪200,000 · ₪150,000 to go · 7 days left")
            #expect(screen.header.contains("Goal Nov 2026"))
            // New inquiry: 20 000 at the stage's 10 % and 10 000 at the deal's own 45 %: ₪6,500.
            try board.waitFor("2 · ₪30,000 · ≈₪6,500")
            // A goal changed from the command line while the board is open shows at once.
            _ = try world.cli("goals", "set", "--team", "--month", "2026-11", "--won-value", "80000")
            try board.waitFor("Goal Nov 2026: ₪50,000 of ₪80,000 · ₪30,000 to go · 7 days left")

            let rep = try TmuxBoard(world, user: "rita", width: 220, height: 35)
            defer { rep.close() }
            let repScreen = try rep.waitForBoard()
            #expect(!repScreen.header.contains("Goal"))
        }
    }
}
