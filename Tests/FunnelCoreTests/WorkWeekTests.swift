import Foundation
import Testing

@testable import FunnelCore

@Suite("Work week")
struct WorkWeekTests {
    @Test func rangesAndListsOfWeekdays() {
        #expect(WorkWeek.parse("sun-thu") == .sundayToThursday)
        #expect(WorkWeek.parse("Mon-Fri") == .mondayToFriday)
        #expect(WorkWeek.parse("fri-mon")?.days == [4, 5, 6, 0])
        #expect(WorkWeek.parse("sun,mon,tue")?.days == [6, 0, 1])
        for bad in ["", "xyz", "sun-", "-thu", "mon,", "monday-friday"] { #expect(WorkWeek.parse(bad) == nil, "\(bad)") }
    }

    @Test func momentsOutsideWorkingHoursMoveToTheNextStretchOrBackToTheLast() {
        let week = WorkWeek.sundayToThursday
        let thursday = Day(year: 2026, month: 11, day: 26)!  // a Thursday
        #expect(thursday.weekday == 3)
        let thursdayNoon = week.moment(thursday, offset: 4 * 3_600)
        #expect(week.snap(thursdayNoon) == thursdayNoon)
        #expect(week.snapBack(thursdayNoon) == thursdayNoon)
        // Thursday 19:00: forward to Sunday 08:00, back to Thursday 17:59.
        let evening = thursday.daysSinceEpoch * 86_400 + 19 * 3_600
        #expect(week.snap(evening) == thursday.adding(days: 3).daysSinceEpoch * 86_400 + 8 * 3_600)
        #expect(week.snapBack(evening) == thursday.daysSinceEpoch * 86_400 + 18 * 3_600 - 60)
        // Saturday morning goes back to Thursday.
        let saturday = thursday.adding(days: 2).daysSinceEpoch * 86_400 + 10 * 3_600
        #expect(week.snapBack(saturday) == thursday.daysSinceEpoch * 86_400 + 18 * 3_600 - 60)
        #expect(week.workingDay(1, after: thursday) == thursday.adding(days: 3))
        #expect(week.workingDay(onOrAfter: thursday.adding(days: 1)) == thursday.adding(days: 3))
    }

    @Test func leadsArriveOnlyOnWorkingDaysInWorkingHours() {
        let pipeline = PipelineTemplate.simple.pipeline
        for week in [WorkWeek.sundayToThursday, .mondayToFriday] {
            var parameters = DemoParameters()
            parameters.week = week
            let deals = DemoData.world(count: 600, pipeline: pipeline, now: Fx.now, parameters: parameters).deals
            for deal in deals {
                let local = Int(deal.created.timeIntervalSince1970)
                let day = Day(deal.created, utcOffset: 0)
                #expect(week.isWorking(day))
                #expect(local - day.daysSinceEpoch * 86_400 >= 8 * 3_600 && local - day.daysSinceEpoch * 86_400 < 18 * 3_600)
                #expect(Fx.now.timeIntervalSince(deal.created) <= 120 * 86_400)
            }
        }
    }
}
