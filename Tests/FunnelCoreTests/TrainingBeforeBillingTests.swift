import Foundation
import Testing

@testable import FunnelCore

@Suite("R21 training before module billing")
struct TrainingBeforeBillingTests {
    @Test func billingIsRefusedUntilTheModulesTrainingIsLogged() throws {
        let deal = try Fx.create()
        let funnel = Fx.funnel()
        let refused = funnel.apply(.bill(module: "Reports"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(refused.refusal == .needsTraining(module: "Reports"))
        #expect(refused.refusal?.text.hasPrefix("R21") == true)
        // A training for another module, or one with no module, does not count.
        let other = try funnel.apply(.training(module: "Invoices"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).get()
        let plain = try funnel.apply(.log(.other(.training)), to: other, by: Fx.rita, now: Fx.later(hours: 1)).get()
        #expect(
            funnel.apply(.bill(module: "Reports"), to: plain, by: Fx.rita, now: Fx.later(hours: 2)).refusal
                == .needsTraining(module: "Reports"))
        let trained = try funnel.apply(
            .training(module: "  reports ", note: "two hours"), to: plain, by: Fx.rita,
            now: Fx.later(hours: 2)
        ).get()
        #expect(trained.activities.last?.module == "reports" && trained.activities.last?.kind == .training)
        let billed = try funnel.apply(.bill(module: "Reports"), to: trained, by: Fx.rita, now: Fx.later(hours: 3)).get()
        #expect(billed.modules == [BilledModule(module: "Reports", at: Fx.later(hours: 3), by: "rita")])
        #expect(billed.trainedModules == ["Invoices", "reports"])
        #expect(billed.stage == deal.stage, "billing never moves the deal")
        #expect(
            funnel.apply(.bill(module: "REPORTS"), to: billed, by: Fx.rita, now: Fx.later(hours: 4)).refusal
                == .alreadyBilled(module: "REPORTS"))
    }

    @Test func aModuleNeedsAName() throws {
        let deal = try Fx.create()
        #expect(Fx.funnel().apply(.bill(module: " "), to: deal, by: Fx.rita, now: Fx.now).refusal == .emptyModule)
        #expect(Fx.funnel().apply(.training(module: "\n"), to: deal, by: Fx.rita, now: Fx.now).refusal == .emptyModule)
    }

    @Test func anUndoKeepsTheBilledModulesAndTrainings() throws {
        let funnel = Fx.funnel()
        let deal = try Fx.create()
        let trained = try funnel.apply(.training(module: "Reports"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).get()
        let billed = try funnel.apply(.bill(module: "Reports"), to: trained, by: Fx.rita, now: Fx.later(hours: 2)).get()
        let undone = try funnel.apply(.restore(deal), to: billed, by: Fx.rita, now: Fx.later(hours: 3)).get()
        #expect(undone.modules == billed.modules && undone.activities == billed.activities)
    }

    @Test func onlyTheOwnerOrAManagerBills() throws {
        let funnel = Fx.funnel()
        let deal = try Fx.create()
        let trained = try funnel.apply(.training(module: "Reports"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).get()
        #expect(
            funnel.apply(.bill(module: "Reports"), to: trained, by: Fx.sam, now: Fx.later(hours: 2)).refusal
                == .notYourDeal(dealTitle: "Solar panels", owner: "Rita Rep"))
    }
}
