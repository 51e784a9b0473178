import Foundation
import Testing

@testable import FunnelCore

/// R2, R4, R9–R14, R20: activities, attempts, flags, the call list, leads, payment terms.
@Suite struct WorkingTheDayTests {
    static let now = Fx.now
    static let pipeline = PipelineTemplate.simple.pipeline
    static let team = Team(users: [
        User(account: "dana", name: "Dana", role: .manager),
        User(account: "yossi", name: "Yossi", role: .rep),
        User(account: "layla", name: "Layla", role: .rep),
    ])
    static let funnel = Funnel(pipeline: pipeline, team: team)
    static let yossi = team.user("yossi")!

    static func deal(
        _ id: String, stage: String = "new", createdMinutesAgo: Double = 5, value: Decimal? = nil,
        next: Int? = nil, calls: [(CallOutcome, Double)] = [], owner: String? = "yossi"
    ) -> Deal {
        let created = now.addingTimeInterval(-createdMinutesAgo * 60)
        var deal = Deal(
            id: id, title: "Deal \(id)", value: value, currency: "ILS", owner: owner, stage: stage, created: created,
            nextAction: next.map { NextAction(date: Day(now, utcOffset: 0).adding(days: $0)) },
            history: [StageChange(at: created, by: "yossi", from: nil, to: stage)])
        deal.activities = calls.map { Activity(at: now.addingTimeInterval(-$0.1 * 3_600), by: "yossi", kind: .call, outcome: $0.0) }
        return deal
    }

    static func flags(_ deal: Deal) -> [DealFlag] { DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: 0) }

    // MARK: Activities (R2, R14)

    @Test func loggingACallNeverChangesTheStage() throws {
        let before = Self.deal("a", stage: "meeting", next: 1)
        let after = try Self.funnel.apply(.log(.call(.noAnswer)), to: before, by: Self.yossi, now: Self.now).get()
        #expect(after.stage == before.stage)
        #expect(after.history == before.history)
        #expect(after.activities.last?.outcome == .noAnswer)
        #expect(after.activities.last?.by == "yossi")
        #expect(after.revision == before.revision + 1)
    }

    @Test func loggingSetsTheNextActionWhenGiven() throws {
        let next = NextAction(date: Day(iso: "2026-11-27")!, text: "Call back")
        let after = try Self.funnel.apply(
            .log(.call(.reached), note: "talked", next: next), to: Self.deal("a"),
            by: Self.yossi, now: Self.now
        ).get()
        #expect(after.nextAction == next)
        #expect(after.activities.last?.note == "talked")
    }

    @Test func proposedNextActions() {
        let today = Day(iso: "2026-11-24")!
        #expect(Attempts.proposedNext(after: .call(.noAnswer), today: today, pipeline: Self.pipeline)?.date.iso == "2026-11-25")
        #expect(Attempts.proposedNext(after: .call(.reached), today: today, pipeline: Self.pipeline)?.date.iso == "2026-11-26")
        #expect(Attempts.proposedNext(after: .other(.note), today: today, pipeline: Self.pipeline) == nil)
    }

    @Test func aRepCannotLogOnSomeoneElsesDeal() {
        let layla = Self.team.user("layla")!
        let result = Self.funnel.apply(.log(.call(.busy)), to: Self.deal("a"), by: layla, now: Self.now)
        #expect(throws: Refusal.self) { try result.get() }
    }

    @Test func logEntriesParse() {
        #expect(LogEntry("no-answer") == .call(.noAnswer))
        #expect(LogEntry("No answer") == .call(.noAnswer))
        #expect(LogEntry("left_message") == .call(.leftMessage))
        #expect(LogEntry("email") == .other(.email))
        #expect(LogEntry("training") == .other(.training))
        #expect(LogEntry("lead") == nil)
        #expect(LogEntry("call") == nil)
        #expect(LogEntry("nope") == nil)
    }

    @Test func callStepsTickAndUntick() throws {
        var deal = try Self.funnel.apply(.callStep(.rapport, done: true), to: Self.deal("a"), by: Self.yossi, now: Self.now).get()
        deal = try Self.funnel.apply(.callStep(.closing, done: true), to: deal, by: Self.yossi, now: Self.now).get()
        deal = try Self.funnel.apply(.callStep(.rapport, done: false), to: deal, by: Self.yossi, now: Self.now).get()
        #expect(deal.callSteps == [.closing])
    }

    // MARK: Attempts (R11)

    @Test func unansweredAttemptsCountSinceLastReached() {
        #expect(Attempts.unanswered(Self.deal("a")) == 0)
        #expect(Attempts.unanswered(Self.deal("a", calls: [(.noAnswer, 5), (.busy, 4)])) == 2)
        #expect(Attempts.unanswered(Self.deal("a", calls: [(.noAnswer, 5), (.reached, 4), (.leftMessage, 3)])) == 1)
        #expect(Attempts.unanswered(Self.deal("a", calls: [(.noAnswer, 5), (.reached, 4)])) == 0)
    }

    @Test func sixUnansweredAttemptsProposeClosingAsUnreachable() {
        let five = Self.deal("a", createdMinutesAgo: 3_000, next: 1, calls: Array(repeating: (.noAnswer, 10), count: 5))
        #expect(!Self.flags(five).contains(.unreachable))
        let six = Self.deal("a", createdMinutesAgo: 3_000, next: 1, calls: Array(repeating: (.noAnswer, 10), count: 6))
        #expect(Self.flags(six).contains(.unreachable))
        #expect(Self.pipeline.work.unreachableReason == "Unreachable")
        #expect(Self.pipeline.lostReasons.contains("Unreachable"))
    }

    @Test func aLeadThatArrivedTodayNeedsThreeAttemptsToday() {
        let two = Self.deal("a", createdMinutesAgo: 120, next: 0, calls: [(.noAnswer, 1.5), (.noAnswer, 1)])
        #expect(Self.flags(two).contains(.fewAttempts))
        let three = Self.deal("a", createdMinutesAgo: 120, next: 0, calls: [(.noAnswer, 1.5), (.busy, 1), (.noAnswer, 0.5)])
        #expect(!Self.flags(three).contains(.fewAttempts))
        let yesterdays = Self.deal("a", createdMinutesAgo: 60 * 30, next: 0)
        #expect(!Self.flags(yesterdays).contains(.fewAttempts))
    }

    @Test func anEmailIsDueAfterAnUnansweredAttemptUntilOneIsLogged() throws {
        let unanswered = Self.deal("a", next: 1, calls: [(.noAnswer, 1)])
        #expect(Self.flags(unanswered).contains(.emailDue))
        let emailed = try Self.funnel.apply(.log(.other(.email)), to: unanswered, by: Self.yossi, now: Self.now).get()
        #expect(!Self.flags(emailed).contains(.emailDue))
        #expect(!Self.flags(Self.deal("a", next: 1, calls: [(.reached, 1)])).contains(.emailDue))
    }

    // MARK: Flags (R10, R12, R13)

    @Test func speedToLeadIsFlaggedPastTenMinutes() {
        #expect(!Self.flags(Self.deal("a", createdMinutesAgo: 10, next: 1)).contains(.speedToLead))
        #expect(Self.flags(Self.deal("a", createdMinutesAgo: 11, next: 1)).contains(.speedToLead))
        // Once someone spoke to the lead it is no longer new.
        #expect(!Self.flags(Self.deal("a", createdMinutesAgo: 11, next: 1, calls: [(.reached, 0.1)])).contains(.speedToLead))
        // An inbox lead counts too.
        #expect(Self.flags(Self.deal("a", stage: "unsorted", createdMinutesAgo: 30, owner: nil)).contains(.speedToLead))
    }

    @Test func aLeadPastADayInTheFirstStageIsOverdue() {
        #expect(!Self.flags(Self.deal("a", createdMinutesAgo: 24 * 60, next: 1)).contains(.leadOverdue))
        #expect(Self.flags(Self.deal("a", createdMinutesAgo: 24 * 60 + 1, next: 1)).contains(.leadOverdue))
        #expect(!Self.flags(Self.deal("a", stage: "meeting", createdMinutesAgo: 3 * 24 * 60, next: 1)).contains(.leadOverdue))
    }

    @Test func leadAgesReadInMinutesHoursAndDays() {
        #expect(DealFlags.age(of: Self.deal("a", createdMinutesAgo: 7), now: Self.now) == "7 min")
        #expect(DealFlags.age(of: Self.deal("a", createdMinutesAgo: 180), now: Self.now) == "3 h")
        #expect(DealFlags.age(of: Self.deal("a", createdMinutesAgo: 3 * 1_440), now: Self.now) == "3 d")
    }

    @Test func noNextActionOnAnOpenStageIsFlaggedButNotOnClosedOnes() {
        #expect(Self.flags(Self.deal("a", stage: "meeting")).contains(.noNextAction))
        #expect(!Self.flags(Self.deal("a", stage: "meeting", next: 3)).contains(.noNextAction))
        #expect(Self.flags(Self.deal("a", stage: "customer", value: 5)).isEmpty)
        #expect(!Self.flags(Self.deal("a", stage: "unsorted", owner: nil)).contains(.noNextAction))
    }

    @Test func stuckIsPastTheStagesLimitInDays() {
        var deal = Self.deal("a", stage: "meeting", next: 1)
        let limit = Double(Self.pipeline.stage(id: "meeting")!.stuckAfterDays!)
        deal.stageEntered = Self.now.addingTimeInterval(-limit * 86_400)
        #expect(!Self.flags(deal).contains(.stuck))
        deal.stageEntered = Self.now.addingTimeInterval(-limit * 86_400 - 1)
        #expect(Self.flags(deal).contains(.stuck))
    }

    @Test func overdueIsANextActionBeforeToday() {
        #expect(Self.flags(Self.deal("a", stage: "meeting", next: -1)).contains(.overdue))
        #expect(!Self.flags(Self.deal("a", stage: "meeting", next: 0)).contains(.overdue))
    }

    // MARK: Today's call list (R9)

    @Test func callListOrderIsNewLeadsThenDueByValueThenNoAnswerYesterday() {
        let oldLead = Self.deal("lead-old", createdMinutesAgo: 300)
        let newLead = Self.deal("lead-new", createdMinutesAgo: 20)
        let dueSmall = Self.deal("due-small", stage: "meeting", value: 100, next: 0, calls: [(.reached, 30)])
        let dueBig = Self.deal("due-big", stage: "meeting", value: 9_000, next: -3, calls: [(.reached, 30)])
        let dueNone = Self.deal("due-none", stage: "follow-up", next: 0, calls: [(.reached, 30)])
        let yesterday = Self.deal("yesterday", stage: "meeting", next: 2, calls: [(.reached, 48), (.noAnswer, 20)])
        let future = Self.deal("future", stage: "meeting", value: 50_000, next: 3, calls: [(.reached, 30)])
        let closed = Self.deal("won", stage: "customer", value: 5, next: 0, calls: [(.reached, 30)])
        let list = CallList.compute(
            [future, yesterday, dueNone, dueSmall, newLead, closed, dueBig, oldLead],
            pipeline: Self.pipeline, now: Self.now, utcOffset: 0)
        #expect(list.map(\.deal.id) == ["lead-old", "lead-new", "due-big", "due-small", "due-none", "yesterday"])
        #expect(list.map(\.group) == [.newLeads, .newLeads, .due, .due, .due, .noAnswerYesterday])
    }

    @Test func aDealIsListedOnceInItsFirstGroup() {
        let lead = Self.deal("lead", createdMinutesAgo: 60 * 30, value: 10, next: 0, calls: [(.noAnswer, 20)])
        let list = CallList.compute([lead], pipeline: Self.pipeline, now: Self.now, utcOffset: 0)
        #expect(list.map(\.group) == [.newLeads])
    }

    @Test func emptyGroupsAndAnEmptyList() {
        #expect(CallList.compute([], pipeline: Self.pipeline, now: Self.now, utcOffset: 0).isEmpty)
        let only = Self.deal("due", stage: "meeting", next: 0, calls: [(.reached, 30)])
        #expect(CallList.compute([only], pipeline: Self.pipeline, now: Self.now, utcOffset: 0).map(\.group) == [.due])
    }

    @Test func tiesInTheDueGroupGoByDateThenTitle() {
        var b = Self.deal("b", stage: "meeting", value: 100, next: 0, calls: [(.reached, 30)])
        var a = Self.deal("a", stage: "meeting", value: 100, next: 0, calls: [(.reached, 30)])
        let earlier = Self.deal("c", stage: "meeting", value: 100, next: -1, calls: [(.reached, 30)])
        b.title = "Beta"
        a.title = "Alpha"
        let list = CallList.compute([b, a, earlier], pipeline: Self.pipeline, now: Self.now, utcOffset: 0)
        #expect(list.map(\.deal.id) == ["c", "a", "b"])
    }

    // MARK: The inbox (R4, R16)

    @Test func acceptingMakesTheRepTheOwnerAndEntersTheFirstStage() throws {
        let lead = Self.deal("a", stage: "unsorted", owner: nil)
        let accepted = try Self.funnel.apply(.accept, to: lead, by: Self.yossi, now: Self.now).get()
        #expect(accepted.owner == "yossi")
        #expect(accepted.stage == "new")
        #expect(accepted.history.last == StageChange(at: Self.now, by: "yossi", from: "unsorted", to: "new"))
        #expect(throws: Refusal.self) { try Self.funnel.apply(.accept, to: accepted, by: Self.yossi, now: Self.now).get() }
    }

    @Test func rejectingClosesAsLostWithAnyReason() throws {
        let lead = Self.deal("a", stage: "unsorted", owner: nil)
        let rejected = try Self.funnel.apply(.reject(reason: "spam form"), to: lead, by: Self.yossi, now: Self.now).get()
        #expect(Self.pipeline.stage(id: rejected.stage)?.kind == .lost)
        #expect(rejected.lostReason == "spam form")
        #expect(throws: Refusal.self) {
            try Self.funnel.apply(.reject(reason: "  "), to: lead, by: Self.yossi, now: Self.now).get()
        }
    }

    @Test func onlyManagersAssignToOthers() throws {
        let lead = Self.deal("a", stage: "unsorted", owner: nil)
        #expect(throws: Refusal.self) {
            try Self.funnel.apply(.assign(owner: "layla"), to: lead, by: Self.yossi, now: Self.now).get()
        }
        let dana = Self.team.user("dana")!
        let assigned = try Self.funnel.apply(.assign(owner: "layla"), to: lead, by: dana, now: Self.now).get()
        #expect(assigned.owner == "layla")
    }

    @Test func aDuplicateLeadIsAttachedEvenToAnotherRepsDeal() throws {
        let layla = Self.team.user("layla")!
        let after = try Self.funnel.apply(.attachLead(note: "again", source: "web"), to: Self.deal("a"), by: layla, now: Self.now).get()
        #expect(after.activities.last?.kind == .lead)
        #expect(after.activities.last?.note == "web: again")
        #expect(after.owner == "yossi")
    }

    @Test func leadsMatchOpenDealsByPhoneOrEmail() {
        var open = Self.deal("open", stage: "meeting")
        open.phone = "054-123 4567"
        open.email = "Ruth@Example.com"
        var won = Self.deal("won", stage: "customer", value: 1)
        won.phone = "03-5550000"
        let matcher = LeadMatcher(deals: [open, won], pipeline: Self.pipeline)
        #expect(matcher.match(Lead(name: "x", phone: "+972 54 1234567")) == "open")
        #expect(matcher.match(Lead(name: "x", email: "ruth@example.com")) == "open")
        #expect(matcher.match(Lead(name: "x", phone: "03-5550000")) == nil)
        #expect(matcher.match(Lead(name: "x", phone: "050-0000000")) == nil)
    }

    // MARK: Reading leads

    @Test func csvWithABOMQuotesAndMixedScripts() throws {
        let text =
            "\u{FEFF}name,company,phone,email,source,note\r\n"
            + "יוסי כהן,\"כרמל, בע\"\"מ\",054-1234567,,web,\"two\nlines\"\r\n"
            + "ليلى,النور,,layla@example.com,form,\r\n"
        let records = try LeadReader.read(Data(text.utf8)).get()
        #expect(records.count == 2)
        let first = try records[0].result.get()
        #expect(first.name == "יוסי כהן")
        #expect(first.company == "כרמל, בע\"מ")
        #expect(first.note == "two\nlines")
        #expect(records[1].line == 4)
        #expect(try records[1].result.get().email == "layla@example.com")
    }

    @Test func badRecordsCarryTheirLineNumbers() throws {
        let text = "name,phone,email\nGood,0541234567,\nNo contact,,\nBad mail,,nope\n,,\nShort,050\nExtra,0541234567,a@b.co,x\n"
        let records = try LeadReader.read(Data(text.utf8)).get()
        let bad = records.filter { if case .failure = $0.result { return true } else { return false } }.map(\.line)
        #expect(bad == [3, 4, 6, 7])
        #expect(records.count == 5)
    }

    @Test func aBadHeaderOrUnclosedQuoteRefusesTheWholeInput() {
        #expect(throws: LeadError.self) { try LeadReader.read(Data("nom,phone\nx,1\n".utf8)).get() }
        #expect(throws: LeadError.self) { try LeadReader.read(Data("name,phone\n\"x,1\n".utf8)).get() }
        #expect(throws: LeadError.self) { try LeadReader.read(Data([0xFF, 0xFE, 0x00])).get() }
    }

    @Test func jsonLines() throws {
        let text = """
            {"name": "Ruth", "phone": "054-1112222", "source": "web"}
            not json
            {"name": "Omar", "email": "omar@example.com", "colour": "red"}
            {"company": "شركة النور", "phone": 541112222}

            {"name": "\\u001b[31m", "phone": "0541112222"}
            """
        let records = try LeadReader.read(Data(text.utf8)).get()
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
        #expect(try records[0].result.get().source == "web")
        #expect(throws: LeadError.self) { try records[1].result.get() }
        #expect(throws: LeadError.self) { try records[2].result.get() }
        #expect(try records[3].result.get().company == "شركة النور")
        #expect(throws: LeadError.self) { try records[4].result.get() }
    }

    // MARK: Payment terms (R20)

    @Test func paymentTermsDefaultToTwelveInstallmentsInPreferenceOrder() {
        #expect(PaymentTerms.defaultInstallments == 12)
        #expect(Self.pipeline.work.paymentMethods == [.creditCard, .bankTransfer, .cardStandingOrder, .bankStandingOrder, .cheques])
    }

    @Test func aPipelineCanRequirePaymentTermsBeforeWinning() throws {
        var pipeline = Self.pipeline
        pipeline.work.wonNeedsPaymentTerms = true
        let funnel = Funnel(pipeline: pipeline, team: Self.team)
        let deal = Self.deal("a", stage: "onboarding", value: 1_000, next: 1)
        #expect(throws: Refusal.self) { try funnel.apply(.move(to: "customer"), to: deal, by: Self.yossi, now: Self.now).get() }
        let terms = try funnel.apply(.paymentTerms(PaymentTerms(method: .bankTransfer)), to: deal, by: Self.yossi, now: Self.now).get()
        let won = try funnel.apply(.move(to: "customer"), to: terms, by: Self.yossi, now: Self.now).get()
        #expect(won.paymentTerms?.installments == 12)
        #expect(throws: Refusal.self) {
            try funnel.apply(.paymentTerms(PaymentTerms(installments: 0, method: .cheques)), to: deal, by: Self.yossi, now: Self.now).get()
        }
    }
}
