import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// The board in Hebrew and Arabic: the render mirrors the columns (first stage on the right),
/// ← and → go as the eye sees, Shift+← moves a card to the next stage, the detail pane's labels
/// stand on the right, and every word comes from the catalogue. Grids are read in logical
/// order (`TextDisplay` terminal mode) so Hebrew reads as typed.
@Suite("A right-to-left board")
struct RightToLeftBoardTests {
    static func state(_ language: Language = .he, direction: BoardDirection = .auto, deals: [Deal] = BoardFixtures.mixedDeals) -> BoardState {
        var state = BoardFixtures.state(deals)
        BoardLocale(language: language, direction: direction).apply(to: &state)
        state.display = TextDisplay(mode: .terminal, arabicShaping: false)
        return state
    }

    @Test func theFirstStageStandsOnTheRight() {
        let grid = BoardRender.render(Self.state())
        let columns = grid.line(1)
        let unsorted = columns.range(of: "Unsorted")!.lowerBound
        let first = columns.range(of: "New inquiry")!.lowerBound
        #expect(unsorted > first, "\(columns)")
        #expect(columns.hasSuffix("Unsorted"), "the first column ends at the right edge: \(columns)")
    }

    @Test func aSettingKeepsAHebrewBoardLeftToRight() {
        let state = Self.state(direction: .ltr)
        #expect(!state.rightToLeft)
        let columns = BoardRender.render(state).line(1)
        #expect(columns.range(of: "Unsorted")!.lowerBound < columns.range(of: "New inquiry")!.lowerBound)
        #expect(Self.state(.en, direction: .rtl).rightToLeft)
    }

    @Test func headerFooterAndHelpAreInTheLanguage() {
        var state = Self.state()
        var grid = BoardRender.render(state)
        #expect(grid.line(0).contains("כל המוכרים"))
        #expect(grid.line(0).contains("מיון: מועד"))
        #expect(grid.line(state.height - 1).contains("? עזרה"))
        BoardFixtures.press([.char("?")], &state)
        grid = BoardRender.render(state)
        #expect(grid.text.contains("העמודה הבאה"))
        let arabic = BoardRender.render(Self.state(.ar))
        #expect(arabic.line(0).contains("كل البائعين"))
    }

    /// ← goes to the next stage (leftwards on screen), → back; Shift+← moves the card on.
    @Test func arrowsGoAsTheEyeSees() {
        var state = Self.state()
        let start = state.column
        BoardFixtures.press([.left], &state)
        #expect(state.column == start + 1)
        BoardFixtures.press([.right], &state)
        #expect(state.column == start)
        BoardFixtures.press([.right], &state)
        #expect(state.column == start - 1)
    }

    @Test func shiftLeftMovesACardToTheNextStage() {
        var deal = BoardFixtures.deal("aaaa1111", "Acme", stage: "new", next: 2)
        deal.owner = "yossi"
        var state = Self.state(deals: [deal])
        let effects = BoardFixtures.press([.shiftLeft], &state)
        #expect(state.deals["aaaa1111"]?.stage == "follow-up")
        #expect(!effects.isEmpty)
        #expect(state.status?.text.contains("הועברה") == true)
    }

    @Test func theDetailPanesLabelsStandOnTheRight() {
        var state = Self.state()
        BoardFixtures.press([.enter], &state)
        let grid = BoardRender.render(state)
        let row = (0..<grid.height).first { grid.line($0).contains("כותרת") }!
        let line = grid.line(row)
        let label = line.range(of: "כותרת")!.lowerBound
        let title = state.deals[state.detail!.dealID]!.title
        let value = line.range(of: title)!.lowerBound
        #expect(value < label, "\(line)")
    }

    @Test func mouseHitsAreMirrored() {
        let hit = BoardLayout.hit(x: 119, y: 5, width: 120, height: 30, stages: 8, rightToLeft: true)
        #expect(hit?.column == 0)
        let left = BoardLayout.hit(x: 0, y: 5, width: 120, height: 30, stages: 8, rightToLeft: true)
        #expect(left?.column == BoardLayout.visibleColumns(width: 120, stages: 8) - 1)
    }

    @Test func languageAndDirectionAreChosenFromTheEnvironmentAndTheConfig() throws {
        #expect(LanguageChoice.language(environment: ["LANG": "he_IL.UTF-8"], config: nil) == .he)
        #expect(LanguageChoice.language(environment: ["LC_ALL": "C", "LANG": "he_IL.UTF-8"], config: nil) == .en)
        #expect(LanguageChoice.language(environment: ["LC_MESSAGES": "ar_EG.UTF-8", "LANG": "he_IL.UTF-8"], config: nil) == .ar)
        #expect(LanguageChoice.language(environment: [:], config: nil) == .en)
        let config = try ConfigFile.parse("language = ar\nboard_direction = ltr\n", path: "config")
        #expect(LanguageChoice.language(environment: ["LANG": "he_IL.UTF-8"], config: config) == .ar)
        #expect(LanguageChoice.language(environment: ["FUNNEL_LANG": "he", "LANG": "en_US"], config: config) == .he)
        #expect(!LanguageChoice.locale(environment: [:], config: config).rightToLeft)
        #expect(throws: ThemeError.self) { try ConfigFile.parse("language = fr\n", path: "config") }
    }

    @Test func datesOnCardsAreDayThenMonth() {
        let deal = BoardFixtures.deal("aaaa1111", "Acme", stage: "new", next: 20)
        let grid = BoardRender.render(Self.state(deals: [deal]))
        #expect(grid.text.range(of: #"→\d\d\.\d\d"#, options: .regularExpression) != nil, "\(grid.text)")
    }
}
