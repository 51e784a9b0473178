import Foundation
import Testing

@testable import FunnelCore

// Goals and their progress, against figures worked out by hand.
private enum GX {
    static let pipeline = PipelineTemplate.simple.pipeline
    static let team = Team(users: [
        User(account: "dana", name: "Dana", role: .manager), User(account: "rita", name: "Rita", role: .rep),
        User(account: "sam", name: "Sam", role: .rep),
    ])
    static let november = Month(iso: "2026-11")!

    static func t(_ iso: String) -> Date { Timestamp.parse(iso)! }

    /// A deal moved to `to` at `at` (after being created in new a month before).
    static func closed(_ id: String, owner: String, value: Decimal?, currency: String = "ILS", to: String, at: String) -> Deal {
        let created = t("2026-10-01T09:00:00Z")
        return Deal(
            id: id, title: id, value: value, currency: currency, owner: owner, stage: to, created: created,
            stageEntered: t(at), lostReason: to == "not-relevant" ? "Price" : nil,
            history: [
                StageChange(at: created, by: owner, from: nil, to: "new"),
                StageChange(at: t(at), by: owner, from: "new", to: to),
            ])
    }

    static func call(_ by: String, at: String, kind: ActivityKind = .call) -> Activity {
        Activity(at: t(at), by: by, kind: kind, outcome: kind == .call ? .reached : nil)
    }
}

@Suite("Goals")
struct GoalTests {
    static let deals: [Deal] = {
        var talk = GX.closed("t1", owner: "rita", value: nil, to: "meeting", at: "2026-11-03T09:00:00Z")
        talk.activities = [
            GX.call("rita", at: "2026-11-02T09:00:00Z"), GX.call("rita", at: "2026-11-05T09:00:00Z", kind: .email),
            GX.call("rita", at: "2026-11-06T09:00:00Z", kind: .meeting), GX.call("rita", at: "2026-11-07T09:00:00Z", kind: .note),
            GX.call("sam", at: "2026-11-08T09:00:00Z"), GX.call("rita", at: "2026-10-31T23:00:00Z"),
            GX.call("capture", at: "2026-11-09T09:00:00Z"),
        ]
        return [
            GX.closed("w1", owner: "rita", value: 50_000, to: "customer", at: "2026-11-10T09:00:00Z"),
            GX.closed("w2", owner: "rita", value: 30_000, to: "customer", at: "2026-11-30T22:30:00Z"),
            GX.closed("w3", owner: "sam", value: 40_000, to: "customer", at: "2026-11-12T09:00:00Z"),
            GX.closed("w4", owner: "sam", value: 7_000, currency: "USD", to: "customer", at: "2026-11-13T09:00:00Z"),
            GX.closed("w5", owner: "rita", value: 99_000, to: "customer", at: "2026-10-30T09:00:00Z"),
            GX.closed("x1", owner: "rita", value: 10_000, to: "not-relevant", at: "2026-11-11T09:00:00Z"),
            talk,
        ]
    }()

    static func status(_ goal: Goal, today: String = "2026-11-19", utcOffset: Int = 0) -> GoalStatus {
        GoalProgress.statuses(
            [goal], deals: deals, pipelines: PipelineSet(first: GX.pipeline), team: GX.team, today: Day(iso: today)!,
            utcOffset: utcOffset)[0]
    }

    @Test func wonValueCountsDealsWonInTheMonthInThePipelinesCurrency() {
        // Team: w1 50 000 + w2 30 000 + w3 40 000 (w4 is in dollars, w5 was won in October, x1 lost).
        let team = Self.status(Goal(month: GX.november, seller: nil, kind: .wonValue, target: 200_000))
        #expect(team.actual == 120_000 && team.gap == 80_000 && team.daysLeft == 12 && !team.reached)
        let rita = Self.status(Goal(month: GX.november, seller: "rita", kind: .wonValue, target: 60_000))
        #expect(rita.actual == 80_000 && rita.gap == 0 && rita.reached)
    }

    @Test func goalsCountEveryPipelineEachDealByItsOwnStagesInTheFirstPipelinesCurrency() {
        var renewals = PipelineTemplate.b2b.pipeline
        renewals.defaultCurrency = "USD"
        var won = GX.closed("r1", owner: "rita", value: 5_000, to: "closed", at: "2026-11-14T09:00:00Z")
        won.pipeline = "renewals"
        var dollars = GX.closed("r2", owner: "sam", value: 900, currency: "USD", to: "closed", at: "2026-11-15T09:00:00Z")
        dollars.pipeline = "renewals"
        // "customer" is not a stage of renewals: a deal there is not won by its own pipeline's stages.
        var misfiled = GX.closed("r3", owner: "rita", value: 1_000, to: "customer", at: "2026-11-16T09:00:00Z")
        misfiled.pipeline = "renewals"
        let set = PipelineSet(first: GX.pipeline, others: [PipelineEntry(id: "renewals", pipeline: renewals)])
        let goal = Goal(month: GX.november, seller: nil, kind: .wonValue, target: 200_000)
        let status = GoalProgress.statuses(
            [goal], deals: Self.deals + [won, dollars, misfiled], pipelines: set, team: GX.team, today: Day(iso: "2026-11-19")!,
            utcOffset: 0)[0]
        // 120 000 in the first pipeline + 5 000 won in renewals (in shekels); r2 is in dollars, r3 not won.
        #expect(status.actual == 125_000 && status.currency == "ILS")
        let count = Goal(month: GX.november, seller: nil, kind: .wonDeals, target: 10)
        #expect(GoalProgress.actual(count, deals: Self.deals + [won, dollars, misfiled], pipelines: set, team: GX.team, utcOffset: 0) == 6)
    }

    @Test func aRepReadsOnlyTheirOwnDealsAndTheInbox() {
        var inbox = GX.closed("i1", owner: "rita", value: 1, to: "unsorted", at: "2026-11-02T09:00:00Z")
        inbox.owner = nil
        let readable = GoalProgress.readable(Self.deals + [inbox], by: GX.team.user("rita")!)
        #expect(Set(readable.map(\.id)) == ["w1", "w2", "w5", "x1", "t1", "i1"])
        #expect(GoalProgress.readable(Self.deals, by: GX.team.user("dana")!).count == Self.deals.count)
        let goal = Goal(month: GX.november, seller: nil, kind: .wonValue, target: 200_000)
        // The team's goal as rita may read it: her own wins only (w1, w2), not sam's.
        #expect(GoalProgress.actual(goal, deals: readable, pipelines: PipelineSet(first: GX.pipeline), team: GX.team, utcOffset: 0) == 80_000)
    }

    @Test func wonDealsCountEveryCurrency() {
        #expect(Self.status(Goal(month: GX.november, seller: nil, kind: .wonDeals, target: 10)).actual == 4)
        #expect(Self.status(Goal(month: GX.november, seller: "sam", kind: .wonDeals, target: 3)).gap == 1)
    }

    @Test func activitiesAreCallsEmailsAndMeetingsByTheSeller() {
        // rita: a call, an email, a meeting in November (the note does not count, the Oct 31 call is October's).
        #expect(Self.status(Goal(month: GX.november, seller: "rita", kind: .activities, target: 20)).actual == 3)
        // The team: rita's 3 and sam's call; "capture" is not on the team.
        #expect(Self.status(Goal(month: GX.november, seller: nil, kind: .activities, target: 20)).actual == 4)
    }

    @Test func theMonthIsLocalTime() {
        // w2 won 2026-11-30T22:30Z: in Israel (+2 h) that is 00:30 on December 1st; rita's Oct 31 23:00Z call is November 1st.
        let value = Self.status(Goal(month: GX.november, seller: "rita", kind: .wonValue, target: 1), utcOffset: 7_200)
        #expect(value.actual == 50_000)
        let december = Self.status(Goal(month: Month(iso: "2026-12")!, seller: "rita", kind: .wonValue, target: 1), utcOffset: 7_200)
        #expect(december.actual == 30_000)
        let calls = Self.status(Goal(month: GX.november, seller: "rita", kind: .activities, target: 1), utcOffset: 7_200)
        #expect(calls.actual == 4)
    }

    @Test(arguments: [("2026-11-19", 12), ("2026-11-30", 1), ("2026-11-01", 30), ("2026-12-01", 0), ("2026-10-31", 30)])
    func daysLeftCountTodayUntilTheMonthsEnd(today: String, left: Int) {
        #expect(GX.november.daysLeft(today: Day(iso: today)!) == left)
    }

    @Test func monthsParseAndKnowTheirDays() {
        #expect(Month(iso: "2028-02")?.lastDay.iso == "2028-02-29")
        #expect(Month(iso: "2026-02")?.lastDay.iso == "2026-02-28")
        #expect(Month(iso: "2026-13") == nil && Month(iso: "2026-1") == nil && Month(iso: "nov") == nil)
        #expect(Month(Day(iso: "2026-11-30")!) == GX.november)
        #expect(DateStyle.iso.month(GX.november) == "Nov 2026" && DateStyle.dayMonthDot.month(GX.november) == "11.2026")
    }

    @Test func theBookKeepsOneGoalPerMonthSellerAndKind() throws {
        var book = GoalBook()
        book = try book.setting(Goal(month: GX.november, seller: nil, kind: .wonValue, target: 100)).get()
        book = try book.setting(Goal(month: GX.november, seller: nil, kind: .wonValue, target: 200)).get()
        book = try book.setting(Goal(month: GX.november, seller: "rita", kind: .activities, target: 12)).get()
        #expect(book.goals.count == 2)
        #expect(book.goals.first { $0.seller == nil }?.target == 200)
        let removed = try book.removing(month: GX.november, seller: "rita", kind: nil).get()
        #expect(removed.goals.count == 1)
        guard case .failure(let refusal) = removed.removing(month: GX.november, seller: "rita", kind: nil) else {
            Issue.record("removing a goal that is not there must be refused")
            return
        }
        #expect(refusal.message == .noSuchGoal(month: "2026-11", who: "rita"))
    }

    @Test func badTargetsAreRefused() {
        let negative = GoalBook().setting(Goal(month: GX.november, seller: nil, kind: .wonValue, target: -1))
        #expect((try? negative.get()) == nil)
        #expect(Goal(month: GX.november, seller: nil, kind: .wonDeals, target: Decimal(string: "2.5")!).violation != nil)
        #expect(Goal(month: GX.november, seller: nil, kind: .wonValue, target: Decimal(string: "2.555")!).violation != nil)
        #expect(Goal(month: GX.november, seller: nil, kind: .activities, target: 5_000_000).violation != nil)
        #expect(Goal(month: GX.november, seller: nil, kind: .activities, target: 0).violation == nil)
    }

    @Test func aRepSeesTheTeamsGoalsAndTheirOwn() {
        let goals = [
            Goal(month: GX.november, seller: nil, kind: .wonValue, target: 1),
            Goal(month: GX.november, seller: "rita", kind: .wonDeals, target: 1),
            Goal(month: GX.november, seller: "sam", kind: .wonDeals, target: 1),
            Goal(month: Month(iso: "2026-12")!, seller: nil, kind: .wonValue, target: 1),
        ]
        #expect(GoalProgress.visible(goals, month: GX.november, to: GX.team.user("rita")!).map(\.seller) == [nil, "rita"])
        #expect(GoalProgress.visible(goals, month: GX.november, to: GX.team.user("dana")!).count == 3)
    }

    @Test func goalsFilesRoundTripAndRefuseDuplicates() throws {
        let book = GoalBook(goals: [
            Goal(month: GX.november, seller: nil, kind: .wonValue, target: 200_000),
            Goal(month: GX.november, seller: "rita", kind: .activities, target: 12),
        ])
        let data = try JSONEncoder().encode(book)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"200000.00\"") && text.contains("\"12\"") && text.contains("null"))
        #expect(try JSONDecoder().decode(GoalBook.self, from: data) == book)
        let twice = #"[{"month":"2026-11","seller":null,"kind":"won_value","target":"1"},{"month":"2026-11","kind":"won_value","target":"2"}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GoalBook.self, from: Data(twice.utf8)) }
        let unknown = #"[{"month":"2026-11","kind":"won_value","target":"1","extra":1}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GoalBook.self, from: Data(unknown.utf8)) }
        let negative = #"[{"month":"2026-11","kind":"won_deals","target":"-3"}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GoalBook.self, from: Data(negative.utf8)) }
    }
}
