import Foundation
import Testing

@testable import FunnelCore

/// `DealMerge`: two versions of a deal changed apart, merged field by field against their base.
@Suite("Sync: a deal merged field by field, nothing lost")
struct DealMergeTests {
    let funnel = Fx.funnel()

    func base() throws -> Deal {
        try Fx.create("Solar panels", owner: "rita", value: 1_000, next: NextAction(date: Fx.today, text: "call"))
    }

    func change(_ deal: Deal, _ change: DealChange, by actor: User = Fx.rita, hours: Double) throws -> Deal {
        try #require(funnel.apply(change, to: deal, by: actor, now: Fx.later(hours: hours)).success)
    }

    func edit(_ deal: Deal, hours: Double, by actor: User = Fx.rita, _ body: (inout DealEdit) -> Void) throws -> Deal {
        var edit = DealEdit()
        body(&edit)
        return try change(deal, .edit(edit), by: actor, hours: hours)
    }

    @Test func aFieldChangedOnOneSideTakesThatSide() throws {
        let base = try base()
        let ours = try edit(base, hours: 1) { $0.title = "Solar panels, 40 units" }
        let theirs = try edit(base, hours: 2) { $0.notes = "Wants a site visit" }
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.deal.title == "Solar panels, 40 units")
        #expect(merged.deal.notes == "Wants a site visit")
        #expect(merged.deal.revision == max(ours.revision, theirs.revision) + 1)
        #expect(merged.deal.updated == Fx.later(hours: 2))
        #expect(!merged.deal.activities.contains { $0.by == DealMerge.conflictAuthor })
    }

    @Test func bothSidesChangingAFieldTheLaterWinsAndTheOtherIsANote() throws {
        let base = try base()
        let ours = try edit(base, hours: 3) { $0.title = "Late title" }
        let theirs = try edit(base, hours: 1) { $0.title = "Early title" }
        for (a, b) in [(ours, theirs), (theirs, ours)] {
            let merged = try DealMerge.merge(base: base, ours: a, theirs: b)
            #expect(merged.deal.title == "Late title")
            #expect(merged.conflicts == [DealMergeConflict(field: "title", kept: "Late title", other: "Early title")])
            let note = try #require(merged.deal.activities.last)
            #expect(note.kind == .note && note.by == DealMerge.conflictAuthor && note.at == Fx.later(hours: 3))
            #expect(note.note.contains("“Early title”") && note.note.contains("title"))
        }
    }

    @Test func equalTimesAreSettledTheSameWhoeverMerges() throws {
        let base = try base()
        let ours = try edit(base, hours: 1) { $0.title = "Alpha" }
        let theirs = try edit(base, hours: 1) { $0.title = "Beta" }
        let one = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        let other = try DealMerge.merge(base: base, ours: theirs, theirs: ours).deal
        #expect(one.title == other.title)
        #expect(one.activities == other.activities)
    }

    @Test func aMoveOnOneSideAndACallOnTheOtherKeepBoth() throws {
        let base = try base()
        let ours = try change(base, .move(to: "follow-up", nextAction: NextAction(date: Fx.today, text: "send quote")), hours: 1)
        let theirs = try change(base, .log(.call(.noAnswer)), by: Fx.manager, hours: 2)
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        #expect(merged.stage == "follow-up")
        #expect(merged.stageEntered == Fx.later(hours: 1))
        #expect(merged.history == ours.history)
        #expect(merged.activities == theirs.activities)
    }

    @Test func callsLoggedOnBothSidesAreAllKeptInTimeOrder() throws {
        let base = try change(try base(), .log(.call(.busy)), hours: 0.5)
        let ours = try change(try change(base, .log(.call(.noAnswer)), hours: 1), .log(.call(.reached)), hours: 3)
        let theirs = try change(base, .log(.call(.leftMessage)), by: Fx.manager, hours: 2)
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        #expect(merged.activities.map(\.outcome) == [.busy, .noAnswer, .leftMessage, .reached])
        #expect(merged.activities.map(\.at) == merged.activities.map(\.at).sorted())
    }

    @Test func identicalEntriesOnBothSidesAreKeptOnce() throws {
        let base = try base()
        let both = try change(base, .log(.call(.noAnswer)), hours: 1)
        let ours = try edit(both, hours: 2) { $0.title = "Ours" }
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: both).deal
        #expect(merged.activities.count == 1)
        #expect(merged.history.count == base.history.count)
    }

    @Test func twoMovesTheLaterStageWinsAndBothAreInTheHistory() throws {
        let base = try base()
        let ours = try change(base, .move(to: "follow-up", nextAction: NextAction(date: Fx.today, text: "x")), hours: 1)
        let theirs = try change(base, .move(to: "not-relevant", lostReason: "Price"), by: Fx.manager, hours: 2)
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.deal.stage == "not-relevant")
        #expect(merged.deal.lostReason == "Price")
        #expect(merged.deal.stageEntered == Fx.later(hours: 2))
        #expect(merged.deal.history.map(\.to) == ["new", "follow-up", "not-relevant"])
        #expect(merged.conflicts.map(\.field) == ["stage"])
    }

    @Test func anInboxLeadAcceptedOnOneSideAndRejectedOnTheOther() throws {
        let lead = try Fx.create("Web lead", stage: "unsorted", by: Fx.manager)
        let accepted = try change(lead, .accept, by: Fx.rita, hours: 1)
        let rejected = try change(lead, .reject(reason: "Spam"), by: Fx.manager, hours: 2)
        for (a, b) in [(accepted, rejected), (rejected, accepted)] {
            let merged = try DealMerge.merge(base: lead, ours: a, theirs: b).deal
            #expect(merged.owner == "mia" && merged.stage == "not-relevant" && merged.lostReason == "Spam")
            #expect(merged.assignments.map(\.to) == ["rita", "mia"])
            #expect(merged.history.count == 3)
            #expect(DealFlags.of(merged, pipeline: funnel.pipeline, now: Fx.later(hours: 3), utcOffset: 0).isEmpty)
        }
    }

    @Test func theOwnerFollowsTheLaterAssignment() throws {
        let base = try base()
        let ours = try change(base, .assign(owner: "sam"), by: Fx.manager, hours: 2)
        let theirs = try edit(try change(base, .assign(owner: "mia"), by: Fx.manager, hours: 1), hours: 5, by: Fx.manager) { $0.notes = "n" }
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        #expect(merged.owner == "sam")
        #expect(merged.assignments.last?.to == "sam")
        #expect(merged.notes == "n")
    }

    @Test func aMergeThatBreaksARuleIsKeptAndFlagged() throws {
        let base = try base()
        let won = try change(base, .move(to: "customer"), by: Fx.rita, hours: 1)
        let cleared = try edit(base, hours: 2) { $0.value = .some(nil) }
        let merged = try DealMerge.merge(base: base, ours: won, theirs: cleared).deal
        #expect(merged.stage == "customer" && merged.value == nil)
        #expect(DealFlags.of(merged, pipeline: funnel.pipeline, now: Fx.later(hours: 3), utcOffset: 0).contains(.breaksRule))
        #expect(!DealFlags.of(won, pipeline: funnel.pipeline, now: Fx.later(hours: 3), utcOffset: 0).contains(.breaksRule))
    }

    @Test func callStepsAndModulesMergeAsSets() throws {
        let base = try change(try base(), .callStep(.rapport, done: true), hours: 0.5)
        let ours = try change(try change(base, .callStep(.rapport, done: false), hours: 1), .callStep(.discovery, done: true), hours: 1.5)
        let theirs = try change(base, .callStep(.closing, done: true), hours: 2)
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        #expect(merged.callSteps == [.discovery, .closing])
        var a = base, b = base
        a.modules = [BilledModule(module: "CRM", at: Fx.later(hours: 1), by: "rita")]
        b.modules = [BilledModule(module: "ERP", at: Fx.later(hours: 0.7), by: "mia")]
        #expect(try DealMerge.merge(base: base, ours: a, theirs: b).deal.modules.map(\.module) == ["ERP", "CRM"])
    }

    @Test func withoutABaseEveryDifferenceIsAConflictAndNothingIsLost() throws {
        let a = try change(try base(), .log(.call(.busy)), hours: 1)
        let b = try edit(try change(try base(), .log(.call(.reached)), hours: 2), hours: 2) { $0.phone = "050" }
        let merged = try DealMerge.merge(base: nil, ours: a, theirs: b)
        #expect(merged.deal.phone == "050")
        #expect(merged.deal.activities.filter { $0.kind == .call }.count == 2)
        #expect(merged.conflicts.map(\.field) == ["phone"])
    }

    @Test func differentDealsAreRefused() throws {
        let a = try base()
        let b = try Fx.create("Other", id: "zzzz2345")
        #expect(throws: DealMergeError.differentDeals(ours: a.id, theirs: b.id)) { try DealMerge.merge(base: nil, ours: a, theirs: b) }
    }

    @Test func theRevisionMovesPastBothWithinItsLimit() throws {
        var a = try base(), b = try base()
        a.revision = 7
        b.revision = Limits.maximumRevision
        #expect(try DealMerge.merge(base: nil, ours: a, theirs: b).deal.revision == Limits.maximumRevision)
        b.revision = 3
        #expect(try DealMerge.merge(base: nil, ours: a, theirs: b).deal.revision == 8)
    }

    @Test func aLongValueSetAsideIsCutToFitItsNote() throws {
        let base = try base()
        let ours = try edit(base, hours: 2) { $0.notes = String(repeating: "a", count: 19_000) }
        let theirs = try edit(base, hours: 1) { $0.notes = String(repeating: "b", count: 19_000) }
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        #expect(ValuesWithinLimits.violation(in: merged) == nil)
        #expect(merged.notes == ours.notes)
    }

    @Test func mergingIsIdempotentAndCommutesOnTimelines() throws {
        let base = try base()
        let ours = try change(base, .log(.call(.noAnswer)), hours: 1)
        let theirs = try change(base, .log(.other(.email), note: "sent"), by: Fx.manager, hours: 2)
        let once = try DealMerge.merge(base: base, ours: ours, theirs: theirs).deal
        let again = try DealMerge.merge(base: ours, ours: once, theirs: theirs).deal
        #expect(again.activities == once.activities)
        #expect(try DealMerge.merge(base: base, ours: theirs, theirs: ours).deal.activities == once.activities)
    }

    @Test func everyFieldOfADealIsMerged() {
        #expect(Set(Deal.CodingKeys.allCases.map(\.rawValue)) == DealMerge.mergedFields)
    }

    @Test func timelinesKeepEachSidesDuplicates() {
        let t = Fx.now
        #expect(ThreeWay.timeline([t, t], [t], at: { $0 }).count == 2)
        #expect(ThreeWay.timeline([t], [t, t, t], at: { $0 }).count == 3)
    }

    @Test func listsAndSetsMergeTheirAdditionsAndRemovals() {
        #expect(ThreeWay.list(base: ["a", "b", "c"], ours: ["a", "c", "d"], theirs: ["a", "b", "c", "e"]) == ["a", "c", "d", "e"])
        #expect(ThreeWay.set(base: [1, 2], ours: [1], theirs: [1, 2, 3]) == [1, 3])
        #expect(ThreeWay.pick(base: 1, ours: 2, theirs: 3) == nil)
        #expect(ThreeWay.pick(base: 1, ours: 1, theirs: 3) == 3)
        #expect(ThreeWay.pick(base: nil, ours: 2, theirs: 2) == 2)
    }

    /// Quotes issued on both sides are all kept, in time order; the lines being prepared are one value.
    @Test func issuedQuotesAreAllKeptAndTheLinesAreOneValue() throws {
        var base = try base()
        base.quoteLines = [QuoteLine(product: nil, text: "Panels", quantity: 40, unitPrice: 100)]
        var ours = base, theirs = base
        let pipeline = Fx.funnel().pipeline
        let early = IssuedQuote(
            deal: base, number: QuoteNumber(year: 2026, sequence: 1), pipeline: pipeline, language: .en,
            by: "rita", now: Fx.later(hours: 1), utcOffset: 0)
        let late = IssuedQuote(
            deal: base, number: QuoteNumber(year: 2026, sequence: 2), pipeline: pipeline, language: .he,
            by: "dana", now: Fx.later(hours: 3), utcOffset: 0)
        ours.quotes = [late]
        theirs.quotes = [early]
        theirs.quoteLines.append(QuoteLine(product: nil, text: "Installation", quantity: 1, unitPrice: 500))
        theirs.updated = Fx.later(hours: 2)
        let merged = try DealMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.deal.quotes.map(\.number) == [early.number, late.number])
        #expect(merged.deal.quoteLines.map(\.text) == ["Panels", "Installation"], "changed on one side: that side")
        #expect(merged.conflicts.isEmpty)
    }
}
