import Foundation
import Testing

@testable import FunnelCore

@Suite("R8: every stage change is recorded — who, when, from, to")
struct HistoryTests {
    @Test func creationIsTheFirstEntry() throws {
        let deal = try Fx.create(by: Fx.rita, at: Fx.now)
        #expect(deal.history == [StageChange(at: Fx.now, by: "rita", from: nil, to: "new")])
        #expect(deal.created == Fx.now)
        #expect(deal.stageEntered == Fx.now)
    }

    @Test func eachMoveAppendsOneEntry() throws {
        let funnel = Fx.funnel()
        let deal = try Fx.create(by: Fx.rita)
        let first = try #require(funnel.apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success)
        let second = try #require(
            funnel.apply(
                .move(to: "customer", value: 10), to: first, by: Fx.manager,
                now: Fx.later(hours: 30)
            ).success)
        #expect(
            second.history == [
                StageChange(at: Fx.now, by: "rita", from: nil, to: "new"),
                StageChange(at: Fx.later(hours: 1), by: "rita", from: "new", to: "meeting"),
                StageChange(at: Fx.later(hours: 30), by: "mia", from: "meeting", to: "customer"),
            ])
        #expect(second.stageEntered == Fx.later(hours: 30))
        #expect(second.created == Fx.now)
    }

    @Test func takingAnInboxDealRecordsWhoTookIt() throws {
        let inbox = try Fx.create(stage: "unsorted", by: Fx.manager)
        let taken = try #require(Fx.funnel().apply(.move(to: "new"), to: inbox, by: Fx.sam, now: Fx.later(hours: 2)).success)
        #expect(taken.history.last == StageChange(at: Fx.later(hours: 2), by: "sam", from: "unsorted", to: "new"))
    }

    @Test func editsAndAssignmentsDoNotTouchTheHistoryOrTheStageTime() throws {
        let deal = try Fx.create()
        var edit = DealEdit()
        edit.title = "Bigger solar panels"
        edit.value = .some(500)
        let edited = try #require(Fx.funnel().apply(.edit(edit), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success)
        let assigned = try #require(
            Fx.funnel().apply(
                .assign(owner: "sam"), to: edited, by: Fx.manager,
                now: Fx.later(hours: 2)
            ).success)
        #expect(assigned.history == deal.history)
        #expect(assigned.stageEntered == deal.stageEntered)
        #expect(assigned.title == "Bigger solar panels" && assigned.value == 500 && assigned.owner == "sam")
    }

    @Test func restoringAnEarlierStageIsRecordedAsAStageChange() throws {
        let funnel = Fx.funnel()
        let original = try Fx.create(by: Fx.rita)
        let moved = try #require(funnel.apply(.move(to: "meeting"), to: original, by: Fx.rita, now: Fx.later(hours: 1)).success)
        let undone = try #require(funnel.apply(.restore(original), to: moved, by: Fx.rita, now: Fx.later(hours: 2)).success)
        #expect(undone.stage == "new")
        // Back in its stage as it was: its days there count from when it first entered (a move and
        // an undo never reset "stuck" or "lead overdue", nor take a deal out of the archive).
        #expect(undone.stageEntered == original.stageEntered)
        #expect(undone.revision == moved.revision + 1)
        #expect(undone.history.count == 3)
        #expect(Array(undone.history.prefix(2)) == moved.history)
        #expect(undone.history.last?.at == Fx.later(hours: 2))
        #expect(undone.history.last?.by == "rita")
        #expect(undone.history.last?.to == "new")
        #expect(undone.history.last?.from == "meeting")
    }

    @Test func restoringFieldsInTheSameStageAddsNoHistory() throws {
        let funnel = Fx.funnel()
        let original = try Fx.create()
        var edit = DealEdit()
        edit.company = "Wrong Co"
        let edited = try #require(funnel.apply(.edit(edit), to: original, by: Fx.rita, now: Fx.later(hours: 1)).success)
        let undone = try #require(funnel.apply(.restore(original), to: edited, by: Fx.rita, now: Fx.later(hours: 2)).success)
        #expect(undone.company == "")
        #expect(undone.history == original.history)
        #expect(undone.revision == edited.revision + 1)
    }

    @Test func restoringIsCheckedByTheRules() throws {
        let funnel = Fx.funnel()
        let original = try Fx.create(by: Fx.sam)
        let moved = try #require(funnel.apply(.move(to: "meeting"), to: original, by: Fx.sam, now: Fx.later(hours: 1)).success)
        #expect(
            funnel.apply(.restore(original), to: moved, by: Fx.rita, now: Fx.later(hours: 2)).refusal
                == .notYourDeal(dealTitle: "Solar panels", owner: "Sam Rep"))
    }

    @Test func undoingALoggedCallTakesTheCallAwayAndRedoBringsItBack() throws {
        let funnel = Fx.funnel()
        let original = try Fx.create(by: Fx.rita)
        let logged = try #require(
            funnel.apply(
                .log(.call(.noAnswer), note: "voicemail", next: nil), to: original, by: Fx.rita,
                now: Fx.later(hours: 1)
            ).success)
        let undone = try #require(funnel.apply(.restore(original), to: logged, by: Fx.rita, now: Fx.later(hours: 2)).success)
        #expect(undone.activities.isEmpty)
        #expect(Attempts.unanswered(undone) == 0)
        let redone = try #require(funnel.apply(.restore(logged), to: undone, by: Fx.rita, now: Fx.later(hours: 3)).success)
        #expect(redone.activities == logged.activities)
    }

    @Test func restoringNeverRewritesTheMiddleOfATimeline() throws {
        let funnel = Fx.funnel()
        var other = try Fx.create(by: Fx.rita)
        other.activities = [Activity(at: Fx.now, by: "rita", kind: .note, note: "another version")]
        let original = try Fx.create(by: Fx.rita)
        let logged = try #require(funnel.apply(.log(.call(.reached)), to: original, by: Fx.rita, now: Fx.later(hours: 1)).success)
        let restored = try #require(funnel.apply(.restore(other), to: logged, by: Fx.rita, now: Fx.later(hours: 2)).success)
        #expect(restored.activities == logged.activities)
    }
}
