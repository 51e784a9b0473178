import Foundation
import Testing

@testable import FunnelCore

/// Each bound of `Limits`, through `Funnel`'s one door: the value at the limit passes, the one
/// just outside is refused with a message naming the limit, and nothing traps.
@Suite("Limits: money, dates, counters")
struct LimitsTests {
    static let cent = Decimal(string: "0.01")!

    @Test func theLargestValuePassesAndOneCentMoreIsRefused() throws {
        #expect(try Fx.create(value: Limits.maximumAmount).value == Limits.maximumAmount)
        var draft = NewDeal(title: "Too big")
        draft.value = Limits.maximumAmount + Self.cent
        let refusal = Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal
        #expect(refusal == .valueTooLarge(limit: Limits.maximumAmount))
        #expect(refusal?.text.contains("99,999,999,999,999,999.99") == true)
        var edit = DealEdit()
        edit.value = .some(Decimal(string: "100000000000000000"))
        #expect(
            Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .valueTooLarge(limit: Limits.maximumAmount))
        let move = DealChange.move(to: "customer", value: Limits.maximumAmount * 10)
        #expect(
            Fx.funnel().apply(move, to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .valueTooLarge(limit: Limits.maximumAmount))
    }

    @Test func aValueHasAtMostTwoDecimalsAndIsNeverNegative() throws {
        #expect(try Fx.create(value: Decimal(string: "0.01")).value == Decimal(string: "0.01"))
        var edit = DealEdit()
        edit.value = .some(Decimal(string: "1.005"))
        #expect(
            Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .tooManyDecimals(places: 2))
        edit.value = .some(-Self.cent)
        #expect(Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal == .negativeValue)
        #expect(!Limits.isStorable(Decimal.nan))
    }

    @Test func nextActionDatesRunFrom1970To9999() throws {
        let last = NextAction(date: Limits.latestDay, text: "call")
        #expect(try Fx.create(next: last).nextAction == last)
        let first = NextAction(date: Limits.earliestDay, text: "call")
        #expect(try Fx.create(next: first).nextAction == first)
        for day in [Limits.latestDay.adding(days: 1), Limits.earliestDay.adding(days: -1)] {
            let change = DealChange.log(.call(.noAnswer), note: "", next: NextAction(date: day))
            let refusal = Fx.funnel().apply(change, to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
            #expect(refusal == .dayOutOfRange(field: "next action date", day: day))
            #expect(refusal?.text.contains("1970-01-01 … 9999-12-31") == true)
        }
    }

    @Test func theYearTenThousandFromALateClockEastOfUTCIsRefused() throws {
        // 9999-12-31T23:00:00Z is already 10000-01-01 in Tokyo; +2d is past the last day.
        let late = Fx.time("9999-12-31T23:00:00Z")
        let today = Day(late, utcOffset: 9 * 3_600)
        #expect(today == Limits.latestDay.adding(days: 1))
        var draft = NewDeal(title: "Late")
        draft.nextAction = NextAction(date: try #require(Day.parse("+2d", today: today)))
        let refused = Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: late, utcOffset: 9 * 3_600)
        #expect(refused.refusal == .dayOutOfRange(field: "next action date", day: today.adding(days: 2)))
    }

    @Test func timesRunFrom1970To9999() throws {
        #expect(try Fx.create(at: Limits.latestTime).created == Limits.latestTime)
        #expect(try Fx.create(at: Limits.earliestTime).created == Limits.earliestTime)
        let after = Limits.latestTime.addingTimeInterval(1)
        let refusal = Fx.funnel().create(NewDeal(title: "Future"), id: "abcd2345", by: Fx.rita, now: after).refusal
        #expect(refusal == .timeOutOfRange(field: "created"))
        #expect(refusal?.text.contains("1970-01-01T00:00:00Z … 9999-12-31T23:59:59Z") == true)
        let before = Limits.earliestTime.addingTimeInterval(-1)
        #expect(
            Fx.funnel().apply(.callStep(.rapport, done: true), to: try Fx.create(), by: Fx.rita, now: before).refusal
                == .timeOutOfRange(field: "updated"))
    }

    @Test func changesKeepWholeSeconds() throws {
        let deal = try Fx.create(at: Fx.now.addingTimeInterval(0.75))
        #expect(deal.created == Fx.now)
        let next = try #require(
            Fx.funnel().apply(
                .callStep(.rapport, done: true), to: deal, by: Fx.rita,
                now: Fx.now.addingTimeInterval(60.5)
            ).success)
        #expect(next.updated == Fx.now.addingTimeInterval(60))
    }

    @Test func theLastRevisionTakesNoFurtherChange() throws {
        var deal = try Fx.create()
        deal.revision = Limits.maximumRevision - 1
        let last = try #require(Fx.funnel().apply(.callStep(.rapport, done: true), to: deal, by: Fx.rita, now: Fx.now).success)
        #expect(last.revision == Limits.maximumRevision)
        let refusal = Fx.funnel().apply(.callStep(.discovery, done: true), to: last, by: Fx.rita, now: Fx.now).refusal
        #expect(refusal == .revisionOutOfRange(revision: Limits.maximumRevision + 1, limit: Limits.maximumRevision))
        #expect(refusal?.text.contains("1000000000") == true)
    }

    @Test func aRevisionAtIntMaxIsRefusedNotATrap() throws {
        var deal = try Fx.create()
        deal.revision = Int.max
        #expect(
            Fx.funnel().apply(.callStep(.rapport, done: true), to: deal, by: Fx.rita, now: Fx.now).refusal
                == .revisionOutOfRange(revision: Limits.maximumRevision + 1, limit: Limits.maximumRevision))
        deal.revision = Int.min
        #expect(
            Fx.funnel().apply(.callStep(.rapport, done: true), to: deal, by: Fx.rita, now: Fx.now).refusal
                == .revisionOutOfRange(revision: Int.min + 1, limit: Limits.maximumRevision))
    }

    @Test(arguments: [0, 121, -1, Int.max, Int.min])
    func installmentsOutsideOneTo120AreRefused(installments: Int) throws {
        let terms = PaymentTerms(installments: installments, method: .creditCard)
        let refusal = Fx.funnel().apply(.paymentTerms(terms), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
        #expect(refusal == .badInstallments(installments))
        #expect(refusal?.text.contains("1 to 120") == true)
    }

    @Test(arguments: [1, 12, 120])
    func installmentsFromOneTo120Pass(installments: Int) throws {
        let terms = PaymentTerms(installments: installments, method: .cheques)
        #expect(
            Fx.funnel().apply(.paymentTerms(terms), to: try Fx.create(), by: Fx.rita, now: Fx.now).success?
                .paymentTerms == terms)
    }
}

@Suite("Limits: text lengths")
struct TextLimitsTests {
    static func text(_ count: Int) -> String { String(repeating: "ש", count: count) }

    /// Each field a person edits, its limit, and the edit that sets it.
    static let editable: [(String, Int, @Sendable (inout DealEdit, String) -> Void)] = [
        ("title", 500, { $0.title = $1 }), ("company", 500, { $0.company = $1 }), ("contact", 500, { $0.contact = $1 }),
        ("phone", 500, { $0.phone = $1 }), ("email", 500, { $0.email = $1 }), ("notes", 20_000, { $0.notes = $1 }),
        ("next action", 500, { $0.nextAction = .some(NextAction(date: Fx.today, text: $1)) }),
    ]

    @Test func everyEditedFieldHasItsLimit() throws {
        let deal = try Fx.create()
        for (field, limit, set) in Self.editable {
            var edit = DealEdit()
            set(&edit, Self.text(limit))
            #expect(Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.now).success != nil, "\(field) at its limit")
            set(&edit, Self.text(limit + 1))
            #expect(
                Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.now).refusal
                    == .fieldTooLong(field: field, limit: limit), "\(field) past its limit")
        }
    }

    @Test func anActivityNoteTakesUpTo8000Characters() throws {
        let deal = try Fx.create()
        let fits = DealChange.log(.other(.note), note: Self.text(Limits.activityNoteLength))
        #expect(Fx.funnel().apply(fits, to: deal, by: Fx.rita, now: Fx.now).success != nil)
        let long = DealChange.log(.other(.note), note: String(repeating: "a", count: 100_000))
        let refusal = Fx.funnel().apply(long, to: deal, by: Fx.rita, now: Fx.now).refusal
        #expect(refusal == .fieldTooLong(field: "activity note", limit: 8_000))
        #expect(refusal?.text == "activity note is longer than 8000 characters")
        // A lead captured again always fits: its name, phone, email and note, and its source.
        let fields = [Self.text(500), Self.text(500), Self.text(500), Self.text(Limits.leadNoteLength)]
        let lead = DealChange.attachLead(note: fields.joined(separator: ", "), source: Self.text(Limits.fieldLength))
        #expect(Fx.funnel().apply(lead, to: deal, by: Fx.rita, now: Fx.now).success != nil)
    }

    @Test func aLostReasonAndASourceHaveTheFieldLimit() throws {
        let inbox = try Fx.create(stage: "unsorted")
        #expect(
            Fx.funnel().apply(.reject(reason: Self.text(501)), to: inbox, by: Fx.rita, now: Fx.now).refusal
                == .fieldTooLong(field: "lost reason", limit: 500))
        var earlier = try Fx.create()
        earlier.source = Self.text(501)
        #expect(
            Fx.funnel().apply(.restore(earlier), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .fieldTooLong(field: "source", limit: 500))
    }

    @Test func combiningMarksCountAsCharacters() throws {
        // One grapheme, 601 code points: the limit counts code points, so it cannot be stuffed.
        let stuffed = "e" + String(repeating: "\u{301}", count: 600)
        #expect(stuffed.count == 1)
        var edit = DealEdit()
        edit.company = stuffed
        #expect(
            Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .fieldTooLong(field: "company", limit: 500))
        #expect(Limits.length(of: stuffed) == 601)
        #expect(Limits.fits(String(repeating: "😀", count: 500), 500))
    }

    @Test func aLeadsFieldsHaveTheSameLimits() {
        var lead = Lead(name: "Noa", phone: "050-1234567", note: Self.text(Limits.leadNoteLength))
        #expect(lead.problem == nil)
        lead.note += "x"
        #expect(lead.problem == "note is longer than 5000 characters")
        lead.note = ""
        lead.company = "e" + String(repeating: "\u{301}", count: 500)
        #expect(lead.problem == "company is longer than 500 characters")
    }
}

@Suite("Limits: dates as typed, and the pipeline's settings")
struct DateAndSettingLimitsTests {
    @Test(arguments: [
        "2026-11-24T25:00", "2026-11-24T24:00:00Z", "2026-11-24T23:60", "2026-11-24T09:00:61",
        "2026-13-01", "2026-01-32", "2026-02-30", "2026-02-30T10:00:00Z", "2026-11-24T9:00",
        "2026-11-24T09:00junk", "2026-11-24T", "2026-11-24T09:00:00+25:00", "2026-11-24T09:00:00.Z",
        "10000-01-01", "2026-11-24Tnoon",
    ])
    func impossibleDatesAndTimesAreRefused(text: String) {
        #expect(Day.parse(text, today: Fx.today) == nil)
    }

    @Test(arguments: [
        "2026-11-30T17:00", "2026-11-30T17:00:00", "2026-11-30T17:00:00Z", "2026-11-30t17:00:00z",
        "2026-11-30T17:00:00.250Z", "2026-11-30T17:00:00+02:00", "2026-11-30T23:59:59-0500",
    ])
    func aDateTimeGivesItsDate(text: String) {
        #expect(Day.parse(text, today: Fx.today)?.iso == "2026-11-30")
    }

    @Test func timestampsDropFractionsOfASecond() {
        #expect(Timestamp.parse("2026-11-24T09:00:00.750Z") == Fx.now)
        #expect(Timestamp.parse("2026-11-24T11:00:00.999+02:00") == Fx.now)
        #expect(Timestamp.wholeSeconds(Fx.now.addingTimeInterval(0.5)) == Fx.now)
    }

    @Test func pipelineSettingsOutsideTheirRangesAreErrors() {
        var pipeline = PipelineTemplate.simple.pipeline
        #expect(pipeline.validationErrors.isEmpty)
        pipeline.followUpDays = Int.max
        pipeline.work.maxAttempts = 0
        pipeline.work.firstDayAttempts = -1
        pipeline.work.speedToLeadMinutes = Int.min
        pipeline.work.firstStageMaxHours = 1_000_000
        pipeline.stages[1].probability = 101
        pipeline.stages[1].stuckAfterDays = -1
        let errors = pipeline.validationErrors
        #expect(errors.contains("follow_up_days \(Int.max) is outside 0 … 365"))
        #expect(errors.contains("work.max_attempts 0 is outside 1 … 100"))
        #expect(errors.contains("work.first_day_attempts -1 is outside 0 … 100"))
        #expect(errors.contains("work.speed_to_lead_minutes \(Int.min) is outside 0 … 10080"))
        #expect(errors.contains("work.first_stage_max_hours 1000000 is outside 0 … 8784"))
        #expect(errors.contains("stage new: probability 101 is outside 0 … 100"))
        #expect(errors.contains("stage new: stuck_after_days -1 is outside 0 … 3650"))
        #expect(errors.count == 7)
    }

    @Test func everyTemplateIsWithinTheLimits() {
        for template in PipelineTemplate.allCases { #expect(template.pipeline.validationErrors.isEmpty) }
    }
}

@Suite("Limits: report sums")
struct ReportSumLimitsTests {
    @Test func sumsOfTheLargestValuesStayExact() throws {
        let pipeline = PipelineTemplate.simple.pipeline
        let deals = (0..<10_000).map { i in
            Fx.deal("Deal \(i)", id: String(format: "d%07d", i), value: Limits.maximumAmount)
        }
        let report = ReportBuilder.build(
            deals: deals, pipeline: pipeline, team: Fx.team,
            period: .trailing(.all, today: Fx.today), now: Fx.now, utcOffset: 0)
        let new = try #require(report.stages.first { $0.stage.id == "new" })
        #expect(new.totalValue == Limits.maximumAmount * 10_000)
        #expect(new.averageValue == Limits.maximumAmount)
        // Each deal's 10 % (9 999 999 999 999 999.999) is rounded to the cent before the sum.
        #expect(new.weightedValue == Decimal(string: "10000000000000000.00")! * 10_000)
        #expect(Money.plain(new.totalValue) == "999999999999999999900.00")
    }
}
