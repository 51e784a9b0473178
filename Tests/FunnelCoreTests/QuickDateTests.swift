import Foundation
import Testing

@testable import FunnelCore

/// Quick dates as a rep types them in a prompt (today is Tuesday 2026-11-24).
@Suite("Quick dates")
struct QuickDateTests {
    let today = Fx.today

    @Test func oneLetterForTodayAndTomorrow() {
        #expect(QuickDate.parse("t", today: today) == today)
        #expect(QuickDate.parse("m", today: today)?.iso == "2026-11-25")
        #expect(QuickDate.parse("T", today: today) == today)
    }

    @Test func aNumberOfDaysWithOrWithoutItsUnit() {
        #expect(QuickDate.parse("+3", today: today)?.iso == "2026-11-27")
        #expect(QuickDate.parse("+3d", today: today)?.iso == "2026-11-27")
        #expect(QuickDate.parse("+1w", today: today)?.iso == "2026-12-01")
        #expect(QuickDate.parse("-1", today: today)?.iso == "2026-11-23")
    }

    @Test func aWeekdayIsTheNextOneAfterToday() {
        #expect(today.weekdayName == "Tue")
        #expect(QuickDate.parse("fri", today: today)?.iso == "2026-11-27")
        #expect(QuickDate.parse("Friday", today: today)?.iso == "2026-11-27")
        #expect(QuickDate.parse("mon", today: today)?.iso == "2026-11-30")
        #expect(QuickDate.parse("tue", today: today)?.iso == "2026-12-01", "today's weekday means next week")
        #expect(QuickDate.parse("wed", today: today)?.iso == "2026-11-25")
    }

    @Test func datesAsWritten() {
        #expect(QuickDate.parse("2026-12-01", today: today)?.iso == "2026-12-01")
        #expect(QuickDate.parse("2026-12-01T10:00:00Z", today: today)?.iso == "2026-12-01")
    }

    @Test(arguments: ["", "x", "+", "+d", "++3", "+3x", "friyay", "2026-02-30", "+999999", "3"])
    func notDates(text: String) {
        #expect(QuickDate.parse(text, today: today) == nil)
    }

    @Test func theCommandLineReadsTheSameDates() {
        #expect(Day.parse("m", today: today) == QuickDate.parse("m", today: today))
        #expect(Day.parse("fri", today: today)?.iso == "2026-11-27")
    }
}
