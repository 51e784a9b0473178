import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// A known board for the report screen (now 2026-11-24T09:00:00Z, UTC).
///
///     y1 yossi new        created 11-23                     1000
///     y2 yossi follow-up  new 11-10 → follow-up 11-12       2000
///     y3 yossi meeting    new 11-05 → follow-up 11-06 → meeting 11-15   5000
///     y4 yossi won        new 11-01 → meeting 11-10 → customer 11-20    3000
///     y5 yossi lost       new 11-01 → follow-up 11-03 → not-relevant 11-10 (Price)
///     l1 layla new        created 11-22
///     l2 layla lost       new 11-02 → follow-up 11-04 → not-relevant 11-12 (Price)
///     l3 layla lost       new 11-02 → meeting 11-05 → not-relevant 11-14 (No budget)
///     l4 layla won        new 10-20 → customer 11-04                    1500
///     i1 inbox            unsorted 11-24 08:00
///
/// month (10-26 … 11-24): 2 won, 3 lost; losses follow-up 2, meeting 1. Leaks (stuck limits new 1
/// day, follow-up 7, meeting 14): new 9 deals in the period, 0 lost, 7 kept past a day (y2 y4 y5 l1
/// l2 l3 l4); follow-up 4 deals, 2 lost (y5 l2), 3 stuck (y2 12 days, y3 9, l2 8); meeting 3 deals,
/// 1 lost (l3), 0 stuck → new limps (7 leaked), follow-up next (4).
/// week (11-18 … 11-24): 1 won (y4), 0 lost.
private enum RS {
    static let now = BoardFixtures.now
    static let team = Team(users: [
        User(account: "dana", name: "Dana Levi", role: .manager),
        User(account: "yossi", name: "Yossi Cohen", role: .rep),
        User(account: "layla", name: "Layla Haddad", role: .rep),
    ])
    static let funnel = Funnel(pipeline: PipelineTemplate.simple.pipeline, team: team)

    static func t(_ text: String) -> Date {
        var iso = "2026-" + text
        if !iso.contains("T") { iso += "T09:00" }
        return Timestamp.parse(iso + ":00Z")!
    }

    static func deal(
        _ id: String, owner: String?, value: Decimal? = nil, next: String? = "11-30", reason: String? = nil,
        _ steps: [(String, String)]
    ) -> Deal {
        var history: [StageChange] = []
        var previous: String?
        for (when, stage) in steps {
            history.append(StageChange(at: t(when), by: owner ?? "capture", from: previous, to: stage))
            previous = stage
        }
        return Deal(
            id: id, title: "Deal \(id)", value: value, currency: "ILS", owner: owner, stage: steps.last!.1,
            created: t(steps[0].0), stageEntered: t(steps.last!.0),
            nextAction: next.map { NextAction(date: Day(iso: "2026-" + $0)!, text: "Call") },
            lostReason: reason, history: history)
    }

    static let deals: [Deal] = [
        deal("y1", owner: "yossi", value: 1000, [("11-23", "new")]),
        deal("y2", owner: "yossi", value: 2000, [("11-10", "new"), ("11-12", "follow-up")]),
        deal("y3", owner: "yossi", value: 5000, [("11-05", "new"), ("11-06", "follow-up"), ("11-15", "meeting")]),
        deal("y4", owner: "yossi", value: 3000, [("11-01", "new"), ("11-10", "meeting"), ("11-20", "customer")]),
        deal("y5", owner: "yossi", reason: "Price", [("11-01", "new"), ("11-03", "follow-up"), ("11-10", "not-relevant")]),
        deal("l1", owner: "layla", value: 800, [("11-22", "new")]),
        deal("l2", owner: "layla", reason: "Price", [("11-02", "new"), ("11-04", "follow-up"), ("11-12", "not-relevant")]),
        deal("l3", owner: "layla", reason: "No budget", [("11-02", "new"), ("11-05", "meeting"), ("11-14", "not-relevant")]),
        deal("l4", owner: "layla", value: 1500, [("10-20", "new"), ("11-04", "customer")]),
        deal("i1", owner: nil, next: nil, [("11-24T08:00", "unsorted")]),
    ]

    static func state(actor: String = "dana", width: Int = 120, height: Int = 40) -> BoardState {
        var state = BoardState(
            funnel: funnel, actor: team.user(actor)!, deals: deals, now: now, utcOffset: 0,
            width: width, height: height)
        if actor == "dana" { state.scope = .everyone }
        state.recompute(keeping: nil)
        return state
    }

    /// Opens the report with `r`.
    static func opened(actor: String = "dana", width: Int = 120, height: Int = 40) -> BoardState {
        var state = state(actor: actor, width: width, height: height)
        press([.char("r")], &state)
        return state
    }

    static func press(_ keys: [KeyPress], _ state: inout BoardState) {
        for key in keys { _ = BoardUpdate.key(key, &state) }
    }

    static func screen(_ state: BoardState) -> ReportScreen? {
        if case .report(let screen)? = state.modal { return screen }
        return nil
    }

    /// Every line of the report, scrolling through it from the top (the body rows of each page).
    static func allLines(_ state: BoardState) -> [String] {
        var state = state
        var seen: [String] = []
        var previous: [String]?
        for _ in 0..<200 {
            let grid = BoardRender.render(state)
            let body = (1..<(grid.height - 1)).map { grid.line($0) }
            if body == previous { break }
            if previous == nil { seen = body } else { seen.append(body.last ?? "") }
            previous = body
            press([.down], &state)
        }
        return seen
    }

    /// The row of the first line containing every needle.
    static func row(_ grid: Grid, containing needles: String...) -> Int? {
        (0..<grid.height).first { row in needles.allSatisfy { grid.line(row).contains($0) } }
    }
}

@Suite("Report screen")
struct ReportScreenTests {
    @Test func rOpensTheReportWithEverySection() throws {
        let state = RS.opened()
        let screen = try #require(RS.screen(state))
        #expect(screen.period == .month && screen.seller == nil && screen.scroll == 0)
        #expect(screen.report == state.report(ReportScreen()))
        #expect(state.keyContext == .report)
        let grid = BoardRender.render(state)
        #expect(grid.line(0).contains("Report · month: 2026-10-26 to 2026-11-24 · all sellers"))
        for title in ["The funnel now", "Conversion", "Where deals are lost", "Days in stage", "Team", "Health"] {
            #expect(RS.row(grid, containing: title) != nil, "no “\(title)” on\n\(grid.text)")
        }
        #expect(grid.line(grid.height - 1).contains("←/→ period"))
        #expect(grid.text.contains("(2 won, 3 lost)"))
        #expect(grid.text.contains("Yossi Cohen"))
        #expect(grid.text.contains("Layla Haddad"))
    }

    @Test func barsAreBlockCharactersSizedByTheFigures() throws {
        let grid = BoardRender.render(RS.opened())
        let funnelTop = try #require(RS.row(grid, containing: "The funnel now"))
        // new has the most open deals (y1, l1), meeting has one (y3), onboarding none.
        let new = grid.line(funnelTop + 1), followUp = grid.line(funnelTop + 2), meeting = grid.line(funnelTop + 3)
        let onboarding = grid.line(funnelTop + 4)
        #expect(new.contains("New inquiry") && new.contains("█"))
        #expect(meeting.contains("Meeting / quote") && meeting.contains("█"))
        #expect(followUp.contains("Follow-up"))
        #expect(onboarding.contains("Post-meeting") && !onboarding.contains("█"))
        let blocks = { (line: String) in line.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(blocks(new) > blocks(meeting))
        #expect(new.contains("2 · ₪1,800"))
        // The limping stage's bar is drawn in the danger colour.
        let limpingRow = try #require(RS.row(grid, containing: "◀ the limping stage"))
        #expect(grid.style(of: "█", row: limpingRow)?.role == .danger)
    }

    @Test func theLimpingStageIsMarked() throws {
        let grid = BoardRender.render(RS.opened())
        let lossesTop = try #require(RS.row(grid, containing: "Where deals are lost"))
        let followUp = try #require((lossesTop..<grid.height).first { grid.line($0).contains("Follow-up") })
        let meeting = try #require((lossesTop..<grid.height).first { grid.line($0).contains("Meeting / quote") })
        let new = try #require((lossesTop..<grid.height).first { grid.line($0).contains("New inquiry") })
        #expect(grid.line(new).contains("◀ the limping stage"))
        #expect(grid.line(new).contains(" 78%"))
        #expect(grid.line(new).contains("lost 0 of 9 (0 %) · stuck 7 of 9 (78 %)"))
        #expect(grid.line(followUp).contains("100%"))
        #expect(grid.line(followUp).contains("lost 2 of 4 (50 %) · stuck 3 of 4 (75 %)"))
        #expect(grid.line(followUp).contains("█"))
        #expect(!grid.line(followUp).contains("limping"))
        #expect(!grid.line(meeting).contains("limping"))
        #expect(grid.line(meeting).contains(" 33%"))
        #expect(grid.line(meeting).contains("lost 1 of 3 (33 %) · stuck 0 of 3 (0 %)"))
        #expect(grid.text.components(separatedBy: "◀ the limping stage").count == 2)
        #expect(grid.text.contains("Price 2"))
    }

    /// Enter before a figure is chosen says how to choose one; leaving the report takes that
    /// hint away with it (the board's status line kept it before).
    @Test func theReportsHintLeavesWithIt() throws {
        var state = RS.opened()
        RS.press([.enter], &state)
        #expect(state.status?.text == "Tab chooses a figure, Enter lists its deals")
        RS.press([.escape], &state)
        #expect(state.keyContext == .board && state.status == nil)
        #expect(!BoardRender.render(state).text.contains("Tab chooses a figure"))
    }

    @Test func leftAndRightChangeThePeriod() {
        var state = RS.opened()
        func header() -> String { BoardRender.render(state).line(0) }
        #expect(header().contains("month: 2026-10-26 to 2026-11-24"))
        RS.press([.left], &state)
        #expect(header().contains("week: 2026-11-18 to 2026-11-24"))
        #expect(BoardRender.render(state).text.contains("(1 won, 0 lost)"))
        RS.press([.left], &state)
        #expect(header().contains("week: 2026-11-18 to 2026-11-24"))
        RS.press([.right], &state)
        #expect(header().contains("month: 2026-10-26 to 2026-11-24"))
        #expect(BoardRender.render(state).text.contains("(2 won, 3 lost)"))
        RS.press([.right], &state)
        #expect(header().contains("quarter: 2026-08-26 to 2026-11-24"))
        RS.press([.right], &state)
        #expect(header().contains("year: 2025-11-25 to 2026-11-24"))
        RS.press([.right], &state)
        #expect(header().contains("all: all time to 2026-11-24"))
        RS.press([.right], &state)
        #expect(header().contains("all: all time to 2026-11-24"))
        #expect(RS.screen(state)?.period == .all)
        // h and l do the same.
        RS.press([.char("h")], &state)
        #expect(RS.screen(state)?.period == .year)
        RS.press([.char("l")], &state)
        #expect(RS.screen(state)?.period == .all)
    }

    @Test func oLetsAManagerPickOneSeller() throws {
        var state = RS.opened()
        RS.press([.char("o")], &state)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("o did not open a list: \(String(describing: state.modal))")
            return
        }
        #expect(picker.options.first?.label == "Every seller")
        var grid = BoardRender.render(state)
        #expect(grid.text.contains("Report on"))
        #expect(grid.text.contains("Every seller"))
        #expect(grid.text.contains("Yossi Cohen (yossi)"))
        #expect(grid.text.contains("Layla Haddad (layla)"))

        let yossi = try #require(picker.options.firstIndex { $0.value == "yossi" })
        RS.press(Array(repeating: .down, count: yossi - picker.selected) + [.enter], &state)
        #expect(RS.screen(state)?.seller == "yossi")
        grid = BoardRender.render(state)
        #expect(grid.line(0).contains("· Yossi Cohen"))
        #expect(!grid.line(0).contains("all sellers"))
        // Only yossi's deals and row: y4 won, y5 lost; Layla is gone.
        #expect(grid.text.contains("(1 won, 1 lost)"))
        #expect(grid.text.contains("Yossi Cohen"))
        #expect(!grid.text.contains("Layla Haddad"))
        let report = state.report(try #require(RS.screen(state)))
        #expect(report.team.map(\.user.account) == ["yossi"])
        #expect(report.stages.first { $0.stage.id == "new" }?.openDeals == 1)

        // Back to every seller.
        RS.press([.char("o")], &state)
        guard case .picker(let again)? = state.modal else {
            Issue.record("o did not open the list again")
            return
        }
        #expect(again.options[again.selected].value == "yossi")
        RS.press(Array(repeating: .up, count: again.selected) + [.enter], &state)
        #expect(RS.screen(state)?.seller == nil)
        #expect(BoardRender.render(state).line(0).contains("all sellers"))
        #expect(BoardRender.render(state).text.contains("(2 won, 3 lost)"))
    }

    @Test func escInTheSellerListGoesBackToTheReport() {
        var state = RS.opened()
        RS.press([.left, .char("o"), .down, .escape], &state)
        #expect(RS.screen(state)?.period == .week)
        #expect(RS.screen(state)?.seller == nil)
    }

    @Test func aRepSeesTheirOwnDealsAndCannotPickASeller() {
        var state = RS.opened(actor: "yossi")
        var grid = BoardRender.render(state)
        #expect(grid.line(0).contains("my deals"))
        #expect(grid.text.contains("(1 won, 1 lost)"))
        #expect(!grid.text.contains("Layla Haddad"))
        RS.press([.char("o")], &state)
        #expect(RS.screen(state) != nil, "the report stays open")
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("only a manager") == true)
        grid = BoardRender.render(state)
        #expect(grid.text.contains("only a manager"))
    }

    @Test func escapeClosesTheReport() {
        var state = RS.opened()
        RS.press([.escape], &state)
        #expect(state.modal == nil)
        let grid = BoardRender.render(state)
        #expect(grid.line(0).contains("funnel · simple"))
        #expect(!grid.text.contains("Where deals are lost"))
        // q and r close it too.
        for key in [KeyPress.char("q"), .char("r")] {
            var again = RS.opened()
            RS.press([key], &again)
            #expect(again.modal == nil)
        }
    }

    @Test func upAndDownScrollAtEightyByTwentyFour() throws {
        var state = RS.opened(width: 80, height: 24)
        var grid = BoardRender.render(state)
        #expect(grid.line(1).contains("The funnel now"))
        #expect(grid.line(23).contains("more lines"))
        #expect(RS.row(grid, containing: "Health") == nil)
        RS.press(Array(repeating: .down, count: 40), &state)
        grid = BoardRender.render(state)
        #expect(RS.row(grid, containing: "Health") != nil)
        #expect(!grid.line(23).contains("more lines"))
        RS.press(Array(repeating: .up, count: 80), &state)
        #expect(RS.screen(state)?.scroll == 0)
        #expect(BoardRender.render(state).line(1).contains("The funnel now"))
    }

    @Test func upMovesTheViewRightAfterScrollingPastTheEnd() {
        var state = RS.opened(width: 80, height: 24)
        RS.press(Array(repeating: .down, count: 60), &state)
        let bottom = BoardRender.render(state).line(1)
        RS.press([.up], &state)
        #expect(BoardRender.render(state).line(1) != bottom)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func everyLineFitsTheWidth(width: Int, height: Int) {
        let state = RS.opened(width: width, height: height)
        let grid = BoardRender.render(state)
        #expect(grid.width == width && grid.height == height)
        for row in 0..<grid.height {
            #expect(DisplayWidth.of(grid.line(row)) <= width, "row \(row) is wider than \(width): \(grid.line(row))")
        }
        for line in RS.allLines(state) {
            #expect(DisplayWidth.of(line) <= width, "wider than \(width): \(line)")
        }
        let lines = RS.allLines(state)
        #expect(lines.contains { $0.contains("Health") })
        #expect(lines.contains { $0.contains("The funnel now") })
    }

    /// Nothing the report says is cut off at the right edge: every report line fits the body's width
    /// (the screen minus a column of margin on each side).
    @Test func noReportLineIsCutAtOneHundredTwentyColumns() throws {
        let state = RS.opened(width: 120, height: 40)
        let report = state.report(try #require(RS.screen(state)))
        for line in ReportView.lines(report, width: 118, state: state) {
            let text = line.pieces.map(\.0).joined()
            let trimmed = text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            #expect(DisplayWidth.of(trimmed) <= 118, "cut at 120 columns: \(trimmed)")
        }
    }

    @Test func noReportLineIsCutAtEightyColumns() throws {
        let state = RS.opened(width: 80, height: 24)
        let report = state.report(try #require(RS.screen(state)))
        let cut = ReportView.lines(report, width: 78, state: state).map { line in
            line.pieces.map(\.0).joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.filter { DisplayWidth.of($0) > 78 }
        #expect(cut.isEmpty)
    }
}
