import Foundation
import Testing

@testable import FunnelCore

@Suite("Days and times")
struct DayTests {
    @Test(arguments: ["2026-11-24", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "1970-01-01", "2026-12-31"])
    func validISODatesRoundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2026-02-30", "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-01-32", "2026-1-05", "26-01-05", "2026/01/05", "", "2026-01-05x", "20260105",
        "2026-01-05T10:00:00Z", "+2026-01-05", "0000-01-01", "２０２６-01-05",
    ])
    func invalidISODatesAreRefused(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(iso: "2024-03-01")!.adding(days: -1).iso == "2024-02-29")
        #expect(Day(iso: "2023-03-01")!.adding(days: -1).iso == "2023-02-28")
        #expect(Day(iso: "2024-12-31")!.daysSinceEpoch - Day(iso: "2024-01-01")!.daysSinceEpoch == 365)
        #expect(Day(iso: "2023-12-31")!.daysSinceEpoch - Day(iso: "2023-01-01")!.daysSinceEpoch == 364)
    }

    @Test func daysCountFromTheEpoch() {
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "1969-12-31")?.daysSinceEpoch == -1)
        #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(Day(iso: "2026-11-24") == Day(Fx.now, utcOffset: 0))
    }

    @Test func relativeDates() {
        let today = Fx.today
        #expect(Day.parse("today", today: today) == today)
        #expect(Day.parse("TODAY", today: today) == today)
        #expect(Day.parse("tomorrow", today: today)?.iso == "2026-11-25")
        #expect(Day.parse("yesterday", today: today)?.iso == "2026-11-23")
        #expect(Day.parse("+2d", today: today)?.iso == "2026-11-26")
        #expect(Day.parse(" +2d ", today: today)?.iso == "2026-11-26")
        #expect(Day.parse("+10d", today: today)?.iso == "2026-12-04")
        #expect(Day.parse("-1w", today: today)?.iso == "2026-11-17")
        #expect(Day.parse("+3w", today: today)?.iso == "2026-12-15")
        #expect(Day.parse("-3d", today: today)?.iso == "2026-11-21")
        #expect(Day.parse("+0d", today: today) == today)
        #expect(Day.parse("2027-01-05", today: today)?.iso == "2027-01-05")
        #expect(Day.parse("2026-11-30T17:00:00Z", today: today)?.iso == "2026-11-30")
    }

    @Test(arguments: ["", "soon", "+d", "2d", "+2x", "d", "++", "2026-02-30", "next week", "+2.5d", "+1y"])
    func unreadableDatesAreRefused(text: String) {
        #expect(Day.parse(text, today: Fx.today) == nil)
    }

    @Test func aSignInsideARelativeDateIsRefused() {
        #expect(Day.parse("+-2d", today: Fx.today) == nil)
        #expect(Day.parse("-+2d", today: Fx.today) == nil)
    }

    @Test func componentsRoundTripDayByDayAroundNow() throws {
        var previous = try #require(Day(iso: "1899-12-31"))
        let end = try #require(Day(iso: "2101-01-01")).daysSinceEpoch
        while previous.daysSinceEpoch < end {
            let day = previous.adding(days: 1)
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == day)
            let p = previous.components
            let continues =
                (c.year == p.year && c.month == p.month && c.day == p.day + 1)
                || (c.year == p.year && c.month == p.month + 1 && c.day == 1)
                || (c.year == p.year + 1 && c.month == 1 && c.day == 1 && p.month == 12 && p.day == 31)
            #expect(continues, "\(previous.iso) → \(day.iso)")
            if !continues { break }
            previous = day
        }
    }

    @Test func componentsRoundTripOverTheWholeRange() throws {
        let first = try #require(Day(year: 1, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(Day(year: 9999, month: 12, day: 31)).daysSinceEpoch
        for n in stride(from: first, through: last, by: 97) {
            let day = Day(daysSinceEpoch: n)
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day)?.daysSinceEpoch == n)
            #expect(Day(iso: day.iso) == day)
        }
        #expect(Day(daysSinceEpoch: last).adding(days: -1).iso == "9999-12-30")
    }

    @Test func theDayAMomentFallsOnDependsOnTheOffset() {
        let late = Fx.time("2026-11-24T23:30:00Z")
        #expect(Day(late, utcOffset: 0).iso == "2026-11-24")
        #expect(Day(late, utcOffset: 3_600).iso == "2026-11-25")
        let early = Fx.time("2026-11-24T00:30:00Z")
        #expect(Day(early, utcOffset: -3_600).iso == "2026-11-23")
        #expect(Day(Fx.time("1969-12-31T23:59:59Z"), utcOffset: 0).iso == "1969-12-31")
        let day = Fx.day("2026-11-24")
        #expect(day.start(utcOffset: 0) == Fx.time("2026-11-24T00:00:00Z"))
        #expect(day.start(utcOffset: 7_200) == Fx.time("2026-11-23T22:00:00Z"))
        #expect(Day(day.start(utcOffset: 7_200), utcOffset: 7_200) == day)
    }

    @Test func daysAreStoredAsISOText() throws {
        let data = try JSONEncoder().encode([Fx.day("2026-02-03")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-02-03\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [Fx.day("2026-02-03")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8)) }
    }

    @Test func timestamps() {
        #expect(Timestamp.parse("2026-11-24T09:00:00Z") == Fx.now)
        #expect(Timestamp.parse("2026-11-24T11:00:00+02:00") == Fx.now)
        #expect(Timestamp.parse("2026-11-24T09:00:00.000Z") == Fx.now)
        #expect(Timestamp.parse("2026-11-24") == Fx.time("2026-11-24T00:00:00Z"))
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.format(Fx.now) == "2026-11-24T09:00:00Z")
    }

    @Test func impossibleTimesAreRefusedLikeImpossibleDays() {
        // Day(iso:) refuses 2026-02-30; a timestamp on that day (FUNNEL_NOW, stored times) should be refused too.
        #expect(Timestamp.parse("2026-02-30T09:00:00Z") == nil)
        #expect(Timestamp.parse("2026-11-24T25:00:00Z") == nil)
    }
}
