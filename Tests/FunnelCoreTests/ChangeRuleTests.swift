import Foundation
import Testing

@testable import FunnelCore

/// The rules about what a change asks for (Rules/), each on its own and through `Funnel.apply`.
enum RuleCheck {
    /// What `rule` says about the change from `before` to `after`, or nil when it lets it pass.
    static func message(
        _ rule: any DealRule, before: Deal?, after: Deal, change: DealChange?, by actor: User = Fx.rita,
        pipeline: Pipeline = Fx.funnel().pipeline
    ) -> Message? {
        let context = RuleContext(
            before: before, after: after, actor: actor, pipeline: pipeline, team: Fx.team, today: Fx.today, change: change)
        return rule.check(context)?.message
    }

    static func edit(_ change: (inout DealEdit) -> Void) -> DealChange {
        var edit = DealEdit()
        change(&edit)
        return .edit(edit)
    }
}

@Suite("Rules about the change asked for")
struct ChangeRuleTests {
    @Test func onlyManagersAssignToSomeoneElse() throws {
        let deal = try Fx.create()
        var given = deal
        given.owner = "sam"
        #expect(RuleCheck.message(OnlyManagersAssign(), before: deal, after: given, change: .assign(owner: "sam")) == .onlyManagersAssign)
        #expect(RuleCheck.message(OnlyManagersAssign(), before: deal, after: given, change: .assign(owner: "sam"), by: Fx.manager) == nil)
        #expect(RuleCheck.message(OnlyManagersAssign(), before: deal, after: deal, change: .assign(owner: "rita")) == nil)
        #expect(Fx.funnel().apply(.assign(owner: "sam"), to: deal, by: Fx.rita, now: Fx.now).refusal == .onlyManagersAssign)
        #expect(Fx.funnel().apply(.assign(owner: "sam"), to: deal, by: Fx.manager, now: Fx.now).success?.owner == "sam")
    }

    @Test func onlyAnInboxLeadIsAcceptedOrRejected() throws {
        let deal = try Fx.create()
        let lead = try Fx.create(stage: "unsorted")
        #expect(RuleCheck.message(AcceptOnlyFromInbox(), before: deal, after: deal, change: .accept) == .notInInbox(dealTitle: "Solar panels"))
        #expect(RuleCheck.message(AcceptOnlyFromInbox(), before: lead, after: deal, change: .accept) == nil)
        #expect(RuleCheck.message(AcceptOnlyFromInbox(), before: deal, after: deal, change: .callStep(.rapport, done: true)) == nil)
        #expect(
            Fx.funnel().apply(.reject(reason: "spam"), to: deal, by: Fx.rita, now: Fx.now).refusal
                == .notInInbox(dealTitle: "Solar panels"))
        #expect(Fx.funnel().apply(.accept, to: lead, by: Fx.rita, now: Fx.now).success?.stage == "new")
    }

    @Test func aRejectedLeadNeedsSomeReason() throws {
        let lead = try Fx.create(stage: "unsorted")
        let funnel = Fx.funnel()
        let refused = funnel.apply(.reject(reason: "  "), to: lead, by: Fx.rita, now: Fx.now)
        #expect(refused.refusal == .needsLostReason(stage: "Not relevant", reasons: funnel.pipeline.lostReasons))
        let rejected = try #require(funnel.apply(.reject(reason: "a reason of my own"), to: lead, by: Fx.rita, now: Fx.now).success)
        #expect(rejected.lostReason == "a reason of my own")
        #expect(RuleCheck.message(RejectNeedsReason(), before: lead, after: rejected, change: .reject(reason: "why not")) == nil)
    }

    @Test func aMoveGoesToAnotherStage() throws {
        let deal = try Fx.create()
        #expect(Fx.funnel().apply(.move(to: "new"), to: deal, by: Fx.rita, now: Fx.now).refusal == .alreadyInStage(stage: "New inquiry"))
        #expect(RuleCheck.message(MoveChangesStage(), before: deal, after: deal, change: .move(to: "new")) == .alreadyInStage(stage: "New inquiry"))
        let moved = try #require(Fx.funnel().apply(.move(to: "meeting"), to: deal, by: Fx.rita, now: Fx.now).success)
        #expect(RuleCheck.message(MoveChangesStage(), before: deal, after: moved, change: .move(to: "meeting")) == nil)
        // The same stage id in another pipeline is another stage: the move brings the deal over.
        var foreign = deal
        foreign.pipeline = "renewals"
        #expect(Fx.funnel().apply(.move(to: "new"), to: foreign, by: Fx.rita, now: Fx.now).success?.pipeline == nil)
    }

    @Test func aModuleHasAName() throws {
        let deal = try Fx.create()
        #expect(Fx.funnel().apply(.training(module: "  "), to: deal, by: Fx.rita, now: Fx.now).refusal == .emptyModule)
        #expect(Fx.funnel().apply(.bill(module: ""), to: deal, by: Fx.rita, now: Fx.now).refusal == .emptyModule)
        let trained = try #require(Fx.funnel().apply(.training(module: " CRM  core "), to: deal, by: Fx.rita, now: Fx.now).success)
        #expect(trained.activities.last?.module == "CRM core")
        #expect(RuleCheck.message(ModuleIsNamed(), before: deal, after: trained, change: .training(module: "CRM core")) == nil)
    }

    @Test func aModuleIsBilledOnce() throws {
        let funnel = Fx.funnel()
        let trained = try funnel.apply(.training(module: "CRM"), to: try Fx.create(), by: Fx.rita, now: Fx.now).get()
        let billed = try funnel.apply(.bill(module: "CRM"), to: trained, by: Fx.rita, now: Fx.now).get()
        #expect(RuleCheck.message(ModuleBilledOnce(), before: trained, after: billed, change: .bill(module: "CRM")) == nil)
        #expect(funnel.apply(.bill(module: "crm"), to: billed, by: Fx.rita, now: Fx.now).refusal == .alreadyBilled(module: "crm"))
    }

    @Test func quoteLinesKeepTheCurrencyTheyArePricedIn() throws {
        let funnel = Fx.funnel()
        let plain = try Fx.create()
        let usd = RuleCheck.edit { $0.currency = "usd" }
        #expect(funnel.apply(usd, to: plain, by: Fx.rita, now: Fx.now).success?.currency == "USD")
        let line = QuoteLine(product: nil, text: "Setup", quantity: 1, unitPrice: 100)
        let lined = try funnel.apply(.addLine(line), to: plain, by: Fx.rita, now: Fx.now).get()
        #expect(funnel.apply(usd, to: lined, by: Fx.rita, now: Fx.now).refusal == .currencyWithQuoteLines(dealTitle: "Solar panels", currency: "ILS"))
        // Another currency together with other lines is not a relabelling.
        var repriced = lined
        repriced.currency = "USD"
        repriced.quoteLines = []
        #expect(RuleCheck.message(QuoteLinesKeepTheirCurrency(), before: lined, after: repriced, change: nil) == nil)
    }

    @Test func anEditLeavesTheFirstContactStageWithANextAction() throws {
        let deal = try Fx.create(stage: "follow-up", next: NextAction(date: Fx.day("2026-11-25")))
        let clear = RuleCheck.edit { $0.nextAction = .some(nil) }
        var cleared = deal
        cleared.nextAction = nil
        #expect(
            RuleCheck.message(EditKeepsNextAction(), before: deal, after: cleared, change: clear)
                == .needsNextAction(stage: "Follow-up", proposed: Fx.day("2026-11-26")))
        #expect(RuleCheck.message(EditKeepsNextAction(), before: deal, after: deal, change: RuleCheck.edit { $0.notes = "x" }) == nil)
        // Only an edit: logging a call on such a deal is not refused for it.
        #expect(RuleCheck.message(EditKeepsNextAction(), before: deal, after: cleared, change: .callStep(.rapport, done: true)) == nil)
    }

    @Test func anEditLeavesAWonDealWithAValue() throws {
        let won = try Fx.create(stage: "customer", value: 900)
        let clear = RuleCheck.edit { $0.value = .some(nil) }
        #expect(Fx.funnel().apply(clear, to: won, by: Fx.rita, now: Fx.now).refusal == .needsValue(stage: "Customer"))
        let open = try Fx.create(value: 900)
        #expect(Fx.funnel().apply(clear, to: open, by: Fx.rita, now: Fx.now).success?.value == nil)
        #expect(RuleCheck.message(EditKeepsWonValue(), before: won, after: won, change: clear) == nil)
    }

    @Test func paymentTermsRunOverOneToHundredTwentyInstallments() throws {
        let deal = try Fx.create()
        for bad in [0, 121, -3] {
            let change = DealChange.paymentTerms(PaymentTerms(installments: bad, method: .cheques))
            #expect(Fx.funnel().apply(change, to: deal, by: Fx.rita, now: Fx.now).refusal == .badInstallments(bad))
            var after = deal
            after.paymentTerms = PaymentTerms(installments: bad, method: .cheques)
            #expect(PaymentTermsAreValid.violation(in: after) == .badInstallments(bad))
            #expect(ValuesWithinLimits.violation(in: after) == .badInstallments(bad), "the readers refuse it too")
        }
        for good in [1, 120] {
            let change = DealChange.paymentTerms(PaymentTerms(installments: good, method: .cheques))
            #expect(Fx.funnel().apply(change, to: deal, by: Fx.rita, now: Fx.now).success?.paymentTerms?.installments == good)
        }
        #expect(PaymentTermsAreValid.violation(in: deal) == nil, "no terms")
    }

    @Test func anIssuedQuoteIsOfTheLinesAsTheyAre() throws {
        let funnel = Fx.funnel()
        let deal = try QuoteTests.dealWithLines(funnel)
        var quote = QuoteTests.issued(deal, funnel, sequence: 3)
        #expect(RuleCheck.message(IssuedQuoteMatchesLines(), before: deal, after: deal, change: .issueQuote(quote)) == nil)
        var fewer = deal
        fewer.quoteLines.removeLast()
        #expect(funnel.apply(.issueQuote(quote), to: fewer, by: Fx.rita, now: Fx.now).refusal == .quoteNoLines)
        quote.currency = "USD"
        #expect(funnel.apply(.issueQuote(quote), to: deal, by: Fx.rita, now: Fx.now).refusal == .quoteCorrupt(number: "Q-2026-0003"))
    }

    @Test func everyRuleFileRunsOnEveryChange() {
        let names = Set(Funnel.standardRules.map { "\(type(of: $0))" })
        for rule in [
            "OnlyManagersAssign", "AcceptOnlyFromInbox", "RejectNeedsReason", "MoveChangesStage", "ModuleIsNamed", "ModuleBilledOnce",
            "IssuedQuoteMatchesLines", "QuoteLinesKeepTheirCurrency", "EditKeepsNextAction", "EditKeepsWonValue", "PaymentTermsAreValid",
        ] {
            #expect(names.contains(rule), "\(rule)")
        }
    }
}

@Suite("Several changes as one")
struct ChangeListTests {
    @Test func allPassAndMakeOneRevision() throws {
        let deal = try Fx.create()
        let changes: [DealChange] = [
            RuleCheck.edit { $0.notes = "called twice" }, .callStep(.rapport, done: true),
            .paymentTerms(PaymentTerms(installments: 3, method: .cheques)), .assign(owner: "sam"),
        ]
        let after = try Fx.funnel().apply(changes, to: deal, by: Fx.manager, now: Fx.later(hours: 1)).get()
        #expect(after.revision == deal.revision + 1)
        #expect(after.notes == "called twice" && after.callSteps == [.rapport] && after.paymentTerms?.installments == 3)
        #expect(after.owner == "sam" && after.assignments.last?.to == "sam")
        #expect(after.updated == Fx.later(hours: 1))
    }

    @Test func oneRefusalRefusesAllAndNamesWhy() throws {
        let deal = try Fx.create()
        let changes: [DealChange] = [
            RuleCheck.edit { $0.notes = "changed" }, .paymentTerms(PaymentTerms(installments: 500, method: .cheques)),
            .callStep(.closing, done: true),
        ]
        let result = Fx.funnel().apply(changes, to: deal, by: Fx.rita, now: Fx.now)
        #expect(result.refusal == .badInstallments(500))
        #expect(deal.notes == "" && deal.revision == 1)
    }

    @Test func laterChangesSeeEarlierOnes() throws {
        // A move into follow-up passes because the edit before it gave the deal a next action.
        let deal = try Fx.create()
        let next = NextAction(date: Fx.day("2026-11-27"), text: "call")
        let moved = try Fx.funnel().apply(
            [RuleCheck.edit { $0.nextAction = .some(next) }, .move(to: "follow-up")], to: deal, by: Fx.rita, now: Fx.now
        )
        .get()
        #expect(moved.stage == "follow-up" && moved.nextAction == next && moved.revision == 2)
        #expect(Fx.funnel().apply([.move(to: "follow-up")], to: deal, by: Fx.rita, now: Fx.now).refusal != nil)
    }

    @Test func noChangesLeaveTheDealAsItIs() throws {
        let deal = try Fx.create()
        #expect(try Fx.funnel().apply([], to: deal, by: Fx.rita, now: Fx.later(hours: 3)).get() == deal)
    }

    @Test func theLastRevisionTakesAListAsOne() throws {
        var deal = try Fx.create()
        deal.revision = Limits.maximumRevision - 1
        let changes: [DealChange] = [.callStep(.rapport, done: true), .callStep(.discovery, done: true)]
        #expect(try Fx.funnel().apply(changes, to: deal, by: Fx.rita, now: Fx.now).get().revision == Limits.maximumRevision)
    }
}
