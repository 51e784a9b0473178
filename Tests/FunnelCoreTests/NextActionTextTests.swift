import Foundation
import Testing

@testable import FunnelCore

@Suite("A next action as typed")
struct NextActionTextTests {
    /// A Tuesday.
    let today = Day(year: 2026, month: 11, day: 24)!

    @Test func aDateThenWhatToDo() {
        #expect(NextActionText.parse("fri call back", today: today) == NextAction(date: Day(iso: "2026-11-27")!, text: "call back"))
        #expect(NextActionText.parse("  +2d   send the offer ", today: today) == NextAction(date: Day(iso: "2026-11-26")!, text: "send the offer"))
        #expect(NextActionText.parse("tomorrow", today: today) == NextAction(date: Day(iso: "2026-11-25")!, text: ""))
        #expect(NextActionText.parse("2026-12-01 demo", today: today)?.date.iso == "2026-12-01")
    }

    @Test(arguments: ["", "   ", "call back fri", "someday", "+2x call"])
    func textThatDoesNotStartWithADateIsNone(text: String) {
        #expect(NextActionText.parse(text, today: today) == nil)
        #expect(NextActionText.split(text, today: today) == nil)
    }

    @Test func theDateAndTheRestApart() throws {
        let typed = try #require(NextActionText.split("m  no answer, try again", today: today))
        #expect(typed.date.iso == "2026-11-25" && typed.rest == "no answer, try again")
    }

    @Test func theCommandLinesTwoOptions() {
        #expect(NextActionText.parse(date: "+1w", what: "quote", today: today) == NextAction(date: Day(iso: "2026-12-01")!, text: "quote"))
        #expect(NextActionText.parse(date: "wed", what: nil, today: today) == NextAction(date: Day(iso: "2026-11-25")!, text: ""))
        #expect(NextActionText.parse(date: "fri call", what: nil, today: today) == nil, "the date option is a date only")
    }

    @Test func theClockIsAValue() {
        let later = today.adding(days: 3)
        #expect(NextActionText.parse("tomorrow x", today: later)?.date == later.adding(days: 1))
    }
}

@Suite("A date as a person types it")
struct QuickDateTypedTests {
    let today = Day(year: 2026, month: 11, day: 24)!

    @Test(arguments: [(0, "today"), (1, "tomorrow"), (2, "+2d"), (99, "+99d"), (100, "2027-03-04"), (-1, "2026-11-23")])
    func typedAndReadBack(days: Int, text: String) {
        let day = today.adding(days: days)
        #expect(QuickDate.typed(day, today: today) == text)
        #expect(QuickDate.parse(text, today: today) == day)
    }
}
