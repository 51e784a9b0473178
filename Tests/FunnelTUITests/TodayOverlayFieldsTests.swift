import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// Today's calls (`t`) lay each part of a deal's line out as its own field: a Hebrew or Arabic
/// company reads right to left where it stands, and the phone number, date and amount beside it
/// keep their order. A line of parts reordered as one paragraph read `5732099-057` and
/// `30-11-2026`. On a right-to-left board the parts stand from the right edge, and the footer's
/// hint to move a card on names Shift+← (the next stage is to the left there).
@Suite("Today's calls, field by field")
struct TodayOverlayFieldsTests {
    static func deals() -> [Deal] {
        var arabic = BoardFixtures.deal("arab2345", "Pilot", company: "شركة النور", value: 23_300, next: 0)
        arabic.phone = "057-5732099"
        var hebrew = BoardFixtures.deal("hebr2345", "הצעת מחיר למשרד", company: "שקד שיווק", value: nil, next: 0)
        hebrew.phone = "054-9538034"
        return [arabic, hebrew]
    }

    static func today(_ language: Language, direction: BoardDirection = .auto) -> Grid {
        var state = BoardFixtures.state(deals())
        BoardLocale(language: language, direction: direction).apply(to: &state)
        state.open(.today(TodayList()))
        return BoardRender.render(state)
    }

    /// The rows of the list, as the terminal shows them (visual order).
    static func row(_ grid: Grid, holding text: String) -> String? {
        (0..<grid.height).map(grid.line).first { $0.contains(text) }
    }

    @Test(arguments: [BoardDirection.ltr, .rtl])
    func numbersDatesAndAmountsKeepTheirOrderBesideRightToLeftText(_ direction: BoardDirection) throws {
        let grid = Self.today(direction == .rtl ? .he : .en, direction: direction)
        let day = Day(BoardFixtures.now, utcOffset: 0)
        let arabic = try #require(Self.row(grid, holding: "057-5732099"), "\(grid.text)")
        #expect(arabic.contains("☎ 057-5732099") && arabic.contains("₪23,300"), "\(arabic)")
        #expect(arabic.contains(TextDisplay.app.visual("شركة النور")), "\(arabic)")
        let hebrew = try #require(Self.row(grid, holding: "054-9538034"), "\(grid.text)")
        #expect(hebrew.contains("☎ 054-9538034") && hebrew.contains(TextDisplay.app.visual("שקד שיווק")), "\(hebrew)")
        #expect(hebrew.contains(TextDisplay.app.visual("הצעת מחיר למשרד")))
        #expect(!arabic.contains("5732099-057") && !hebrew.contains("9538034-054"))
        #expect(arabic.contains("→ ") && hebrew.contains("→ "), "the next action's arrow points ahead: \(arabic)")
        #expect(arabic.contains(String(day.components.year)), "\(arabic)")
    }

    @Test func onARightToLeftBoardTheListStandsFromTheRightAndTheTitleComesFirst() throws {
        let grid = Self.today(.he, direction: .rtl)
        let row = try #require(Self.row(grid, holding: "057-5732099"))
        let title = try #require(row.range(of: "Pilot")), phone = try #require(row.range(of: "057-5732099"))
        #expect(title.lowerBound > phone.lowerBound, "the first part stands rightmost: \(row)")
        let english = Self.today(.en, direction: .ltr)
        let left = try #require(Self.row(english, holding: "057-5732099"))
        let leftTitle = try #require(left.range(of: "Pilot")), leftPhone = try #require(left.range(of: "057-5732099"))
        #expect(leftTitle.lowerBound < leftPhone.lowerBound, "\(left)")
    }

    @Test func theHintToMoveOnNamesTheKeyThatMovesOn() {
        let ltr = KeyHints.line(for: .board, inbox: false, width: 200, language: .en)
        let rtl = KeyHints.line(for: .board, inbox: false, width: 200, language: .en, rightToLeft: true)
        #expect(ltr.contains("Shift+→ move on") && !ltr.contains("Shift+←"), "\(ltr)")
        #expect(rtl.contains("Shift+← move on") && !rtl.contains("Shift+→"), "\(rtl)")
        var state = BoardFixtures.state(Self.deals(), width: 200)
        BoardLocale(language: .he, direction: .rtl).apply(to: &state)
        let footer = BoardRender.render(state).line(state.height - 1)
        #expect(footer.contains("Shift+←") && !footer.contains("Shift+→"), "\(footer)")
    }
}

/// The report screen's days in stage: a stay under a day keeps two decimals, so a bar is never
/// drawn beside "0.0"; one stay is "1 stay".
@Suite("Days in stage on the report screen")
struct ReportDaysTests {
    @Test func shortStaysKeepTwoDecimalsAndOneStayIsSingular() {
        #expect(ReportView.days(0.04) == "0.04")
        #expect(ReportView.days(0) == "0.0")
        #expect(ReportView.days(2.26) == "2.3")
        #expect(ReportView.days(nil) == "—")
        #expect(Language.en.text(.reportStays, count: 1) == "  1 stay")
        #expect(Language.en.text(.reportStays, count: 3) == "  3 stays")
        #expect(Language.he.text(.reportStays, count: 1) == "  שהייה אחת")
    }
}
