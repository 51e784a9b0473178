import Foundation
import Testing

extension BoardTests {
    @Suite("Quotes from the board (R19)", .serialized)
    struct QuoteBoard {
        @Test("Q in the detail pane: filter the catalogue, add lines, see the totals, issue the PDF; the pane lists the quote")
        func quoteFromTheDetailPane() throws {
            let world = try FunnelWorld.team()
            _ = try world.cli("products", "add", "CRM-Y", "--name", "CRM licence", "--price", "1200")
            _ = try world.cli("products", "add", "SETUP", "--name", "Setup and training", "--price", "450.50", "--vat-exempt")
            let id = try world.add("Quote deal", "--company", "Quote Co", "--next", "+2d")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("Enter")
            try board.waitFor("▸ Title")

            try board.press("Q")
            let builder = try board.waitFor("Quote for “Quote deal”")
            #expect(builder.text.contains("⇒ Issue the quote as a PDF"))
            #expect(builder.text.contains("▸ CRM-Y  CRM licence"), "\(builder.text)")
            try board.type("setup")
            try board.waitUntil("only SETUP shown") { $0.text.contains("▸ SETUP") && !$0.text.contains("CRM-Y  CRM") }
            try board.press("Enter")
            try board.waitFor("lines: 1 · subtotal ₪450.50 · VAT ₪0 · total ₪450.50")
            try board.press("C-u")
            try board.waitFor("▸ CRM-Y")
            try board.press("Enter")
            try board.waitFor("lines: 2 · subtotal ₪1,650.50 · VAT ₪216 · total ₪1,866.50")

            try board.press("Up")
            try board.waitFor("▸ ⇒ Issue the quote")
            try board.press("Enter")
            let done = try board.waitFor("issued Q-", timeout: 10)
            #expect(done.text.contains("issued Q-2026-0001:") || done.text.contains("issued Q-"), "\(done.text)")
            try board.waitForGone("Quote for “Quote deal”")
            let quotes = try JSONSerialization.jsonObject(with: Data(try world.cli("quotes", id, "--json").utf8)) as? [[String: Any]]
            #expect(quotes?.count == 1 && quotes?.first?["total"] as? String == "1866.50")
            let number = try #require(quotes?.first?["number"] as? String)
            let pdf = try #require(quotes?.first?["pdf"] as? String)
            #expect(pdf.hasPrefix(world.dataDir.path + "/quotes/deals/") && pdf.hasSuffix("/\(number).pdf"), "\(pdf)")
            #expect(FileManager.default.fileExists(atPath: pdf))
            try board.press("PageDown")
            try board.press("PageDown")
            try board.waitFor(number + "  ")
        }
    }
}
