import Foundation
import Testing

@testable import FunnelCore

// Weighted value, the forecast by month of expected close, and the two leaks of the limping
// stage, against figures worked out by hand. Pipeline `simple`: new 10 % (stuck 1 day),
// follow-up 20 % (7 days), meeting 50 % (14 days), onboarding 80 %. Now 2026-11-19T09:00:00Z, UTC.
private enum FX {
    static let pipeline = PipelineTemplate.simple.pipeline
    static let now = Timestamp.parse("2026-11-19T09:00:00Z")!
    static let today = Day(year: 2026, month: 11, day: 19)!
    static let dana = User(account: "dana", name: "Dana", role: .manager)
    static let rita = User(account: "rita", name: "Rita", role: .rep)
    static let sam = User(account: "sam", name: "Sam", role: .rep)
    static let team = Team(users: [dana, rita, sam])

    static func t(_ text: String) -> Date {
        Timestamp.parse("2026-" + text + (text.contains("T") ? ":00Z" : "T09:00:00Z"))!
    }

    static func deal(
        _ id: String, owner: String = "rita", value: Decimal? = nil, currency: String = "ILS", probability: Int? = nil,
        close: String? = nil, _ steps: [(String, String)]
    ) -> Deal {
        var history: [StageChange] = []
        var previous: String?
        for (when, stage) in steps {
            history.append(StageChange(at: t(when), by: owner, from: previous, to: stage))
            previous = stage
        }
        var deal = Deal(
            id: id, title: id, value: value, currency: currency, owner: owner, stage: steps.last!.1,
            created: t(steps[0].0), stageEntered: t(steps.last!.0),
            nextAction: NextAction(date: Day(iso: "2026-11-30")!), history: history)
        deal.probability = probability
        deal.expectedClose = close.map { Day(iso: "2026-" + $0) ?? Day(iso: $0)! }
        return deal
    }

    static func report(_ deals: [Deal], period: ReportPeriod = ReportPeriod.trailing(.month, today: today)) -> FunnelReport {
        ReportBuilder.build(deals: deals, pipeline: pipeline, team: team, period: period, now: now, utcOffset: 0)
    }
}

@Suite("Forecast: weighted value and expected close")
struct ForecastTests {
    // rita: a1 new 10 000 (10 %: 1 000), a2 follow-up 20 000 with its own 35 % (7 000), a3 meeting
    // 5 000 USD (not summed); sam: b1 meeting 12 000 (50 %: 6 000), b2 meeting without a value.
    static let deals = [
        FX.deal("a1", value: 10_000, close: "12-10", [("11-18", "new")]),
        FX.deal("a2", value: 20_000, probability: 35, close: "12-20", [("11-10", "new"), ("11-12", "follow-up")]),
        FX.deal("a3", value: 5_000, currency: "USD", close: "12-05", [("11-10", "meeting")]),
        FX.deal("b1", owner: "sam", value: 12_000, close: "10-31", [("11-01", "meeting")]),
        FX.deal("b2", owner: "sam", close: "2027-01-15", [("11-02", "meeting")]),
        FX.deal("w1", owner: "sam", value: 9_000, probability: 90, close: "11-25", [("11-01", "meeting"), ("11-15", "customer")]),
    ]

    @Test func aDealsOwnProbabilityWinsOverItsStages() {
        let followUp = FX.pipeline.stage(id: "follow-up")
        #expect(WeightedValue.probability(of: Self.deals[1], in: followUp) == 35)
        #expect(WeightedValue.of(Self.deals[1], in: followUp) == 7_000)
        #expect(WeightedValue.of(Self.deals[0], in: FX.pipeline.stage(id: "new")) == 1_000)
        #expect(WeightedValue.of(Self.deals[4], in: FX.pipeline.stage(id: "meeting")) == nil)
        #expect(WeightedValue.of(Self.deals[0], in: Stage(id: "x", name: "X", kind: .open)) == nil)
        // 99.99 × 33 % = 32.9967: rounded to the cent, half-up.
        let odd = FX.deal("o", value: Decimal(string: "99.99")!, probability: 33, [("11-18", "new")])
        #expect(WeightedValue.of(odd, in: nil) == Decimal(string: "33.00")!)
        let half = FX.deal("h", value: Decimal(string: "0.01")!, probability: 50, [("11-18", "new")])
        #expect(WeightedValue.of(half, in: nil) == Decimal(string: "0.01")!, "0.005 rounds half-up")
    }

    @Test func everySumIsTheSumOfTheDealsRoundedWeightedValues() throws {
        // Three deals of 0.01 at 50 % (meeting): 0.01 each, so 0.03 everywhere they are summed.
        let deals = ["c1", "c2", "c3"].map { FX.deal($0, value: Decimal(string: "0.01")!, close: "12-01", [("11-18", "meeting")]) }
        let report = FX.report(deals)
        let cents = Decimal(string: "0.03")!
        #expect(report.stages.first { $0.stage.id == "meeting" }?.weightedValue == cents)
        #expect(report.team.first { $0.user.account == "rita" }?.weightedValue == cents)
        #expect(report.weightedValue == cents)
        #expect(report.forecast.first?.weightedValue == cents)
    }

    @Test func theInboxIsOpenForTheTotalTheForecastAndItsFigures() throws {
        var inbox = FX.deal("i1", value: 1_000, probability: 40, close: "12-03", [("11-18", "unsorted")])
        inbox.owner = nil
        let report = FX.report(Self.deals + [inbox])
        #expect(report.stages.first { $0.stage.id == "unsorted" }?.weightedValue == 400)
        #expect(report.weightedValue == 14_400, "14 000 in the open stages + 400 in the inbox")
        let december = try #require(report.forecast.first { $0.month?.iso == "2026-12" })
        #expect(december.deals == 4 && december.value == 31_000 && december.weightedValue == 8_400)
        let ids = ReportDrill.deals(
            .closing(Month(iso: "2026-12")!), in: Self.deals + [inbox], pipeline: FX.pipeline,
            period: ReportPeriod.trailing(.month, today: FX.today), now: FX.now, utcOffset: 0
        ).map(\.id)
        #expect(ids == ["a1", "a2", "a3", "i1"])
    }

    @Test func noWeightedValueWhereNoDealHasAProbability() throws {
        // Only onboarding has a probability; rita's deals are elsewhere and have none of their own.
        var pipeline = FX.pipeline
        for i in pipeline.stages.indices where pipeline.stages[i].id != "onboarding" { pipeline.stages[i].probability = nil }
        let report = ReportBuilder.build(
            deals: [FX.deal("a", value: 100, close: "12-01", [("11-18", "new")])], pipeline: pipeline, team: FX.team,
            period: ReportPeriod.trailing(.month, today: FX.today), now: FX.now, utcOffset: 0)
        #expect(report.team.first { $0.user.account == "rita" }?.weightedValue == nil)
        #expect(report.weightedValue == nil)
        #expect(report.forecast.count == 1 && report.forecast[0].weightedValue == nil)
        // The stage with a probability keeps its figure, as documented (none only without one).
        #expect(report.stages.first { $0.stage.id == "onboarding" }?.weightedValue == 0)
    }

    @Test func weightedValuePerStageSellerAndInTotal() throws {
        let report = FX.report(Self.deals)
        let stage = { (id: String) in report.stages.first { $0.stage.id == id } }
        #expect(stage("new")?.weightedValue == 1_000)
        #expect(stage("follow-up")?.weightedValue == 7_000)
        // a3 is in dollars: counted as open, not summed; b1 6 000; b2 has no value.
        #expect(stage("meeting")?.weightedValue == 6_000)
        #expect(stage("onboarding")?.weightedValue == 0)
        #expect(stage("unsorted")?.weightedValue == nil)
        let rita = try #require(report.team.first { $0.user.account == "rita" })
        let sam = try #require(report.team.first { $0.user.account == "sam" })
        #expect(rita.weightedValue == 8_000)
        #expect(sam.weightedValue == 6_000)
        // The won deal w1 is not open: not in the forecast.
        #expect(report.weightedValue == 14_000)
    }

    @Test func withoutAnyProbabilityThereIsNoWeightedValue() {
        var pipeline = FX.pipeline
        for i in pipeline.stages.indices { pipeline.stages[i].probability = nil }
        let plain = ReportBuilder.build(
            deals: [FX.deal("a", value: 100, [("11-18", "new")])], pipeline: pipeline, team: FX.team,
            period: ReportPeriod.trailing(.month, today: FX.today), now: FX.now, utcOffset: 0)
        #expect(plain.weightedValue == nil)
        #expect(plain.stages.allSatisfy { $0.weightedValue == nil })
        // One deal with its own probability brings it back, for its stage, its seller and the total.
        let own = ReportBuilder.build(
            deals: [FX.deal("a", value: 100, probability: 40, [("11-18", "new")])], pipeline: pipeline,
            team: FX.team, period: ReportPeriod.trailing(.month, today: FX.today), now: FX.now, utcOffset: 0)
        #expect(own.weightedValue == 40)
        #expect(own.stages.first { $0.stage.id == "new" }?.weightedValue == 40)
        #expect(own.team.first { $0.user.account == "rita" }?.weightedValue == 40)
    }

    @Test func theForecastGroupsOpenDealsByMonthOfExpectedCloseWithOverdueFirst() throws {
        let rows = FX.report(Self.deals).forecast
        #expect(rows.map { $0.month?.iso ?? "overdue" } == ["overdue", "2026-12", "2027-01"])
        let overdue = rows[0], december = rows[1], january = rows[2]
        // b1 expected on Oct 31, before November: overdue.
        #expect(overdue.overdue && overdue.deals == 1 && overdue.value == 12_000 && overdue.weightedValue == 6_000)
        // a1, a2 and a3 (dollars: counted, not summed).
        #expect(!december.overdue && december.deals == 3 && december.value == 30_000 && december.weightedValue == 8_000)
        #expect(january.deals == 1 && january.value == 0 && january.weightedValue == 0)
    }

    @Test func aDateInTheCurrentMonthIsNotOverdueEvenWhenPast() {
        // Nov 1 is before today (Nov 19) but in this month: the November row, not overdue.
        let deals = [
            FX.deal("n", value: 1_000, close: "11-01", [("11-18", "new")]),
            FX.deal("o", value: 1_000, close: "10-31", [("11-18", "new")]),
        ]
        let rows = Forecast.rows(
            deals, stages: Dictionary(uniqueKeysWithValues: FX.pipeline.stages.map { ($0.id, $0) }),
            currency: "ILS", today: FX.today)
        #expect(rows.map { $0.month?.iso ?? "overdue" } == ["overdue", "2026-11"])
        #expect(rows.allSatisfy { $0.deals == 1 && $0.weightedValue == 100 })
        // On Dec 1 both are overdue, in one row.
        let december = Forecast.rows(deals, stages: [:], currency: "ILS", today: Day(year: 2026, month: 12, day: 1)!)
        #expect(december.count == 1 && december[0].overdue && december[0].deals == 2 && december[0].value == 2_000)
    }

    @Test func theForecastFiguresListTheirDeals() {
        let context = { (figure: ReportFigure) in
            ReportDrill.deals(
                figure, in: Self.deals, pipeline: FX.pipeline, period: ReportPeriod.trailing(.month, today: FX.today),
                now: FX.now, utcOffset: 0
            ).map(\.id)
        }
        #expect(context(.closing(nil)) == ["b1"])
        #expect(context(.closing(Month(iso: "2026-12")!)) == ["a1", "a2", "a3"])
        #expect(ReportFigure.parse("close:overdue", pipeline: FX.pipeline) == .closing(nil))
        #expect(ReportFigure.parse("close:2026-12", pipeline: FX.pipeline)?.name == "close:2026-12")
        #expect(ReportFigure.parse("close:2026-13", pipeline: FX.pipeline) == nil)
    }
}

@Suite("The limping stage: lost and stuck")
struct LeakTests {
    // Month period 10-21 … 11-19. Stuck limits: new 1 day, follow-up 7, meeting 14.
    //   s1 new 11-01 → follow-up 11-02 → now (17 days): follow-up stuck
    //   s2 new 11-05 → follow-up 11-06 → now (13 days): follow-up stuck
    //   s3 new 11-10 → follow-up 11-11 → meeting 11-15: follow-up 4 days, fine
    //   l1 new 11-03 → meeting 11-04 → not-relevant 11-10 (lost from meeting)
    //   l2 new 11-03 → meeting 11-04 → not-relevant 11-12 (lost from meeting)
    //   l3 new 11-03 → follow-up 11-04 → not-relevant 11-05 (lost from follow-up)
    //   n1 new 11-16 → now (3 days): new stuck
    static let deals = [
        FX.deal("s1", [("11-01", "new"), ("11-02", "follow-up")]),
        FX.deal("s2", [("11-05", "new"), ("11-06", "follow-up")]),
        FX.deal("s3", [("11-10", "new"), ("11-11", "follow-up"), ("11-15", "meeting")]),
        FX.deal("l1", [("11-03", "new"), ("11-04", "meeting"), ("11-10", "not-relevant")]),
        FX.deal("l2", [("11-03", "new"), ("11-04", "meeting"), ("11-12", "not-relevant")]),
        FX.deal("l3", [("11-03", "new"), ("11-04", "follow-up"), ("11-05", "not-relevant")]),
        FX.deal("n1", [("11-16", "new")]),
    ]

    @Test func eachStageShowsTheCountsBehindBothShares() throws {
        let report = FX.report(Self.deals)
        let leak = { (id: String) in report.leaks.first { $0.stage.id == id } }
        let new = try #require(leak("new")), followUp = try #require(leak("follow-up")), meeting = try #require(leak("meeting"))
        #expect((new.deals, new.lost, new.stuck, new.leaked) == (7, 0, 1, 1))
        #expect((followUp.deals, followUp.lost, followUp.stuck, followUp.leaked) == (4, 1, 2, 3))
        #expect((meeting.deals, meeting.lost, meeting.stuck, meeting.leaked) == (3, 2, 0, 2))
        #expect(followUp.lostShare == 0.25 && followUp.stuckShare == 0.5 && followUp.leakShare == 0.75)
        // By losses alone meeting limps (2 of 3 losses); with the deals kept too long, follow-up does.
        #expect(report.losses.max { $0.lost < $1.lost }?.stage.id == "meeting")
        #expect(report.limpingStage?.id == "follow-up")
    }

    @Test func aDealLostAndLateCountsOnceAndTheDrillListsBothLeaks() {
        // l4 stayed 10 days in follow-up, then was lost from it: lost and stuck, leaked once.
        let deals = [FX.deal("l4", [("11-01", "new"), ("11-02", "follow-up"), ("11-12", "not-relevant")])]
        let leak = FX.report(deals).leaks.first { $0.stage.id == "follow-up" }
        #expect(leak?.lost == 1 && leak?.stuck == 1 && leak?.leaked == 1)
        let ids = { (figure: ReportFigure) in
            ReportDrill.deals(
                figure, in: Self.deals, pipeline: FX.pipeline, period: ReportPeriod.trailing(.month, today: FX.today),
                now: FX.now, utcOffset: 0
            ).map(\.id)
        }
        #expect(ids(.inStage("follow-up")) == ["l3", "s1", "s2", "s3"])
        #expect(ids(.late("follow-up")) == ["s1", "s2"])
        #expect(ids(.late("new")) == ["n1"])
        #expect(ids(.lostFrom("meeting")) == ["l1", "l2"])
        #expect(ReportFigure.parse("late:Follow-up", pipeline: FX.pipeline) == .late("follow-up"))
        #expect(ReportFigure.parse("in:meeting", pipeline: FX.pipeline) == .inStage("meeting"))
    }

    @Test func aStayBeforeThePeriodIsNotCounted() {
        // Only the last week (11-13 … 11-19): s3's follow-up stay ended 11-15 (in), s1's runs on (in),
        // l1 left meeting on 11-10 (out), l2 on 11-12 (out).
        let week = FX.report(Self.deals, period: ReportPeriod.trailing(.week, today: FX.today))
        #expect(week.leaks.first { $0.stage.id == "meeting" }?.deals == 1)
        #expect(week.leaks.first { $0.stage.id == "follow-up" }?.deals == 3)
    }
}

@Suite("A deal's probability and expected close")
struct DealForecastFieldTests {
    static func json(_ deal: Deal) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(deal), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Deal {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Deal.self, from: Data(text.utf8))
    }

    @Test func theyAreWrittenOnlyWhenSetAndReadBack() throws {
        var deal = FX.deal("d1", value: 100, [("11-18", "new")])
        #expect(try !Self.json(deal).contains("probability") && !Self.json(deal).contains("expected_close"))
        deal.probability = 35
        deal.expectedClose = Day(iso: "2026-12-15")
        let text = try Self.json(deal)
        #expect(text.contains(#""probability":35"#) && text.contains(#""expected_close":"2026-12-15""#))
        #expect(try Self.decode(text) == deal)
    }

    @Test func aProbabilityPastTheLimitsIsRefusedByTheReaderAndTheRules() throws {
        var deal = FX.deal("d1", value: 100, [("11-18", "new")])
        deal.probability = 100
        let text = try Self.json(deal).replacingOccurrences(of: #""probability":100"#, with: #""probability":150"#)
        #expect(throws: DecodingError.self) { try Self.decode(text) }
        let funnel = Funnel(pipeline: FX.pipeline, team: FX.team)
        var edit = DealEdit()
        edit.probability = .some(150)
        guard case .failure(let refusal) = funnel.apply(.edit(edit), to: deal, by: FX.rita, now: FX.now) else {
            Issue.record("probability 150 must be refused")
            return
        }
        #expect(refusal.message == .settingOutOfRange(setting: "probability", value: 150, range: 0...100))
        // A date past the days funnel keeps is refused by the same rule as a next action's.
        var far = DealEdit()
        far.expectedClose = .some(Limits.latestDay.adding(days: 1))
        guard case .failure(let tooFar) = funnel.apply(.edit(far), to: deal, by: FX.rita, now: FX.now) else {
            Issue.record("an expected close after 9999-12-31 must be refused")
            return
        }
        #expect(tooFar.message.text.contains("expected close date"))
        edit.probability = .some(nil)
        edit.expectedClose = .some(Day(iso: "2027-01-31"))
        let changed = try funnel.apply(.edit(edit), to: deal, by: FX.rita, now: FX.now).get()
        #expect(changed.probability == nil && changed.expectedClose?.iso == "2027-01-31")
    }

    @Test func syncMergesThemAsOrdinaryFields() throws {
        let base = FX.deal("d1", value: 100, [("11-18", "new")])
        var ours = base, theirs = base
        ours.probability = 60
        ours.updated = FX.t("11-19T10:00")
        theirs.expectedClose = Day(iso: "2026-12-01")
        theirs.updated = FX.t("11-19T11:00")
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.deal.probability == 60 && merged.deal.expectedClose?.iso == "2026-12-01" && merged.conflicts.isEmpty)
        var later = base
        later.probability = 20
        later.updated = FX.t("11-19T12:00")
        let conflict = try DealMerge.merge(base: base, ours: ours, theirs: later)
        #expect(conflict.deal.probability == 20)
        #expect(conflict.conflicts.map(\.field) == ["probability"])
    }
}
