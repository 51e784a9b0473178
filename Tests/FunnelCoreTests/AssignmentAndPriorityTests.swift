import Foundation
import Testing

@testable import FunnelCore

@Suite("R16 assignment and priorities")
struct AssignmentAndPriorityTests {
    @Test func assigningAnInboxLeadMovesItToTheFirstOpenStageAndRecordsBoth() throws {
        let lead = try Fx.create(stage: "unsorted", by: Fx.manager)
        #expect(lead.owner == nil && lead.assignments.isEmpty)
        let assigned = try Fx.funnel().apply(.assign(owner: "rita"), to: lead, by: Fx.manager, now: Fx.later(hours: 1)).get()
        #expect(assigned.stage == "new")
        #expect(assigned.stageEntered == Fx.later(hours: 1))
        #expect(assigned.history.last == StageChange(at: Fx.later(hours: 1), by: "mia", from: "unsorted", to: "new"))
        #expect(assigned.assignments == [Assignment(at: Fx.later(hours: 1), by: "mia", from: nil, to: "rita")])
        let reassigned = try Fx.funnel().apply(.assign(owner: "sam"), to: assigned, by: Fx.manager, now: Fx.later(hours: 2)).get()
        #expect(reassigned.stage == "new", "a reassignment outside the inbox keeps the stage")
        #expect(reassigned.history == assigned.history)
        #expect(reassigned.assignments.last == Assignment(at: Fx.later(hours: 2), by: "mia", from: "rita", to: "sam"))
    }

    @Test func everyChangeOfOwnerIsRecordedButOthersAreNot() throws {
        let lead = try Fx.create(stage: "unsorted", by: Fx.manager)
        let accepted = try Fx.funnel().apply(.accept, to: lead, by: Fx.rita, now: Fx.later(hours: 1)).get()
        #expect(accepted.assignments == [Assignment(at: Fx.later(hours: 1), by: "rita", from: nil, to: "rita")])
        let moved = try Fx.funnel().apply(.move(to: "meeting"), to: accepted, by: Fx.rita, now: Fx.later(hours: 2)).get()
        #expect(moved.assignments == accepted.assignments)
    }

    @Test func aRepCannotPutADealBackIntoUnsortedAManagerCan() throws {
        let deal = try Fx.create()
        let refused = Fx.funnel().apply(.move(to: "unsorted"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(refused.refusal == .cannotReturnToInbox(stage: "Unsorted"))
        #expect(refused.refusal?.text.contains("cannot be put back") == true)
        // Nor by an undo of taking a lead.
        let lead = try Fx.create(stage: "unsorted", by: Fx.manager)
        let accepted = try Fx.funnel().apply(.accept, to: lead, by: Fx.rita, now: Fx.later(hours: 1)).get()
        #expect(
            Fx.funnel().apply(.restore(lead), to: accepted, by: Fx.rita, now: Fx.later(hours: 2)).refusal
                == .cannotReturnToInbox(stage: "Unsorted"))
        #expect(Fx.funnel().apply(.move(to: "unsorted"), to: deal, by: Fx.manager, now: Fx.later(hours: 1)).success?.stage == "unsorted")
        // Creating a lead in Unsorted is fine for anyone.
        #expect(try Fx.create(stage: "unsorted", by: Fx.rita).stage == "unsorted")
    }

    @Test func priorityDefaultsToNormalAndIsSetOnAddAndEdit() throws {
        #expect(try Fx.create().priority == .normal)
        var draft = NewDeal(title: "Hot")
        draft.priority = .high
        let hot = try Fx.funnel().create(draft, id: "abcd2346", by: Fx.rita, now: Fx.now).get()
        #expect(hot.priority == .high)
        var edit = DealEdit()
        edit.priority = .low
        #expect(try Fx.funnel().apply(.edit(edit), to: hot, by: Fx.rita, now: Fx.later(hours: 1)).get().priority == .low)
        #expect(Priority(text: " HIGH ") == .high && Priority(text: "urgent") == nil)
        #expect(Priority.high.lower == .normal && Priority.low.lower == nil)
    }

    @Test func priorityOrderIsHighFirstThenTheBoardsOrder() {
        var a = Fx.deal("A", id: "aaaa2345", next: Fx.day("2026-11-30"))
        var b = Fx.deal("B", id: "bbbb2345", next: Fx.day("2026-11-25"))
        var c = Fx.deal("C", id: "cccc2345", next: Fx.day("2026-11-20"))
        let d = Fx.deal("D", id: "dddd2345", next: Fx.day("2026-11-21"))
        a.priority = .high
        b.priority = .high
        c.priority = .low
        #expect(CardOrder.priority.sorted([a, b, c, d], utcOffset: 0).map(\.title) == ["B", "A", "D", "C"])
    }

    @Test func olderFilesWithoutTheNewFieldsRead() throws {
        let json = """
            {"id": "abcd2345", "title": "Old", "currency": "ILS", "stage": "new", "created": "2026-11-24T09:00:00Z",
             "activities": [{"at": "2026-11-24T09:00:00Z", "by": "rita", "kind": "training"}]}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let deal = try decoder.decode(Deal.self, from: Data(json.utf8))
        #expect(deal.priority == .normal && deal.assignments.isEmpty && deal.modules.isEmpty)
        #expect(deal.activities.first?.module == nil)
    }

    @Test func theNewFieldsRoundTrip() throws {
        var deal = Fx.deal("Round", id: "abcd2345")
        deal.priority = .low
        deal.assignments = [Assignment(at: Fx.now, by: "mia", from: nil, to: "rita")]
        deal.modules = [BilledModule(module: "Reports", at: Fx.now, by: "rita")]
        deal.activities = [Activity(at: Fx.now, by: "rita", kind: .training, module: "Reports")]
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Deal.self, from: encoder.encode(deal)) == deal)
    }
}

@Suite("ISO 4217 currency codes")
struct CurrencyCodeTests {
    @Test func activeCodesPassAndMadeUpOnesAreRefusedWithAGuess() {
        for code in ["ILS", "usd", "EUR", "JOD", "AED", "SAR", "EGP"] { #expect(Money.isValidCurrency(code), "\(code)") }
        for code in ["QQQ", "ABC", "XXX", "XTS", "EURO", "US", "₪", "U$D"] { #expect(!Money.isValidCurrency(code), "\(code)") }
        #expect(CurrencyCodes.suggestion(for: "QQQ") == "QAR")
        #expect(CurrencyCodes.suggestion(for: "EURO") == "EUR")
        #expect(CurrencyCodes.suggestion(for: "ILZ") == "ILS")
        #expect(Message.invalidCurrency(text: "QQQ").text.contains("did you mean QAR?"))
        #expect(Message.invalidCurrency(text: "QQQ").text.contains("ISO 4217"))
    }

    @Test func theRuleRefusesANewUnknownCodeButNotAnOldOneKept() throws {
        var draft = NewDeal(title: "Made up")
        draft.currency = "QQQ"
        #expect(Fx.funnel().create(draft, id: "abcd2345", by: Fx.rita, now: Fx.now).refusal == .invalidCurrency(text: "QQQ"))
        var withdrawn = try Fx.create()
        withdrawn.currency = "HRK"  // the kuna, withdrawn in 2023: a deal kept in it still takes changes
        var edit = DealEdit()
        edit.title = "Renamed"
        #expect(Fx.funnel().apply(.edit(edit), to: withdrawn, by: Fx.rita, now: Fx.later(hours: 1)).success?.title == "Renamed")
        edit.currency = "hrk"  // set to what it already is: not a change of currency
        #expect(Fx.funnel().apply(.edit(edit), to: withdrawn, by: Fx.rita, now: Fx.later(hours: 1)).success != nil)
        var changeCurrency = DealEdit()
        changeCurrency.currency = "QQQ"
        #expect(
            Fx.funnel().apply(.edit(changeCurrency), to: withdrawn, by: Fx.rita, now: Fx.later(hours: 1)).refusal
                == .invalidCurrency(text: "QQQ"))
    }

    @Test func aPipelineWithAnUnknownDefaultCurrencyIsNotValid() {
        var pipeline = PipelineTemplate.simple.pipeline
        pipeline.defaultCurrency = "QQQ"
        #expect(pipeline.validationErrors.contains { $0.contains("default_currency") && $0.contains("QAR") })
    }
}
