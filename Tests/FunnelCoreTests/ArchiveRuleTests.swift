import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelCore

/// Which closed deals leave the board's columns (`ArchiveRule`).
@Suite struct ArchiveRuleTests {
    static let pipeline = PipelineTemplate.simple.pipeline
    static let today = Day(FixedClock.now, utcOffset: 0)

    /// A deal that entered `stage` `days` days before FixedClock's day.
    static func deal(in stage: String, daysAgo days: Int) -> Deal {
        let entered = today.adding(days: -days).start(utcOffset: 0).addingTimeInterval(3_600)
        return Deal(
            id: "abcd2345", title: "Old", value: 100, currency: "ILS", owner: "rita", stage: stage, created: entered,
            stageEntered: entered)
    }

    @Test(arguments: [
        ("customer", 91, true), ("customer", 90, false), ("customer", 5, false), ("not-relevant", 400, true),
        ("former-customer", 91, true), ("meeting", 400, false), ("unsorted", 400, false),
    ])
    func closedDealsOlderThanTheRuleAreArchived(stage: String, daysAgo: Int, archived: Bool) {
        let rule = ArchiveRule()
        #expect(rule.days == 90)
        let deal = Self.deal(in: stage, daysAgo: daysAgo)
        #expect(rule.isArchived(deal, stage: Self.pipeline.stage(id: stage), today: Self.today, utcOffset: 0) == archived)
    }

    @Test func zeroDaysArchivesNothingAndTheDayCountsInTheUsersZone() {
        let old = Self.deal(in: "customer", daysAgo: 3_000)
        let won = Self.pipeline.stage(id: "customer")
        #expect(!ArchiveRule(days: 0).isArchived(old, stage: won, today: Self.today, utcOffset: 0))
        #expect(!ArchiveRule(days: 1).isArchived(old, stage: nil, today: Self.today, utcOffset: 0))
        // Closed at 23:30 UTC two days ago: in UTC+2 that is already the next day, one day ago.
        let late = Self.today.adding(days: -2).start(utcOffset: 0).addingTimeInterval(23.5 * 3_600)
        let deal = Deal(
            id: "abcd2345", title: "Late", value: 1, currency: "ILS", owner: "rita", stage: "customer", created: late,
            stageEntered: late)
        #expect(ArchiveRule(days: 1).isArchived(deal, stage: won, today: Self.today, utcOffset: 0))
        #expect(!ArchiveRule(days: 1).isArchived(deal, stage: won, today: Self.today, utcOffset: 7_200))
    }
}
