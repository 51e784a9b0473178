import Foundation
import Testing

@testable import FunnelCore

// Every figure of docs/reports.md, checked against numbers worked out by hand from small deal
// sets with explicit stage histories. "Now" is 2026-11-24T09:00:00Z, UTC; the default period is
// `month`: 2026-10-26 … 2026-11-24, both included.

/// Builders for the report tests (file-private so they never clash with other fixtures).
private enum RF {
    static let pipeline = PipelineTemplate.simple.pipeline
    static let now = Fx.now
    static let today = Fx.today

    // The domain tests' people (Fx), and two more.
    static let mia = Fx.manager
    static let max = User(account: "max", name: "Max Manager", role: .manager)
    static let rita = Fx.rita
    static let sam = Fx.sam
    static let tom = User(account: "tom", name: "Tom Rep", role: .rep)
    static let team = Fx.team

    /// "11-05" → 2026-11-05T09:00:00Z; "11-05T21:30" → 2026-11-05T21:30:00Z; "2025-10-01" → 09:00Z.
    static func t(_ text: String) -> Date {
        var iso = text.prefix { $0 != "T" }.count == 10 ? text : "2026-" + text
        if !iso.contains("T") { iso += "T09:00" }
        if !iso.hasSuffix("Z") { iso += ":00Z" }
        return Timestamp.parse(iso)!
    }

    static func day(_ text: String) -> Day { Day(iso: text.count == 10 ? text : "2026-" + text)! }

    /// A deal whose history is `steps` (when, stage): the first is its creation, each next one a
    /// move from the stage before. Its stage and stage time are the last step's.
    static func deal(
        _ id: String, owner: String? = "rita", value: Decimal? = nil, currency: String = "ILS",
        next: String? = nil, reason: String? = nil, by: String? = nil,
        _ steps: [(String, String)]
    ) -> Deal {
        var history: [StageChange] = []
        var previous: String?
        for (when, stage) in steps {
            history.append(StageChange(at: t(when), by: by ?? owner ?? "capture", from: previous, to: stage))
            previous = stage
        }
        return Deal(
            id: id, title: "Deal \(id)", value: value, currency: currency, owner: owner,
            stage: steps.last!.1, created: t(steps[0].0), stageEntered: t(steps.last!.0),
            nextAction: next.map { NextAction(date: day($0), text: "call") }, lostReason: reason,
            history: history)
    }

    static func trailing(_ kind: ReportPeriod.Kind) -> ReportPeriod { ReportPeriod.trailing(kind, today: today) }

    static func custom(_ first: String, _ last: String) -> ReportPeriod {
        ReportPeriod(first: day(first), last: day(last), name: "\(first) to \(last)")
    }

    static func build(
        _ deals: [Deal], period: ReportPeriod = trailing(.month), team: Team = team,
        pipeline: Pipeline = pipeline, utcOffset: Int = 0
    ) -> FunnelReport {
        ReportBuilder.build(deals: deals, pipeline: pipeline, team: team, period: period, now: now, utcOffset: utcOffset)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }
}

private extension FunnelReport {
    func stage(_ id: String) -> StageFigures? { stages.first { $0.stage.id == id } }
    func conversion(from id: String) -> Conversion? { conversions.first { $0.from.id == id } }
    func loss(_ id: String) -> StageLoss? { losses.first { $0.stage.id == id } }
    func velocity(_ id: String) -> StageVelocity? { velocity.first { $0.stage.id == id } }
    func seller(_ account: String) -> SellerFigures? { team.first { $0.user.account == account } }
    func warning(_ code: String) -> HealthWarning? { warnings.first { $0.code == code } }
}

@Suite("Reports (docs/reports.md)")
struct ReportTests {

    // MARK: The period

    @Suite("The period")
    struct Period {
        @Test(arguments: [
            (ReportPeriod.Kind.week, "2026-11-18", 7, "last 7 days"),
            (.month, "2026-10-26", 30, "last 30 days"),
            (.quarter, "2026-08-26", 91, "last 91 days"),
            (.year, "2025-11-25", 365, "last 365 days"),
        ])
        func trailingWindowsEndTodayWithTodayIncluded(kind: ReportPeriod.Kind, first: String, days: Int, name: String) {
            let period = ReportPeriod.trailing(kind, today: RF.today)
            #expect(period.first == Day(iso: first))
            #expect(period.last == RF.today)
            #expect(period.length == days)
            #expect(period.name == name)
            #expect(period.label == "\(first) to 2026-11-24")
        }

        @Test func allHasNoStartAndNoPreviousPeriod() {
            let period = ReportPeriod.trailing(.all, today: RF.today)
            #expect(period.first == nil)
            #expect(period.last == RF.today)
            #expect(period.length == nil)
            #expect(period.previous == nil)
            #expect(period.name == "all time")
            #expect(period.contains(RF.t("1999-01-01"), utcOffset: 0))
            #expect(period.contains(RF.t("11-24T23:59"), utcOffset: 0))
            #expect(!period.contains(RF.t("11-25T00:00"), utcOffset: 0))
        }

        @Test func theBoardStepsThroughTheKindsInOrder() {
            #expect(ReportPeriod.Kind.allCases == [.week, .month, .quarter, .year, .all])
        }

        @Test func bothEndsAreIncluded() {
            let month = RF.trailing(.month)
            #expect(month.contains(RF.t("10-26T00:00"), utcOffset: 0))
            #expect(month.contains(RF.t("11-24T23:59"), utcOffset: 0))
            #expect(!month.contains(RF.t("10-25T23:59"), utcOffset: 0))
            #expect(!month.contains(RF.t("11-25T00:00"), utcOffset: 0))
            let custom = RF.custom("11-01", "11-01")
            #expect(custom.length == 1)
            #expect(custom.contains(RF.t("11-01T00:00"), utcOffset: 0))
            #expect(custom.contains(RF.t("11-01T23:59"), utcOffset: 0))
            #expect(!custom.contains(RF.t("10-31T23:59"), utcOffset: 0))
            #expect(!custom.contains(RF.t("11-02T00:00"), utcOffset: 0))
        }

        @Test func daysAreCalendarDaysInTheLocalTimeZone() {
            let month = RF.trailing(.month)
            let plusThree = 3 * 3_600
            // 2026-10-25T21:00Z is 2026-10-26 00:00 at UTC+3: inside.
            #expect(month.contains(RF.t("10-25T21:00"), utcOffset: plusThree))
            #expect(!month.contains(RF.t("10-25T20:59"), utcOffset: plusThree))
            // 2026-11-24T21:00Z is already 2026-11-25 at UTC+3: outside.
            #expect(!month.contains(RF.t("11-24T21:00"), utcOffset: plusThree))
            #expect(month.contains(RF.t("11-24T20:59"), utcOffset: plusThree))
        }

        @Test func previousIsTheSameLengthJustBefore() {
            let month = RF.trailing(.month).previous
            #expect(month?.first == RF.day("09-26"))
            #expect(month?.last == RF.day("10-25"))
            #expect(month?.length == 30)
            let week = RF.trailing(.week)
            #expect(week.previous?.first == RF.day("11-11"))
            #expect(week.previous?.last == RF.day("11-17"))
            #expect(week.previous?.previous?.first == RF.day("11-04"))
            #expect(week.previous?.previous?.last == RF.day("11-10"))
            let custom = RF.custom("11-01", "11-10").previous
            #expect(custom?.first == RF.day("10-22"))
            #expect(custom?.last == RF.day("10-31"))
        }
    }

    // MARK: Statistics

    @Suite("Median and nearest-rank percentile")
    struct Stats {
        @Test func median() {
            #expect(Statistics.median([]) == nil)
            #expect(Statistics.median([4]) == 4)
            #expect(Statistics.median([1, 2]) == 1.5)
            #expect(Statistics.median([1, 2, 9]) == 2)
            #expect(Statistics.median([1, 2, 3, 10]) == 2.5)
            #expect(Statistics.median([0.5, 0.5, 7, 8, 100]) == 7)
        }

        @Test func nearestRankPercentile() {
            #expect(Statistics.percentile([], 90) == nil)
            #expect(Statistics.percentile([7], 90) == 7)
            // 2 stays: 90% of 2 = 1.8 → rank 2.
            #expect(Statistics.percentile([1, 2], 90) == 2)
            // 10 stays: 9 → the 9th; 11 stays: 9.9 → the 10th; 20 stays: 18 → the 18th.
            let ten = (1...10).map(Double.init)
            #expect(Statistics.percentile(ten, 90) == 9)
            #expect(Statistics.percentile((1...11).map(Double.init), 90) == 10)
            #expect(Statistics.percentile((1...20).map(Double.init), 90) == 18)
            #expect(Statistics.percentile((1...70).map(Double.init), 90) == 63)
            // "The smallest stay with at least 90% of stays at or below it."
            for n in 1...40 {
                let values = (1...n).map(Double.init)
                let p90 = Statistics.percentile(values, 90)!
                let atOrBelow = values.filter { $0 <= p90 }.count
                #expect(Double(atOrBelow) >= 0.9 * Double(n), "n=\(n)")
                #expect(Double(atOrBelow - 1) < 0.9 * Double(n), "n=\(n): not the smallest")
            }
            #expect(Statistics.percentile(ten, 100) == 10)
            #expect(Statistics.percentile(ten, 0) == 1)
            #expect(Statistics.percentile(ten, 50) == 5)
        }
    }

    // MARK: Stages now

    @Test func stagesNowCountSumAverageAndWeight() {
        let deals = [
            RF.deal("s1", value: 1000, [("11-01", "new")]),
            RF.deal("s2", value: 3000, [("11-02", "new")]),
            RF.deal("s3", value: nil, [("11-03", "new")]),
            RF.deal("s4", value: 500, currency: "USD", [("11-04", "new")]),
            RF.deal("s5", owner: nil, value: 200, [("11-05", "unsorted")]),
            RF.deal("s6", value: nil, [("11-06", "meeting")]),
            RF.deal("s7", value: 9999, [("11-01", "new"), ("11-07", "customer")]),
            RF.deal("s8", value: Decimal(string: "1234.55")!, next: "11-30", [("2025-06-01", "follow-up")]),
            RF.deal("s9", value: 50, reason: "Price", [("11-01", "new"), ("11-07", "not-relevant")]),
        ]
        let report = RF.build(deals)
        #expect(report.currency == "ILS")
        // Every open stage and the inbox, in pipeline order; not the won and lost stages.
        #expect(report.stages.map(\.stage.id) == ["unsorted", "new", "follow-up", "meeting", "onboarding"])

        // new: four deals; ILS values 1000 + 3000 (the USD deal is counted, not summed; s3 has none).
        let new = report.stage("new")
        #expect(new?.openDeals == 4)
        #expect(new?.totalValue == 4000)
        #expect(new?.averageValue == 2000)  // 4000 / 2 deals with a value
        #expect(new?.weightedValue == 400)  // 4000 × 10 / 100

        // The inbox has no probability: no weighted value.
        let inbox = report.stage("unsorted")
        #expect(inbox?.openDeals == 1)
        #expect(inbox?.totalValue == 200)
        #expect(inbox?.averageValue == 200)
        #expect(inbox?.weightedValue == nil)

        // Not limited to the period: s8 entered in 2025.
        let followUp = report.stage("follow-up")
        #expect(followUp?.openDeals == 1)
        #expect(followUp?.totalValue == Decimal(string: "1234.55"))
        #expect(followUp?.averageValue == Decimal(string: "1234.55"))
        #expect(followUp?.weightedValue == Decimal(string: "246.91"))  // 1234.55 × 20 / 100

        // A deal without a value: counted, no average.
        let meeting = report.stage("meeting")
        #expect(meeting?.openDeals == 1)
        #expect(meeting?.totalValue == 0)
        #expect(meeting?.averageValue == nil)
        #expect(meeting?.weightedValue == 0)

        let onboarding = report.stage("onboarding")
        #expect(onboarding?.openDeals == 0)
        #expect(onboarding?.totalValue == 0)
        #expect(onboarding?.averageValue == nil)
        #expect(onboarding?.weightedValue == 0)
    }

    // MARK: Conversion

    /// The cohort deals of the conversion tests (month: 2026-10-26 … 2026-11-24).
    static let cohortDeals: [Deal] = [
        // A: new → follow-up → meeting, all in the period.
        RF.deal("A", next: "11-30", [("11-01", "new"), ("11-03", "follow-up"), ("11-05", "meeting")]),
        // B skipped follow-up: new → meeting → won.
        RF.deal("B", value: 100, [("11-02", "new"), ("11-04", "meeting"), ("11-10", "customer")]),
        // C was created straight into meeting, then reached onboarding.
        RF.deal("C", next: "11-30", [("11-06", "meeting"), ("11-08", "onboarding")]),
        // D entered new and follow-up before the period; only its meeting entry is in it.
        RF.deal("D", next: "11-30", [("10-01", "new"), ("10-20", "follow-up"), ("11-10", "meeting")]),
        // E was lost from new: entering a lost stage never counts as reaching.
        RF.deal("E", reason: "Price", [("11-10", "new"), ("11-12", "not-relevant")]),
        // F came through the inbox, then new → follow-up.
        RF.deal("F", next: "11-30", [("11-11", "unsorted"), ("11-11T10:00", "new"), ("11-20", "follow-up")]),
        // I went back from follow-up to new in the period and on again.
        RF.deal("I", next: "11-30", [("10-01", "new"), ("10-05", "follow-up"), ("11-15", "new"), ("11-16", "follow-up")]),
    ]

    @Test func conversionCohortsCountSkippedStagesAndDirectCreation() {
        let report = RF.build(Self.cohortDeals)
        #expect(
            report.conversions.map { "\($0.from.id)>\($0.to.id)" }
                == ["new>follow-up", "follow-up>meeting", "meeting>onboarding", "onboarding>customer"])
        // new: A ✓, B ✓ (skipped to meeting), E ✗ (lost), F ✓, I ✓ (its entry on 11-15); D's entry is before.
        expectConversion(report, from: "new", entered: 5, reached: 4, rate: 0.8)
        // follow-up: A ✓, F ✗, I ✗ (entered 11-16, still there); B never entered; D entered before.
        expectConversion(report, from: "follow-up", entered: 3, reached: 1, rate: 1.0 / 3.0)
        // meeting: A ✗, B ✓ (won counts as later), C ✓ (created into meeting), D ✗.
        expectConversion(report, from: "meeting", entered: 4, reached: 2, rate: 0.5)
        // onboarding: only C, still there. B reached the won stage without entering onboarding.
        let onboarding = report.conversion(from: "onboarding")
        #expect(onboarding?.entered == 1)
        #expect(onboarding?.reached == 0)
        #expect(onboarding?.rate == 0)
    }

    /// One stage's conversion: how many entered it in the period, how many reached a later stage, the rate.
    func expectConversion(
        _ report: FunnelReport, from stage: String, entered: Int, reached: Int, rate: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let conversion = report.conversion(from: stage)
        #expect(conversion?.entered == entered, sourceLocation: sourceLocation)
        #expect(conversion?.reached == reached, sourceLocation: sourceLocation)
        #expect(RF.close(conversion?.rate, rate), sourceLocation: sourceLocation)
    }

    @Test func reachingCountsUpToNowButEntriesOutsideThePeriodAreNotInTheCohort() {
        let deals = [
            // Entered new in the period, reached follow-up after it (but before now): reached.
            RF.deal("in1", next: "11-30", [("11-05", "new"), ("11-20", "follow-up")]),
            // Entered new in the period and never left it.
            RF.deal("in2", [("11-10", "new")]),
            // Entered new the day before the period and the day after: not in the cohort.
            RF.deal("out1", next: "11-30", [("10-31T23:59", "new"), ("11-02", "follow-up")]),
            RF.deal("out2", next: "11-30", [("11-11T00:00", "new"), ("11-12", "follow-up")]),
            // Its first entry into new in the period is what counts; it reached meeting later.
            RF.deal("again", [("10-01", "new"), ("11-03", "follow-up"), ("11-04", "new"), ("11-21", "meeting")]),
        ]
        let report = RF.build(deals, period: RF.custom("11-01", "11-10"))
        let new = report.conversion(from: "new")
        #expect(new?.entered == 3)  // in1, in2, again
        #expect(new?.reached == 2)  // in1, again
        // follow-up: again's entry on 11-03 (then meeting on 11-21: reached); out1's entry on 11-02 (reached nothing later).
        let followUp = report.conversion(from: "follow-up")
        #expect(followUp?.entered == 2)
        #expect(followUp?.reached == 1)
    }

    @Test func aConversionNobodyEnteredHasNoRate() {
        let report = RF.build(Self.cohortDeals, period: RF.custom("06-01", "06-30"))
        #expect(report.conversions.count == 4)
        for conversion in report.conversions {
            #expect(conversion.entered == 0)
            #expect(conversion.reached == 0)
            #expect(conversion.rate == nil)
        }
    }

    // MARK: Win rate

    @Test func winRateCountsEachDealsLastCloseInThePeriod() {
        let deals = [
            RF.deal("W1", value: 100, [("11-01", "new"), ("11-10", "customer")]),
            // Lost, reopened and won in the period: once, as won.
            RF.deal("W2", value: 100, [("11-02", "new"), ("11-05", "not-relevant"), ("11-07", "new"), ("11-12", "customer")]),
            RF.deal("L1", reason: "Price", [("11-03", "new"), ("11-04", "follow-up"), ("11-06", "not-relevant")]),
            // Closed before the period.
            RF.deal("O1", value: 100, [("09-01", "new"), ("09-10", "customer")]),
            // Lost before the period, reopened in it: no close in the period.
            RF.deal("O3", next: "11-30", [("09-01", "new"), ("09-10", "not-relevant"), ("11-10", "new")]),
            RF.deal("O2", next: "11-30", [("11-05", "new")]),
        ]
        let report = RF.build(deals)
        #expect(report.won == 2)
        #expect(report.lost == 1)
        #expect(RF.close(report.winRate, 2.0 / 3.0))
    }

    @Test func theCloseIsTheLastOneWithinThePeriodNotAfterIt() {
        // Won on 11-05, churned on 11-15: in 11-01 … 11-10 it is a win.
        let deal = RF.deal(
            "W", value: 100, reason: "Churned",
            [("11-01", "new"), ("11-05", "customer"), ("11-15", "former-customer")])
        let early = RF.build([deal], period: RF.custom("11-01", "11-10"))
        #expect(early.won == 1)
        #expect(early.lost == 0)
        #expect(early.winRate == 1)
        // In 11-11 … 11-20 its close is the loss.
        let late = RF.build([deal], period: RF.custom("11-11", "11-20"))
        #expect(late.won == 0)
        #expect(late.lost == 1)
        #expect(late.winRate == 0)
    }

    // MARK: Losses

    static let lossDeals: [Deal] = [
        RF.deal("X1", reason: "Price", [("11-01", "new"), ("11-05", "not-relevant")]),
        RF.deal("X2", reason: "Price", [("11-01", "new"), ("11-02", "follow-up"), ("11-06", "not-relevant")]),
        RF.deal("X3", reason: "No budget", [("11-01", "new"), ("11-02", "follow-up"), ("11-07", "not-relevant")]),
        // Lost from meeting, then reopened: "reopened since".
        RF.deal("X4", next: "11-30", [("11-01", "new"), ("11-02", "meeting"), ("11-03", "not-relevant"), ("11-08", "meeting")]),
        // Rejected from the inbox with a free-text reason.
        RF.deal("X5", owner: nil, reason: "Spam", [("11-10", "unsorted"), ("11-10T10:00", "not-relevant")]),
        // Lost before the period: not counted.
        RF.deal("X6", reason: "Price", [("09-01", "new"), ("09-02", "follow-up"), ("09-03", "not-relevant")]),
    ]

    @Test func lossesByTheStageLostFromWithSharesAndTheLimpingStage() {
        let report = RF.build(Self.lossDeals)
        #expect(report.lost == 5)
        #expect(report.won == 0)
        #expect(report.winRate == 0)
        #expect(report.losses.map(\.stage.id) == ["unsorted", "new", "follow-up", "meeting"])
        #expect(report.loss("unsorted")?.lost == 1)
        #expect(report.loss("new")?.lost == 1)
        #expect(report.loss("follow-up")?.lost == 2)
        #expect(report.loss("meeting")?.lost == 1)
        #expect(RF.close(report.loss("unsorted")?.share, 0.2))
        #expect(RF.close(report.loss("new")?.share, 0.2))
        #expect(RF.close(report.loss("follow-up")?.share, 0.4))
        #expect(RF.close(report.loss("meeting")?.share, 0.2))
        #expect(report.limpingStage?.id == "follow-up")
    }

    @Test func lostReasonsAreRankedAndAReopenedDealShowsReopenedSince() {
        let report = RF.build(Self.lossDeals)
        #expect(report.lostReasons.first == ReasonCount(reason: "Price", count: 2))
        #expect(report.lostReasons.count == 4)
        #expect(Set(report.lostReasons.dropFirst().map(\.reason)) == ["No budget", "Spam", "reopened since"])
        #expect(report.lostReasons.dropFirst().allSatisfy { $0.count == 1 })
        // X4's own (cleared) reason never appears.
        #expect(report.lostReasons.reduce(0) { $0 + $1.count } == report.lost)
    }

    @Test(arguments: [false, true])
    func limpingTiesGoToTheEarlierStage(reversed: Bool) {
        var deals = [
            RF.deal("m", reason: "Price", [("11-01", "new"), ("11-02", "meeting"), ("11-03", "not-relevant")]),
            RF.deal("f", reason: "Price", [("11-01", "new"), ("11-02", "follow-up"), ("11-03", "not-relevant")]),
        ]
        if reversed { deals.reverse() }
        #expect(RF.build(deals).limpingStage?.id == "follow-up")

        var inboxTie = [
            RF.deal("n", reason: "Price", [("11-01", "new"), ("11-03", "not-relevant")]),
            RF.deal("u", owner: nil, reason: "Spam", [("11-01", "unsorted"), ("11-03", "not-relevant")]),
        ]
        if reversed { inboxTie.reverse() }
        #expect(RF.build(inboxTie).limpingStage?.id == "unsorted")
    }

    @Test func aLossFromTheWonStageCountsForTheWonStage() {
        // Two customers churned (customer → former-customer) and one deal lost from new: each lost close
        // counts for the stage the deal was in just before, so customer has 2 of 3 losses.
        let deals = [
            RF.deal("c1", value: 100, reason: "Churned", [("10-01", "new"), ("10-05", "customer"), ("11-10", "former-customer")]),
            RF.deal("c2", value: 100, reason: "Churned", [("10-01", "new"), ("10-05", "customer"), ("11-12", "former-customer")]),
            RF.deal("n1", reason: "Price", [("11-01", "new"), ("11-05", "not-relevant")]),
        ]
        let report = RF.build(deals)
        #expect(report.lost == 3)
        #expect(report.loss("new")?.lost == 1)
        #expect(RF.close(report.loss("new")?.share, 1.0 / 3.0))
        #expect(report.loss("customer")?.lost == 2)
        #expect(RF.close(report.loss("customer")?.share, 2.0 / 3.0))
        #expect(RF.close(report.losses.reduce(0) { $0 + $1.share }, 1))
        #expect(report.limpingStage?.id == "customer")
    }

    @Test func aDealLostInThePeriodAndReopenedAfterItShowsReopenedSince() {
        // Lost on 11-03 (in the period), reopened on 11-12 and lost again on 11-14 for another reason.
        let deal = RF.deal(
            "r", reason: "Price",
            [("11-01", "new"), ("11-03", "not-relevant"), ("11-12", "new"), ("11-14", "not-relevant")])
        let report = RF.build([deal], period: RF.custom("11-01", "11-10"))
        #expect(report.lost == 1)
        #expect(report.loss("new")?.lost == 1)
        #expect(report.lostReasons == [ReasonCount(reason: "reopened since", count: 1)])
    }

    // MARK: Velocity

    static let velocityDeals: [Deal] = [
        RF.deal("V1", next: "11-30", [("11-01", "new"), ("11-02", "follow-up"), ("11-05", "meeting")]),
        RF.deal("V2", next: "11-30", [("11-01", "new"), ("11-04", "follow-up")]),
        // Started before the period, ended in it: counts.
        RF.deal("V3", next: "11-30", [("10-20", "new"), ("10-30", "follow-up")]),
        // Ended before the period: does not count.
        RF.deal("V4", next: "11-30", [("10-01", "new"), ("10-15", "follow-up")]),
        // Still in its stage: no finished stay.
        RF.deal("V5", next: "11-30", [("11-20", "new")]),
        RF.deal("V6", next: "11-30", [("11-10", "new"), ("11-12T21:00", "follow-up")]),
        RF.deal("V7", next: "11-30", [("11-01T00:00", "follow-up"), ("11-08T00:00", "meeting")]),
        RF.deal("V8", next: "11-30", [("11-03T00:00", "follow-up"), ("11-03T12:00", "meeting")]),
    ]

    @Test func velocityMedianAndP90OfStaysThatEndedInThePeriod() {
        let report = RF.build(Self.velocityDeals)
        #expect(report.velocity.map(\.stage.id) == ["unsorted", "new", "follow-up", "meeting", "onboarding"])
        // new: V1 1 d, V2 3 d, V3 10 d, V6 2.5 d → [1, 2.5, 3, 10]: median (2.5 + 3) / 2, p90 rank ⌈3.6⌉ = 4.
        let new = report.velocity("new")
        #expect(new?.stays == 4)
        #expect(RF.close(new?.medianDays, 2.75))
        #expect(RF.close(new?.p90Days, 10))
        // follow-up: V1 3 d, V7 7 d, V8 0.5 d → [0.5, 3, 7]: median 3, p90 rank ⌈2.7⌉ = 3.
        let followUp = report.velocity("follow-up")
        #expect(followUp?.stays == 3)
        #expect(RF.close(followUp?.medianDays, 3))
        #expect(RF.close(followUp?.p90Days, 7))
        for id in ["unsorted", "meeting", "onboarding"] {
            #expect(report.velocity(id)?.stays == 0)
            #expect(report.velocity(id)?.medianDays == nil)
            #expect(report.velocity(id)?.p90Days == nil)
        }
    }

    @Test func aStayThatEndsAfterThePeriodDoesNotCount() {
        let report = RF.build(Self.velocityDeals, period: RF.custom("11-01", "11-03"))
        // Only V1's stay in new (ended 11-02) and V8's in follow-up (ended 11-03 12:00).
        #expect(report.velocity("new")?.stays == 1)
        #expect(RF.close(report.velocity("new")?.medianDays, 1))
        #expect(report.velocity("follow-up")?.stays == 1)
        #expect(RF.close(report.velocity("follow-up")?.medianDays, 0.5))
        #expect(RF.close(report.velocity("follow-up")?.p90Days, 0.5))
    }

    @Test func medianDaysFromCreationToWon() {
        let w1 = RF.deal("W1", value: 1, [("11-01", "new"), ("11-10", "customer")])  // 9 d
        let w2 = RF.deal(
            "W2", value: 1,
            [
                ("11-02", "new"), ("11-05", "not-relevant"), ("11-07", "new"),
                ("11-12T21:00", "customer"),
            ])  // 10.5 d
        let w3 = RF.deal("W3", value: 1, [("10-01", "new"), ("11-20", "customer")])  // 50 d
        let before = RF.deal("W4", value: 1, [("09-01", "new"), ("09-10", "customer")])
        let churned = RF.deal(
            "W5", value: 1, reason: "Churned",
            [("11-01", "new"), ("11-03", "customer"), ("11-04", "former-customer")])
        let odd = RF.build([w1, w2, w3, before, churned])
        #expect(RF.close(odd.medianDaysToWon, 10.5))
        #expect(odd.won == 3)
        let even = RF.build([w1, w2, before])
        #expect(RF.close(even.medianDaysToWon, 9.75))
        #expect(RF.build([before, churned]).medianDaysToWon == nil)
    }

    // MARK: New deals

    @Test func newDealsAreTheDealsCreatedInThePeriod() {
        let deals = [
            RF.deal("n1", next: "11-30", [("10-26T00:00", "new")]),
            RF.deal("n2", next: "11-30", [("10-25T23:59", "new")]),
            RF.deal("n3", next: "11-30", [("11-24T08:59", "new")]),
            RF.deal("n4", value: 1, [("09-01", "new"), ("11-10", "customer")]),
            RF.deal("n5", owner: nil, [("11-12", "unsorted")]),
        ]
        #expect(RF.build(deals).newDeals == 3)  // n1, n3, n5
        // At UTC+3, n2 was created on 2026-10-26 local time.
        #expect(RF.build(deals, utcOffset: 3 * 3_600).newDeals == 4)
        #expect(RF.build(deals, period: RF.trailing(.all)).newDeals == 5)
        #expect(RF.build(deals, period: RF.trailing(.week)).newDeals == 1)
    }

    // MARK: Team

    @Test func teamRowsPerSeller() {
        let team = Team(users: [RF.mia, RF.max, RF.rita, RF.sam, RF.tom])
        let deals = [
            RF.deal("r1", next: "11-25", [("11-24T08:00", "new")]),
            RF.deal("r2", next: "11-20", [("11-01", "new"), ("11-20", "follow-up")]),  // overdue
            RF.deal("r3", next: "11-24", [("11-01", "new"), ("11-10", "follow-up")]),  // due today; stuck (14 d > 7)
            RF.deal("r4", [("11-01", "meeting")]),  // stuck (23 d > 14)
            // Won by sam, now owned by rita: the current owner counts.
            RF.deal("r5", value: 10, by: "sam", [("11-01", "new"), ("11-10", "customer")]),
            RF.deal("r6", reason: "Price", [("11-01", "new"), ("11-05", "not-relevant")]),
            RF.deal("s1", owner: "sam", next: "11-23", [("11-22", "new")]),  // overdue; stuck (2 d > 1)
            RF.deal("s2", owner: "sam", reason: "Price", [("09-01", "new"), ("09-05", "not-relevant")]),
            RF.deal("t1", owner: "tom", value: 10, [("11-01", "new"), ("11-15", "customer")]),
            RF.deal("m1", owner: "mia", next: "11-30", [("11-01", "onboarding")]),  // stuck (23 d > 21)
            RF.deal("u1", owner: nil, [("11-23", "unsorted")]),
        ]
        let report = RF.build(deals, team: team)
        // Every rep, and the manager who owns an open deal; not the manager who owns none.
        #expect(report.team.map(\.user.account) == ["mia", "rita", "sam", "tom"])

        let rita = report.seller("rita")
        #expect(rita?.open == 4)
        #expect(rita?.openByStage == ["new": 1, "follow-up": 2, "meeting": 1, "onboarding": 0])
        #expect(rita?.won == 1)
        #expect(rita?.lost == 1)
        #expect(RF.close(rita?.winRate, 0.5))
        #expect(rita?.overdueNextActions == 1)
        #expect(rita?.stuck == 2)
        #expect(rita?.stagesInPlay == 3)
        // Average open = (1 + 4 + 1 + 0) / 4 = 1.5; 1.5 × 1.5 = 2.25 < 4.
        #expect(rita?.overloaded == true)

        let sam = report.seller("sam")
        #expect(sam?.open == 1)
        #expect(sam?.openByStage == ["new": 1, "follow-up": 0, "meeting": 0, "onboarding": 0])
        #expect(sam?.won == 0)
        #expect(sam?.lost == 0)
        #expect(sam?.winRate == nil)
        #expect(sam?.overdueNextActions == 1)
        #expect(sam?.stuck == 1)
        #expect(sam?.overloaded == false)
        expectTomAndMia(report)
        #expect(report.won == 2)
        #expect(report.lost == 1)
    }

    /// teamRowsPerSeller's rows of a rep with only a won deal and of a manager owning an open one.
    func expectTomAndMia(_ report: FunnelReport) {
        let tom = report.seller("tom")
        #expect(tom?.open == 0)
        #expect(tom?.won == 1)
        #expect(tom?.lost == 0)
        #expect(tom?.winRate == 1)
        #expect(tom?.overdueNextActions == 0)
        #expect(tom?.stuck == 0)
        #expect(tom?.stagesInPlay == 0)
        #expect(tom?.overloaded == false)

        let mia = report.seller("mia")
        #expect(mia?.open == 1)
        #expect(mia?.openByStage["onboarding"] == 1)
        #expect(mia?.stuck == 1)
        #expect(mia?.overdueNextActions == 0)
        #expect(mia?.winRate == nil)
        #expect(mia?.overloaded == false)
    }

    /// rita owns `ritaOpen` open deals, sam owns 1: overloaded above 1.5 × the average.
    @Test(arguments: [(3, false), (4, true), (5, true), (1, false)])
    func overloadIsAboveOnePointFiveTimesTheAverage(ritaOpen: Int, overloaded: Bool) {
        let team = Team(users: [RF.rita, RF.sam])
        let deals =
            (0..<ritaOpen).map { RF.deal("r\($0)", next: "11-30", [("11-24T08:00", "new")]) }
            + [RF.deal("s", owner: "sam", next: "11-30", [("11-24T08:00", "new")])]
        // 3 and 1: average 2, limit 3 — 3 is not more than 3. 4 and 1: average 2.5, limit 3.75.
        let report = RF.build(deals, team: team)
        #expect(report.seller("rita")?.overloaded == overloaded)
        #expect(report.seller("sam")?.overloaded == false)
    }

    // MARK: Health warnings

    @Test func moreThanEightStagesIsWarned() {
        var nine = RF.pipeline
        nine.stages.insert(Stage(id: "demo", name: "Demo", kind: .open, probability: 60), at: 4)
        let warned = RF.build([], pipeline: nine)
        #expect(warned.warnings.contains(.tooManyStages(count: 9, limit: 8)))
        #expect(warned.warning("too-many-stages") != nil)
        // The simple pipeline has exactly 8.
        #expect(RF.pipeline.stages.count == 8)
        #expect(RF.build([]).warning("too-many-stages") == nil)
    }

    /// Leads created at these times (each with a next action, so no other warning is raised).
    static func leads(_ times: [String]) -> [Deal] {
        times.enumerated().map { RF.deal("lead\($0.offset)", next: "11-30", [($0.element, "new")]) }
    }

    /// Two leads on the edges of each of the four weeks before this one, and ten in the fifth.
    static let fourWeeksOfTwo =
        [
            "11-11T00:00", "11-17T23:59", "11-04T00:00", "11-10T23:59",
            "10-28T00:00", "11-03T23:59", "10-21T00:00", "10-27T23:59",
        ] + Array(repeating: "10-20T23:59", count: 10)

    @Test func theTopRunsDryBelowHalfTheTrailingAverage() {
        // This week: none; the four weeks before: 2 each (the fifth week is not counted).
        let dry = RF.build(Self.leads(Self.fourWeeksOfTwo), period: RF.trailing(.week))
        #expect(dry.warnings.contains(.topRunningDry(new: 0, trailingAverage: 2)))
        // One this week is exactly 50% of 2: not below it.
        let one = RF.build(Self.leads(Self.fourWeeksOfTwo + ["11-18T00:00"]), period: RF.trailing(.week))
        #expect(one.newDeals == 1)
        #expect(one.warning("top-running-dry") == nil)
        // Never for `all`.
        #expect(RF.build(Self.leads(Self.fourWeeksOfTwo), period: RF.trailing(.all)).warning("top-running-dry") == nil)
    }

    @Test func theTopRunningDryNeedsAnAverageOfAtLeastOne() {
        // One lead in each of the four weeks: average 1 — warned when none came this week.
        let exactlyOne = RF.build(Self.leads(["11-11", "11-04", "10-28", "10-21"]), period: RF.trailing(.week))
        #expect(exactlyOne.warnings.contains(.topRunningDry(new: 0, trailingAverage: 1)))
        // Three leads over four weeks: average 0.75 — no warning.
        let fewer = RF.build(Self.leads(["11-11", "11-04", "10-28"]), period: RF.trailing(.week))
        #expect(fewer.warning("top-running-dry") == nil)
    }

    @Test func openDealsWithoutANextActionAreCounted() {
        let deals = [
            RF.deal("o1", [("11-20", "new")]),
            RF.deal("o2", [("11-20", "meeting")]),
            RF.deal("o3", next: "11-30", [("11-20", "follow-up")]),
            RF.deal("o4", owner: nil, [("11-20", "unsorted")]),  // the inbox is not an open stage
            RF.deal("o5", value: 1, [("11-20", "new"), ("11-21", "customer")]),
        ]
        let report = RF.build(deals)
        #expect(report.warnings.contains(.openWithoutNextAction(count: 2)))
        #expect(report.warning("open-without-next-action")?.text.contains("2") == true)
        let none = RF.build([RF.deal("ok", next: "11-30", [("11-20", "new")])])
        #expect(none.warning("open-without-next-action") == nil)
    }

    // MARK: Empty

    @Test func anEmptyPeriodHasStagesNowButNoEvents() {
        let report = RF.build(Self.cohortDeals, period: RF.custom("06-01", "06-30"))
        // Stages now are not limited to the period.
        #expect(report.stage("meeting")?.openDeals == 2)  // A and D
        #expect(report.stage("follow-up")?.openDeals == 2)  // F and I
        #expect(report.won == 0)
        #expect(report.lost == 0)
        #expect(report.winRate == nil)
        #expect(report.losses.isEmpty)
        #expect(report.limpingStage == nil)
        #expect(report.lostReasons.isEmpty)
        #expect(report.velocity.allSatisfy { $0.stays == 0 && $0.medianDays == nil && $0.p90Days == nil })
        #expect(report.medianDaysToWon == nil)
        #expect(report.newDeals == 0)
        #expect(report.warning("top-running-dry") == nil)
        #expect(report.team.map(\.user.account) == ["rita", "sam"])
        #expect(report.seller("rita")?.won == 0)
        #expect(report.seller("rita")?.winRate == nil)
    }

    @Test func anEmptyDealList() {
        let report = RF.build([])
        #expect(report.stages.count == 5)
        #expect(report.stages.allSatisfy { $0.openDeals == 0 && $0.totalValue == 0 && $0.averageValue == nil })
        #expect(report.stage("unsorted")?.weightedValue == nil)
        #expect(report.stage("new")?.weightedValue == 0)
        #expect(report.conversions.count == 4)
        #expect(report.conversions.allSatisfy { $0.entered == 0 && $0.reached == 0 && $0.rate == nil })
        #expect(report.won == 0 && report.lost == 0 && report.winRate == nil)
        #expect(report.losses.isEmpty && report.limpingStage == nil && report.lostReasons.isEmpty)
        #expect(report.velocity.allSatisfy { $0.stays == 0 && $0.medianDays == nil && $0.p90Days == nil })
        #expect(report.medianDaysToWon == nil)
        #expect(report.newDeals == 0)
        // Every rep has a row, with nothing in it; nobody is overloaded.
        #expect(report.team.map(\.user.account) == ["rita", "sam"])
        #expect(report.team.allSatisfy { $0.open == 0 && $0.won == 0 && $0.lost == 0 && $0.winRate == nil && !$0.overloaded })
        #expect(report.warnings.isEmpty)
    }
}
