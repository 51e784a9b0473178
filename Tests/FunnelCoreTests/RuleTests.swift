import Foundation
import Testing

@testable import FunnelCore

@Suite("R6: the first-contact stage needs a next action")
struct NextActionRuleTests {
    @Test func moveIntoFollowUpWithoutNextActionIsRefusedWithAProposalTwoDaysOut() throws {
        let funnel = Fx.funnel(.simple)
        let deal = try Fx.create()
        let result = funnel.apply(.move(to: "follow-up"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        let proposed = Fx.today.adding(days: 2)
        #expect(proposed.iso == "2026-11-26")
        #expect(result.refusal == .needsNextAction(stage: "Follow-up", proposed: proposed))
        #expect(result.failure?.description.contains("2026-11-26") == true)
    }

    @Test func proposalFollowsThePipelinesFollowUpDaysAndTheUsersDay() throws {
        var funnel = Fx.funnel(.simple)
        funnel.pipeline.followUpDays = 5
        let deal = try Fx.create(in: funnel)
        // 23:30 UTC is already the 25th three hours east of Greenwich.
        let lateEvening = Fx.time("2026-11-24T23:30:00Z")
        let result = funnel.apply(.move(to: "follow-up"), to: deal, by: Fx.rita, now: lateEvening, utcOffset: 3 * 3_600)
        #expect(result.refusal == .needsNextAction(stage: "Follow-up", proposed: Fx.day("2026-11-30")))
    }

    @Test func moveWithANextActionPassesAndKeepsIt() throws {
        let deal = try Fx.create()
        let next = NextAction(date: Fx.day("2026-11-26"), text: "Call back")
        let moved = try #require(
            Fx.funnel().apply(
                .move(to: "follow-up", nextAction: next), to: deal, by: Fx.rita,
                now: Fx.later(hours: 1)
            ).success)
        #expect(moved.stage == "follow-up")
        #expect(moved.nextAction == next)
    }

    @Test func aDealThatAlreadyHasANextActionMayEnter() throws {
        let deal = try Fx.create(next: NextAction(date: Fx.day("2026-12-01")))
        let moved = Fx.funnel().apply(.move(to: "Follow-up"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(moved.success?.stage == "follow-up")
    }

    @Test func creatingStraightIntoFollowUpNeedsOneToo() {
        var draft = NewDeal(title: "Kiosk")
        draft.stage = "follow-up"
        let result = Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now)
        #expect(result.refusal == .needsNextAction(stage: "Follow-up", proposed: Fx.day("2026-11-26")))
        draft.nextAction = NextAction(date: Fx.day("2026-11-25"))
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).success != nil)
    }

    @Test func clearingTheNextActionWhileInFollowUpIsRefused() throws {
        let deal = try Fx.create(stage: "follow-up", next: NextAction(date: Fx.day("2026-11-25")))
        var edit = DealEdit()
        edit.nextAction = .some(nil)
        let result = Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsNextAction(stage: "Follow-up", proposed: Fx.day("2026-11-26")))
    }

    @Test(arguments: [
        (PipelineTemplate.powerlink, "initial-contact", "Initial contact"),
        (PipelineTemplate.b2b, "proposal", "Commercial proposal"),
    ])
    func everyTemplatesFirstContactStageNeedsOne(template: PipelineTemplate, stage: String, name: String) throws {
        let funnel = Fx.funnel(template)
        let deal = try Fx.create(in: funnel)
        let result = funnel.apply(.move(to: stage), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsNextAction(stage: name, proposed: Fx.day("2026-11-26")))
    }

    @Test func otherOpenStagesNeedNoNextAction() throws {
        let moved = Fx.funnel().apply(.move(to: "meeting"), to: try Fx.create(), by: Fx.rita, now: Fx.later(hours: 1))
        #expect(moved.success?.stage == "meeting")
    }
}

@Suite("R7: lost needs a reason from the pipeline's list")
struct LostReasonRuleTests {
    @Test func lostWithoutAReasonIsRefusedAndListsTheReasons() throws {
        let funnel = Fx.funnel()
        let result = funnel.apply(.move(to: "not-relevant"), to: try Fx.create(), by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsLostReason(stage: "Not relevant", reasons: funnel.pipeline.lostReasons))
        for reason in funnel.pipeline.lostReasons { #expect(result.failure?.description.contains(reason) == true) }
    }

    @Test func anUnknownReasonIsRefused() throws {
        let funnel = Fx.funnel()
        let result = funnel.apply(
            .move(to: "not-relevant", lostReason: "Abducted by aliens"), to: try Fx.create(),
            by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .unknownLostReason(text: "Abducted by aliens", reasons: funnel.pipeline.lostReasons))
    }

    @Test func anEmptyReasonIsRefused() throws {
        let result = Fx.funnel().apply(
            .move(to: "former-customer", lostReason: ""), to: try Fx.create(),
            by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsLostReason(stage: "Former customer", reasons: Fx.funnel().pipeline.lostReasons))
    }

    @Test func aListedReasonIsAcceptedCaseInsensitivelyAndStoredAsListed() throws {
        let moved = try #require(
            Fx.funnel().apply(
                .move(to: "not-relevant", lostReason: "  price "), to: try Fx.create(),
                by: Fx.rita, now: Fx.later(hours: 1)
            ).success)
        #expect(moved.stage == "not-relevant")
        #expect(moved.lostReason == "Price")
    }

    @Test func reopeningALostDealClearsItsReason() throws {
        let funnel = Fx.funnel()
        let lost = try #require(
            funnel.apply(
                .move(to: "not-relevant", lostReason: "Price"), to: try Fx.create(),
                by: Fx.rita, now: Fx.later(hours: 1)
            ).success)
        let reopened = try #require(funnel.apply(.move(to: "meeting"), to: lost, by: Fx.rita, now: Fx.later(hours: 2)).success)
        #expect(reopened.lostReason == nil)
    }

    @Test func creatingStraightIntoALostStageNeedsAListedReason() throws {
        var draft = NewDeal(title: "Old lead")
        draft.stage = "not-relevant"
        #expect(
            Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal
                == .needsLostReason(stage: "Not relevant", reasons: Fx.funnel().pipeline.lostReasons))
        draft.lostReason = "bad timing"
        let deal = try #require(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).success)
        #expect(deal.lostReason == "Bad timing")
    }
}

@Suite("R8: won needs a value")
struct WonValueRuleTests {
    @Test func wonWithoutAValueIsRefused() throws {
        let result = Fx.funnel().apply(.move(to: "customer"), to: try Fx.create(), by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsValue(stage: "Customer"))
    }

    @Test func wonWithAValueGivenInTheMovePasses() throws {
        let won = try #require(
            Fx.funnel().apply(
                .move(to: "customer", value: 12_500), to: try Fx.create(),
                by: Fx.rita, now: Fx.later(hours: 1)
            ).success)
        #expect(won.stage == "customer")
        #expect(won.value == 12_500)
    }

    @Test func wonWithAValueAlreadyOnTheDealPasses() throws {
        let won = Fx.funnel().apply(.move(to: "Customer"), to: try Fx.create(value: 99), by: Fx.rita, now: Fx.later(hours: 1))
        #expect(won.success?.stage == "customer")
    }

    @Test func b2bClosedNeedsAValueToo() throws {
        let funnel = Fx.funnel(.b2b)
        let result = funnel.apply(.move(to: "closed"), to: try Fx.create(in: funnel), by: Fx.rita, now: Fx.later(hours: 1))
        #expect(result.refusal == .needsValue(stage: "Closed"))
    }

    @Test func creatingAWonDealNeedsAValue() {
        var draft = NewDeal(title: "Signed")
        draft.stage = "customer"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .needsValue(stage: "Customer"))
    }

    @Test func clearingTheValueOfAWonDealIsRefused() throws {
        let won = try Fx.create(stage: "customer", value: 100)
        var edit = DealEdit()
        edit.value = .some(nil)
        #expect(
            Fx.funnel().apply(.edit(edit), to: won, by: Fx.rita, now: Fx.later(hours: 1)).refusal
                == .needsValue(stage: "Customer"))
    }
}

@Suite("R15 and the team: who may change what")
struct PermissionRuleTests {
    @Test func aRepChangesTheirOwnDeal() throws {
        let deal = try Fx.create(by: Fx.rita)
        #expect(Fx.funnel().apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success != nil)
        var edit = DealEdit()
        edit.company = "Acme"
        #expect(Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success?.company == "Acme")
    }

    @Test func aRepCannotMoveOrEditAnotherRepsDeal() throws {
        let deal = try Fx.create("Sam's deal", by: Fx.sam)
        let move = Fx.funnel().apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(move.refusal == .notYourDeal(dealTitle: "Sam's deal", owner: "Sam Rep"))
        var edit = DealEdit()
        edit.title = "Mine now"
        let editResult = Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(editResult.refusal == .notYourDeal(dealTitle: "Sam's deal", owner: "Sam Rep"))
    }

    @Test func aRepMayWorkAnInboxDealAndTakesItByMovingIt() throws {
        let inbox = try Fx.create("Web form lead", stage: "unsorted", by: Fx.manager)
        #expect(inbox.owner == nil)
        let taken = try #require(Fx.funnel().apply(.move(to: "new"), to: inbox, by: Fx.rita, now: Fx.later(hours: 1)).success)
        #expect(taken.owner == "rita")
        var edit = DealEdit()
        edit.phone = "050-1234567"
        #expect(Fx.funnel().apply(.edit(edit), to: inbox, by: Fx.sam, now: Fx.later(hours: 1)).success?.owner == nil)
    }

    @Test func aManagerChangesAnyDealAndTheOwnerStays() throws {
        let deal = try Fx.create(by: Fx.sam)
        let moved = try #require(Fx.funnel().apply(.move(to: "meeting"), to: deal, by: Fx.manager, now: Fx.later(hours: 1)).success)
        #expect(moved.owner == "sam")
        #expect(moved.history.last?.by == "mia")
    }

    @Test func onlyManagersAssignToOthers() throws {
        let deal = try Fx.create(by: Fx.rita)
        #expect(
            Fx.funnel().apply(.assign(owner: "sam"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).refusal
                == .onlyManagersAssign)
        let reassigned = Fx.funnel().apply(.assign(owner: "sam"), to: deal, by: Fx.manager, now: Fx.later(hours: 1))
        #expect(reassigned.success?.owner == "sam")
    }

    @Test func aRepMayTakeAnInboxDealButNotGiveItAway() throws {
        let inbox = try Fx.create("Lead", stage: "unsorted", by: Fx.manager)
        #expect(
            Fx.funnel().apply(.assign(owner: "rita"), to: inbox, by: Fx.rita, now: Fx.later(hours: 1)).success?.owner
                == "rita")
        #expect(
            Fx.funnel().apply(.assign(owner: "sam"), to: inbox, by: Fx.rita, now: Fx.later(hours: 1)).refusal
                == .onlyManagersAssign)
    }

    @Test func aRepCannotCreateADealForSomeoneElse() {
        var draft = NewDeal(title: "For Sam")
        draft.owner = "sam"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .onlyManagersAssign)
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.manager, now: Fx.now).success?.owner == "sam")
    }

    @Test func theOwnerMustBeOnTheTeam() throws {
        var draft = NewDeal(title: "Ghost's deal")
        draft.owner = "ghost"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.manager, now: Fx.now).refusal == .unknownOwner(account: "ghost"))
        let deal = try Fx.create()
        #expect(
            Fx.funnel().apply(.assign(owner: "ghost"), to: deal, by: Fx.manager, now: Fx.later(hours: 1)).refusal
                == .unknownOwner(account: "ghost"))
    }

    @Test func dealsOutsideTheInboxNeedAnOwner() throws {
        let deal = try Fx.create()
        #expect(
            Fx.funnel().apply(.assign(owner: nil), to: deal, by: Fx.manager, now: Fx.later(hours: 1)).refusal
                == .outsideInboxNeedsOwner)
        // In the inbox, nobody owning it is the normal state.
        let inbox = try Fx.create(stage: "unsorted", owner: "rita", by: Fx.manager)
        #expect(Fx.funnel().apply(.assign(owner: nil), to: inbox, by: Fx.manager, now: Fx.later(hours: 1)).success?.owner == nil)
    }

    @Test func anActorNotOnTheTeamIsToldHowToJoin() {
        #expect(Fx.funnel().member("otto").failure?.message == .notOnTeam(account: "otto"))
        #expect(Fx.funnel().member("rita").success == Fx.rita)
    }
}

@Suite("Field validity")
struct FieldRuleTests {
    @Test(arguments: ["", "   ", "\n\t"])
    func anEmptyTitleIsRefused(title: String) throws {
        #expect(Fx.funnel().create(NewDeal(title: title), id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .emptyTitle)
        var edit = DealEdit()
        edit.title = title
        #expect(Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal == .emptyTitle)
    }

    @Test func titlesAreTrimmed() throws {
        #expect(try Fx.create("  Solar  ").title == "Solar")
    }

    @Test func aNegativeValueIsRefused() throws {
        var draft = NewDeal(title: "Refund")
        draft.value = -1
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .negativeValue)
        var edit = DealEdit()
        edit.value = .some(Decimal(string: "-0.01")!)
        #expect(Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal == .negativeValue)
        #expect(
            Fx.funnel().apply(.move(to: "customer", value: -5), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .negativeValue)
    }

    @Test func aZeroValueIsFine() throws {
        #expect(try Fx.create(value: 0).value == 0)
    }

    @Test func theCurrencyMustBeACode() {
        var draft = NewDeal(title: "Euro deal")
        draft.currency = "EURO"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .invalidCurrency(text: "EURO"))
        draft.currency = "eur"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).success?.currency == "EUR")
    }

    @Test func overlongFieldsAreRefused() throws {
        var edit = DealEdit()
        edit.company = String(repeating: "x", count: FieldsAreValid.maximumFieldLength + 1)
        #expect(
            Fx.funnel().apply(.edit(edit), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .fieldTooLong(field: "company", limit: FieldsAreValid.maximumFieldLength))
    }

    @Test func anUnknownStageIsRefusedWithTheKnownOnes() throws {
        let funnel = Fx.funnel()
        #expect(
            funnel.apply(.move(to: "heaven"), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .unknownStage(text: "heaven", known: funnel.pipeline.stages.map(\.id)))
        #expect(
            funnel.apply(.move(to: "NEW"), to: try Fx.create(), by: Fx.rita, now: Fx.now).refusal
                == .alreadyInStage(stage: "New inquiry"))
    }
}

@Suite("A refused change changes nothing")
struct RefusalLeavesDealUnchangedTests {
    static let cases: [(String, DealChange, User)] = [
        ("R6", .move(to: "follow-up", value: 500), Fx.rita),
        ("R7", .move(to: "not-relevant", lostReason: "Aliens", nextAction: NextAction(date: Fx.today)), Fx.rita),
        ("R8", .move(to: "customer", nextAction: NextAction(date: Fx.today)), Fx.rita),
        ("R15 move", .move(to: "meeting", value: 1), Fx.sam),
        ("R15 assign", .assign(owner: "sam"), Fx.rita),
        ("owner", .assign(owner: "ghost"), Fx.manager),
        (
            "title",
            .edit(
                {
                    var e = DealEdit(); e.title = " "; e.company = "Changed"; return e
                }()), Fx.rita
        ),
        (
            "value",
            .edit(
                {
                    var e = DealEdit(); e.value = .some(-3); e.notes = "changed"; return e
                }()), Fx.rita
        ),
    ]

    @Test(arguments: cases)
    func refusedChangesLeaveTheDealAsItWas(name: String, change: DealChange, actor: User) throws {
        let deal = try Fx.create(company: "Acme")
        let copy = deal
        let result = Fx.funnel().apply(change, to: deal, by: actor, now: Fx.later(hours: 3))
        #expect(result.failure != nil, "\(name) should be refused")
        #expect(deal == copy)
        #expect(deal.revision == 1 && deal.history.count == 1 && deal.stage == "new")
    }

    @Test func anAcceptedChangeBumpsTheRevisionAndTheUpdateTime() throws {
        let deal = try Fx.create()
        let next = try #require(Fx.funnel().apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.later(hours: 3)).success)
        #expect(next.revision == deal.revision + 1)
        #expect(next.updated == Fx.later(hours: 3))
        #expect(deal.stage == "new")
    }
}

extension Fx {
    static func create(company: String) throws -> Deal {
        var draft = NewDeal(title: "Solar panels")
        draft.company = company
        return try #require(funnel().create(draft, id: "abcd2345", by: rita, now: now).success)
    }
}
