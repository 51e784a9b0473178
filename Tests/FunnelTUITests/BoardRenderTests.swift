import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

@Suite struct BoardRenderTests {
    @Test func columnsShowStageNamesCountsAndSums() {
        let grid = BoardRender.render(BoardFixtures.state())
        #expect(grid.line(1).contains("Unsorted"))
        #expect(grid.line(1).contains("New inquiry"))
        #expect(grid.line(1).contains("Follow-up"))
        #expect(grid.line(2).contains("2 · ₪13,500"))
        #expect(grid.text.contains("CRM annual plan"))
        #expect(grid.line(0).contains("Dana Levi (manager)"))
        #expect(grid.line(0).contains("all sellers"))
        #expect(grid.line(0).contains("sort: due"))
    }

    @Test func mixedScriptCardsLineUp() {
        let grid = BoardRender.render(BoardFixtures.state())
        var expected: [Int]?
        for row in 1..<(grid.height - 1) {
            let line = grid.line(row)
            #expect(DisplayWidth.of(line) <= grid.width, "row \(row) is wider than the screen")
            let separators = BoardFixtures.separatorColumns(line)
            if separators.count >= 3 {
                if expected == nil { expected = separators }
                #expect(Array(separators.prefix(expected!.count)) == expected!, "row \(row): \(line)")
            }
        }
        #expect(expected != nil)
        #expect(grid.text.contains("Sakura 寿司 😀"))
        // Arabic is drawn shaped, in visual order (see BidiScreenTests).
        #expect(grid.text.contains(TextDisplay.app.visual("اشتراك سنوي")))
    }

    /// Values too wide for a card are cut to it: the column separators stay where they are.
    @Test func hugeValuesStayInsideTheirCard() {
        let deals = [
            BoardFixtures.deal("huge0001", "Huge", stage: "unsorted", value: Decimal(string: "99999999999999999.99")!),
            BoardFixtures.deal("huge0002", "Same", stage: "new", value: Decimal(string: "70368744177664.02")!),
            BoardFixtures.deal("huge0003", "Small", stage: "follow-up", value: 5),
        ]
        for width in [100, 160, 200] {
            let grid = BoardRender.render(BoardFixtures.state(deals, width: width))
            var expected: [Int]?
            for row in 1..<(grid.height - 1) {
                let separators = BoardFixtures.separatorColumns(grid.line(row))
                guard separators.count >= 2 else { continue }
                if expected == nil { expected = separators }
                #expect(separators == expected!, "width \(width), row \(row): \(grid.line(row))")
            }
            #expect(grid.text.contains("₪99,999") && grid.text.contains("…"), "width \(width)")
        }
    }

    @Test func longTitlesAreCutWithAnEllipsisWithoutSplittingClusters() {
        let grid = BoardRender.render(BoardFixtures.state())
        // Drawn in visual order: the letters right to left, each with its niqqud.
        let shalom = String(Array("שָׁלוֹם").reversed())
        let titleRow = grid.text.split(separator: "\n").first { $0.contains(shalom) }
        #expect(titleRow != nil)
        #expect(titleRow!.contains("…"))
        #expect(!grid.text.contains("very long title that needs cutting"))
        // The niqqud stays on its letters: the cluster "שָׁ" appears whole.
        #expect(grid.cells.contains { $0.text == "שָׁ" })
    }

    @Test func rightToLeftTitlesAreRightAligned() {
        let state = BoardFixtures.state()
        let grid = BoardRender.render(state)
        let width = BoardLayout.columnWidth(width: state.width, stages: state.stages.count)
        let shown = "יתנש ןוישיר"  // "רישיון שנתי" in visual order
        let row = (0..<grid.height).first { grid.line($0).contains(shown) }!
        let line = grid.line(row)
        // The column starts after the first separator; the title ends at the column's right edge.
        let start = BoardFixtures.separatorColumns(line)[0] + 1
        let range = line.range(of: shown)!
        let end = DisplayWidth.of(String(line[..<range.upperBound]))
        #expect(end == start + width - 1)
    }

    @Test func tinyTerminalShowsAMessage() {
        let grid = BoardRender.render(BoardFixtures.state(width: 20, height: 6))
        #expect(grid.line(0) == "Terminal too small")
        #expect(grid.text.contains("have 20×6"))
    }

    @Test func narrowTerminalScrollsSidewaysAndSaysSo() {
        var state = BoardFixtures.state(width: 50, height: 24)
        var grid = BoardRender.render(state)
        #expect(grid.line(0).contains("more ▶"))
        #expect(!grid.line(0).contains("◀"))
        BoardFixtures.press(Array(repeating: .right, count: 5), &state)
        grid = BoardRender.render(state)
        #expect(grid.line(0).contains("◀"))
        #expect(grid.line(1).contains(state.stages[state.column].name))
    }

    @Test func longColumnsScrollWithTheSelectionAndShowMoreMarkers() {
        let many = (0..<20).map { BoardFixtures.deal(String(format: "id%06d", $0), "Deal \($0)", next: $0) }
        var state = BoardFixtures.state(many, height: 24)
        var grid = BoardRender.render(state)
        let visible = state.visibleCards
        #expect(grid.text.contains("↓ \(20 - visible) more"))
        BoardFixtures.press(Array(repeating: .down, count: 19), &state)
        grid = BoardRender.render(state)
        #expect(grid.text.contains("↑ \(20 - visible) above"))
        #expect(grid.text.contains("Deal 19"))
        #expect(grid.text.range(of: #"↓ \d+ more"#, options: .regularExpression) == nil)
    }

    @Test func controlCharactersNeverReachTheGrid() {
        let hostile = BoardFixtures.deal(
            "hhhh0000", "evil\u{1b}]0;pwned\u{07}\u{1b}[31mred\u{9b}2J\u{202e}x\u{200f}", company: "a\u{7f}b\u{200e}\u{061c}")
        let grid = BoardRender.render(BoardFixtures.state([hostile]))
        for cell in grid.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(!Sanitize.isUnsafe(scalar), "unsafe scalar \(scalar.value) in the grid")
            }
        }
        #expect(grid.text.contains("evil␛]0;pwned␇"))
    }

    @Test func cardsShowFlagsAndOverdueDatesInTheWarningColour() {
        var stuck = BoardFixtures.deal("ssss0000", "Stuck one", stage: "new", next: -1, enteredDaysAgo: 5)
        stuck.activities = [Activity(at: BoardFixtures.now, by: "yossi", kind: .call, outcome: .reached)]
        let noNext = BoardFixtures.deal("nnnn0000", "No next", stage: "meeting", next: nil)
        // Seen by their owner: no owner's name on the cards, room for every flag.
        let grid = BoardRender.render(BoardFixtures.state([stuck, noNext], actor: "yossi", boss: false))
        #expect(grid.text.contains("⚑stuck"))
        #expect(grid.text.contains("⚠no next"))
        let row = (0..<grid.height).first { grid.line($0).contains("→yesterday") }!
        #expect(grid.style(of: "→yesterday", row: row)?.role == .warning)
    }

    /// Cards in boss mode name their owner by first name ("Dana" of "Dana Levi"), not initials.
    @Test func bossModeShowsOwnersFirstNames() {
        let grid = BoardRender.render(BoardFixtures.state())
        let cards = (1..<grid.height).map { grid.line($0) }
        #expect(cards.contains { $0.contains(" Dana │") || $0.hasSuffix(" Dana") })
        #expect(!cards.contains { $0.contains("DL") })
        let mine = BoardRender.render(BoardFixtures.state(boss: false))
        #expect(!(1..<mine.height).map { mine.line($0) }.contains { $0.contains(" Dana") })
    }

    @Test func resizeRedrawsAtTheNewSize() {
        var state = BoardFixtures.state()
        _ = BoardUpdate.apply(.resize(width: 60, height: 20), &state)
        let grid = BoardRender.render(state)
        #expect(grid.width == 60 && grid.height == 20)
        for row in 0..<grid.height { #expect(DisplayWidth.of(grid.line(row)) <= 60) }
        state.openDetail(DetailState(dealID: "aaaa1111"))
        _ = BoardUpdate.apply(.resize(width: 40, height: 15), &state)
        let small = BoardRender.render(state)
        #expect(small.text.contains("CRM annual plan"))
        for row in 0..<small.height { #expect(DisplayWidth.of(small.line(row)) <= 40) }
    }
}

@Suite("A deal in a stage the pipeline lacks")
struct MissingStageColumnTests {
    @Test func itHasAColumnOfItsOwnAfterThePipelinesStages() {
        let deals = BoardFixtures.mixedDeals + [BoardFixtures.deal("gggg7777", "Orphan deal", stage: "demo-given", owner: "dana")]
        var state = BoardFixtures.state(deals, width: 240)
        #expect(state.stages.map(\.id).last == "demo-given")
        let grid = BoardRender.render(state)
        #expect(grid.line(1).contains("demo-given · stage"), "\(grid.line(1))")
        #expect(grid.text.contains("→tomorrow ⚠"), "the card's flag: \(grid.text)")
        #expect(grid.text.contains("Orphan deal"))
        state.language = .he
        state.display = .terminal
        #expect(BoardRender.render(state).line(1).contains("demo-given · שלב"), "\(BoardRender.render(state).line(1))")
        state.language = .en
        // Cards still move between the pipeline's stages.
        state.column = state.stages.firstIndex { $0.id == "new" }!
        state.recompute(keeping: "aaaa1111")
        BoardFixtures.press([.shiftRight], &state)
        #expect(state.deals["aaaa1111"]?.stage == "follow-up")
        state.column = state.stages.count - 1
        state.recompute(keeping: "gggg7777")
        #expect(state.selectedDeal?.id == "gggg7777")
    }

    /// The columns are built on the pipeline's stages in one pass over the deals, and again with
    /// the stages it lacks only when a deal is in one: whoever's deal it is, and only while it is.
    @Test func theColumnComesWithItsDealWhoeverSeesItAndGoesWithIt() {
        let orphan = BoardFixtures.deal("gggg7777", "Orphan deal", stage: "demo-given", owner: "layla")
        var state = BoardFixtures.state(BoardFixtures.mixedDeals + [orphan], actor: "yossi", width: 240, boss: false)
        #expect(state.stages.map(\.id) == BoardFixtures.funnel.pipeline.stages.map(\.id) + ["demo-given"])
        #expect(!state.index.strays)
        let column = state.stages.count - 1
        #expect(state.count(column) == 0, "a rep sees no card of layla's, but the column is there")
        var moved = orphan
        moved.stage = "new"
        state.deals[orphan.id] = moved
        state.recompute(keeping: nil)
        #expect(state.stages.map(\.id) == BoardFixtures.funnel.pipeline.stages.map(\.id))
        #expect(state.missingStages.isEmpty && !state.index.strays)
        state.deals[orphan.id] = orphan
        state.recompute(keeping: nil)
        #expect(state.stages.last?.id == "demo-given")
    }
}
