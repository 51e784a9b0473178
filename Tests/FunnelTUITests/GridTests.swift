import FunnelText
import Testing

@testable import FunnelBoard

@Suite struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndNeverOverflow() {
        var grid = Grid(width: 5, height: 1)
        let used = grid.put("寿司寿", x: 0, y: 0)
        #expect(used == 4)
        #expect(grid.line(0) == "寿司")
        #expect(grid[1, 0].text.isEmpty)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var grid = Grid(width: 10, height: 1)
        grid.put("שָׁלוֹם", x: 0, y: 0)
        // In visual order: the first letter, with both its marks, is drawn rightmost.
        #expect(grid.line(0) == "םוֹלשָׁ")
        #expect(grid[3, 0].text == "שָׁ")
        #expect(grid[1, 0].text == "וֹ")
    }

    @Test func fittingPadsAndCutsByDisplayWidth() {
        var grid = Grid(width: 12, height: 2)
        grid.put(fitting: "😀 emoji title", x: 0, y: 0, width: 8)
        #expect(grid.line(0) == "😀 emoj…")
        grid.put(fitting: "שלום", x: 0, y: 1, width: 8, alignRight: true)
        #expect(grid.line(1) == "    םולש")
    }
}

@Suite struct ComposedEmojiTests {
    @Test func composedEmojiAreDrawnAsTheirBaseAndFlagsAsLetters() {
        var grid = Grid(width: 30, height: 1)
        let used = grid.put("👩‍👩‍👧🇮🇱👍🏽❤️x", x: 0, y: 0)
        #expect(grid.line(0) == "👩IL👍❤x")
        #expect(used == DisplayWidth.of("👩‍👩‍👧🇮🇱👍🏽❤️x"))
        #expect(DisplayWidth.of("🇮🇱") == 2)
        #expect(DisplayWidth.terminalForm("👍🏽") == "👍")
        // Letters with combining marks stay whole.
        #expect(DisplayWidth.terminalForm("שָׁ") == "שָׁ")
    }
}
