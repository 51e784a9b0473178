import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// Hebrew and Arabic on a terminal that does no bidi: every field in visual order inside its
/// own cell span (issue #12, "Bidi on screen"). Expected strings are written out by hand.
@Suite struct BidiScreenTests {
    /// The text of one column's cell on a row: between the separators before and after it.
    static func cell(_ grid: Grid, row: Int, column: Int) -> String {
        let pieces = grid.line(row).components(separatedBy: "│")
        return pieces.indices.contains(column) ? pieces[column] : ""
    }

    static func row(_ grid: Grid, containing text: String) -> Int? {
        (0..<grid.height).first { grid.line($0).contains(text) }
    }

    @Test("A card titled “הזמנה 123 של Acme” reads right to left: Acme, של, 123, הזמנה from the right edge")
    func hebrewWithNumbersAndLatin() throws {
        let state = BoardFixtures.state([BoardFixtures.deal("aaaa0001", "הזמנה 123 של Acme", company: "Acme")])
        let grid = BoardRender.render(state)
        let found = Self.row(grid, containing: "Acme לש 123 הנמזה")
        let row = try #require(found, "\(grid.text)")
        // Right-aligned in its column: the logical start (הזמנה) is at the column's right edge.
        let cell = Self.cell(grid, row: row, column: 1)
        #expect(cell.hasSuffix("Acme לש 123 הנמזה "))
        #expect(!grid.text.contains("הזמנה"), "nothing left in logical order")
    }

    @Test("Mixed cards in neighbouring columns never swap text across the column separator")
    func neighboursKeepTheirText() throws {
        let deals = [
            BoardFixtures.deal("aaaa0001", "הזמנה 123 של Acme", company: "כרמל", stage: "new"),
            BoardFixtures.deal("aaaa0002", "Order 7 (דחוף)", company: "Acme", stage: "follow-up"),
            BoardFixtures.deal("aaaa0003", "اشتراك 2026", company: "شركة", stage: "meeting"),
            BoardFixtures.deal("aaaa0004", "Plain title", company: "Acme", stage: "unsorted"),
        ]
        var state = BoardFixtures.state(deals)
        state.display = TextDisplay(mode: .app, arabicShaping: false)
        let grid = BoardRender.render(state)
        let row = BoardLayout.top
        let titles = (0..<5).map { Self.cell(grid, row: row, column: $0).trimmingCharacters(in: .whitespaces) }
        let expected = ["Plain title", "Acme לש 123 הנמזה", "Order 7 (ףוחד)", "2026 كارتشا"]
        for (column, title) in expected.enumerated() {
            #expect(titles[column].hasSuffix(title), "column \(column): \(titles)")
        }
        // Brackets in the right-to-left run are mirrored: “(דחוף)” shows as “(ףוחד)”, not “)ףוחד(”.
        #expect(!grid.text.contains(")ףוחד("))
    }

    @Test("Truncation cuts in logical order: the start of a right-to-left title stays, on the right")
    func truncationKeepsTheLogicalStart() throws {
        let title = "הצעת מחיר לשנה הבאה עבור לקוח חשוב מאוד מאוד מאוד"
        let state = BoardFixtures.state([BoardFixtures.deal("aaaa0001", title, stage: "new")])
        let grid = BoardRender.render(state)
        let width = BoardLayout.columnWidth(width: state.width, stages: state.stages.count)
        let found = Self.row(grid, containing: "ריחמ")  // "מחיר" in visual order
        let row = try #require(found, "\(grid.text)")
        let cell = Self.cell(grid, row: row, column: 1)
        #expect(DisplayWidth.of(cell) == width)
        #expect(cell.hasSuffix("תעצה "), "the first word at the right edge: \(cell)")
        #expect(cell.dropFirst().hasPrefix("…"), "the cut at the left (after the card marker), where the line would go on: \(cell)")
        #expect(!cell.contains("דואמ"), "the logical end is what is cut")
    }

    @Test("An Arabic title is shaped into joined presentation forms when the option is on, and not when off")
    func arabicShaping() throws {
        let deals = [BoardFixtures.deal("aaaa0001", "اشتراك سنوي", stage: "new")]
        var state = BoardFixtures.state(deals)
        let shaped = BoardRender.render(state)
        // ي و ن س  ك ا ر ت ش ا, left to right, each in the form of its place in the word.
        let forms = "\u{FEF1}\u{FEEE}\u{FEE8}\u{FEB3} \u{FED9}\u{FE8D}\u{FEAE}\u{FE98}\u{FEB7}\u{FE8D}"
        #expect(shaped.text.contains(forms), "\(shaped.text)")

        state.display = TextDisplay(mode: .app, arabicShaping: false)
        let plain = BoardRender.render(state)
        #expect(plain.text.contains("يونس كارتشا"))
        #expect(!plain.text.unicodeScalars.contains { (0xFE70...0xFEFF).contains($0.value) })
    }

    @Test("With bidi = terminal, fields stay in logical order and unshaped for the terminal to reorder")
    func terminalModeLeavesTextAlone() {
        var state = BoardFixtures.state([
            BoardFixtures.deal("aaaa0001", "הזמנה 123 של Acme", stage: "new"),
            BoardFixtures.deal("aaaa0002", "اشتراك سنوي", stage: "follow-up"),
        ])
        state.display = .terminal
        let grid = BoardRender.render(state)
        #expect(grid.text.contains("הזמנה 123 של Acme"))
        #expect(grid.text.contains("اشتراك سنوي"))
    }
}

/// Typing into a field: the text in visual order, the cursor where the next letter goes.
@Suite struct BidiInputTests {
    static func input(_ text: String, cursor: Int? = nil, width: Int = 12) -> String {
        var grid = Grid(width: width, height: 1)
        grid.input(text, cursor: cursor, x: 0, y: 0, width: width, style: CellStyle(.input), cursorStyle: CellStyle(.input))
        return grid.line(0)
    }

    @Test("Hebrew being typed shows right-aligned in visual order, the cursor on the left of the last letter")
    func hebrewAtTheEnd() {
        // Right-aligned, leaving the field's last column free as on the left.
        #expect(Self.input("ש") == "         ▕ש")
        #expect(Self.input("שלום") == "      ▕םולש")
        // Deleting the last letter: the cursor follows it.
        #expect(Self.input("שלו") == "       ▕ולש")
    }

    @Test("Latin and digits typed inside Hebrew: in reading order, the cursor after them")
    func latinInsideHebrew() {
        #expect(Self.input("שלום ab") == "   ab▏ םולש")
        #expect(Self.input("הזמנה 12") == "  12▏ הנמזה")
    }

    @Test("A cursor inside the text stands at its logical place in visual order")
    func cursorInTheMiddle() {
        // Before "ל" (logical 1): after "ש" in reading order, that is on ש's left.
        #expect(Self.input("שלום", cursor: 1) == "      םול▕ש")
        // At the start: on the right of the first letter.
        #expect(Self.input("שלום", cursor: 0) == "      םולש▏")
        // Left-to-right text is as before.
        #expect(Self.input("abc", cursor: 1) == "a▏bc")
        #expect(Self.input("abc") == "abc▏")
    }

    @Test("Long input shows its end with the cursor, cut in logical order")
    func longInputShowsTheEnd() {
        let text = "אבגדהוזחטיכלמנ"
        let shown = Self.input(text, width: 8)
        // Six letters fit (width minus the cursor and a margin): the last six, ending at the cursor.
        #expect(shown == "▕נמלכיט")
    }

    @Test("The new-deal form shows a Hebrew title in visual order while it is typed")
    func formShowsVisualOrder() {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("n")], &state)
        BoardFixtures.type("הזמנה 5", &state)
        let grid = BoardRender.render(state)
        #expect(grid.text.contains("5▏ הנמזה"), "\(grid.text)")
    }
}

extension BidiScreenTests {
    @Test("The report's team table: a Hebrew seller's name stays in its cell, the figures in theirs")
    func reportTeamTable() throws {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("r")], &state)
        let grid = BoardRender.render(state)
        let found = Self.row(grid, containing: "ןהכ יסוי")
        let row = try #require(found, "\(grid.text)")
        let line = grid.line(row).trimmingCharacters(in: .whitespaces)
        #expect(line.hasPrefix("ןהכ יסוי"), "the name first, then the figures: \(line)")
    }
}
