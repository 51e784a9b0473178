import Foundation
import FunnelCore
import FunnelTestSupport
import FunnelText

@testable import FunnelBoard

/// Small, known boards for screen tests.
enum BoardFixtures {
    static let now = FixedClock.now
    static let team = Team(users: [
        User(account: "dana", name: "Dana Levi", role: .manager),
        User(account: "yossi", name: "יוסי כהן", role: .rep),
        User(account: "layla", name: "ليلى حداد", role: .rep),
    ])
    static let funnel = Funnel(pipeline: PipelineTemplate.simple.pipeline, team: team)

    static func deal(
        _ id: String, _ title: String, company: String = "", stage: String = "new", owner: String? = "yossi",
        value: Decimal? = 1000, next: Int? = 1, enteredDaysAgo: Double = 0.5
    ) -> Deal {
        let entered = now.addingTimeInterval(-enteredDaysAgo * 86_400)
        return Deal(
            id: id, title: title, company: company, value: value, currency: "ILS", owner: owner, stage: stage,
            created: entered, stageEntered: entered,
            nextAction: next.map { NextAction(date: Day(now, utcOffset: 0).adding(days: $0), text: "Call") },
            history: [StageChange(at: entered, by: owner ?? "capture", from: nil, to: stage)])
    }

    /// A board with mixed-script cards in several stages.
    static let mixedDeals: [Deal] = [
        deal("aaaa1111", "CRM annual plan", company: "Acme Robotics"),
        deal("bbbb2222", "רישיון שנתי", company: "כרמל תוכנה", value: 12500),
        deal("cccc3333", "اشتراك سنوي", company: "شركة النور", stage: "follow-up", owner: "layla"),
        deal("dddd4444", "Sakura 寿司 😀 lunch", company: "Café Müller", stage: "meeting", owner: "dana"),
        deal(
            "eeee5555", "שָׁלוֹם עֲלֵיכֶם with a very long title that needs cutting", company: "Kite & Co",
            stage: "meeting", owner: "yossi", next: -2),
        deal("ffff6666", "Inbox lead", stage: "unsorted", owner: nil, value: nil, next: nil),
    ]

    static func state(
        _ deals: [Deal] = mixedDeals, actor: String = "dana", width: Int = 120, height: Int = 30,
        boss: Bool = true
    ) -> BoardState {
        var state = BoardState(
            funnel: funnel, actor: team.user(actor)!, deals: deals, now: now, utcOffset: 0,
            width: width, height: height)
        if boss { state.scope = .everyone }
        state.recompute(keeping: nil)
        return state
    }

    /// Presses keys in order, collecting every effect.
    @discardableResult
    static func press(_ keys: [KeyPress], _ state: inout BoardState) -> [Effect] {
        keys.flatMap { BoardUpdate.key($0, &state) }
    }

    static func type(_ text: String, _ state: inout BoardState) {
        for c in text { _ = BoardUpdate.key(.char(c), &state) }
    }

    /// The display columns at which "│" separators stand on a line.
    static func separatorColumns(_ line: String) -> [Int] {
        var columns: [Int] = []
        var x = 0
        for c in line {
            if c == "│" { columns.append(x) }
            x += DisplayWidth.of(c)
        }
        return columns
    }
}
