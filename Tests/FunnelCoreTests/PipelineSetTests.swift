import Foundation
import Testing

@testable import FunnelCore

/// More than one pipeline: ids, names, where a deal is, and a deal moved between pipelines
/// through `Funnel.apply` with the target stage's rules.
@Suite("Pipelines: the set, adding, renaming, moving deals between them")
struct PipelineSetTests {
    var renewals: PipelineEntry { PipelineEntry(id: "renewals", pipeline: PipelineTemplate.b2b.pipeline) }
    var set: PipelineSet { PipelineSet(first: PipelineTemplate.simple.pipeline, others: [renewals]) }

    @Test func theFirstIsMainAndADealWithoutAPipelineIsInIt() throws {
        #expect(set.first.id == "main" && set.first.isFirst && set.first.storedID == nil)
        #expect(set.entries.map(\.id) == ["main", "renewals"])
        var deal = Fx.deal("A", id: "aaaa2222")
        #expect(set.home(of: deal) == "main")
        deal.pipeline = "renewals"
        #expect(set.home(of: deal) == "renewals")
        deal.pipeline = "gone"
        #expect(set.home(of: deal) == "main", "a deal whose pipeline is no longer there is never hidden")
        #expect(set.find("RENEWALS")?.id == "renewals" && set.find(" Simple ")?.id == "main" && set.find("main")?.id == "main")
        #expect(set.find("nope") == nil)
    }

    @Test func addingMakesAnIdFromTheNameAndRefusesClashes() throws {
        let added = try #require(
            PipelineSetEditing.add(
                "New Sales 2027", template: PipelineTemplate.powerlink.pipeline,
                to: set, by: Fx.manager
            ).success)
        #expect(added.1.id == "new-sales-2027" && added.1.pipeline.name == "New Sales 2027")
        #expect(added.0.entries.map(\.id) == ["main", "new-sales-2027", "renewals"], "the first, then the others by id")
        #expect(added.1.pipeline.stages == PipelineTemplate.powerlink.pipeline.stages)
        let hebrew = try #require(PipelineSetEditing.add("חידושים", template: PipelineTemplate.simple.pipeline, to: set, by: Fx.manager).success)
        #expect(hebrew.1.id == "pipeline", "no Latin letters: a generic id, never `stage`")
        func refusal(_ name: String, by actor: User = Fx.manager) -> Message? {
            PipelineSetEditing.add(name, template: PipelineTemplate.simple.pipeline, to: set, by: actor).failure?.message
        }
        #expect(refusal("renewals") == .pipelineNameTaken(name: "renewals"))
        #expect(refusal("SIMPLE") == .pipelineNameTaken(name: "SIMPLE"))
        #expect(refusal("main") == .pipelineNameTaken(name: "main"), "another pipeline's id is taken too")
        #expect(refusal("All") == .pipelineNameReserved(name: "All"))
        #expect(refusal("  ") == .emptyPipelineName)
        #expect(refusal("a\u{7}b") == .emptyPipelineName)
        #expect(refusal(String(repeating: "x", count: 61)) == .fieldTooLong(field: "name", limit: 60))
        #expect(refusal("Mine", by: Fx.rita) == .onlyManagersEditPipelines)
    }

    @Test func theOthersFollowTheFirstByIdWhateverTheFileOrder() {
        let other = { (id: String) in PipelineEntry(id: id, pipeline: PipelineTemplate.simple.pipeline) }
        // "foo-2.json" sorts before "foo.json"; the ids do not.
        let set = PipelineSet(first: PipelineTemplate.simple.pipeline, others: [other("foo-2"), other("foo"), other("bar")])
        #expect(set.entries.map(\.id) == ["main", "bar", "foo", "foo-2"])
    }

    @Test func aNewIdIsNeverAnotherPipelinesNameAndANameOfTwoIsAmbiguous() throws {
        var set = self.set
        set = try #require(PipelineSetEditing.add("X", template: PipelineTemplate.simple.pipeline, to: set, by: Fx.manager).success).0
        set = try #require(PipelineSetEditing.rename("x", to: "foo-2", in: set, by: Fx.manager).success).0
        set = try #require(PipelineSetEditing.add("Foo", template: PipelineTemplate.simple.pipeline, to: set, by: Fx.manager).success).0
        let bang = try #require(PipelineSetEditing.add("Foo!", template: PipelineTemplate.simple.pipeline, to: set, by: Fx.manager).success)
        #expect(bang.1.id == "foo-3", "foo-2 is the name of pipeline x")
        #expect(bang.0.find("foo-2")?.id == "x")
        // A hand edit (or a merge) gives pipeline foo another's id as its name: neither is meant.
        var edited = bang.0
        var foo = try #require(edited.entry(id: "foo"))
        foo.pipeline.name = "foo-3"
        edited.replace(foo)
        #expect(edited.matches("foo-3").map(\.id) == ["foo", "foo-3"] && edited.find("foo-3") == nil)
        #expect(
            PipelineSetEditing.rename("foo-3", to: "Other", in: edited, by: Fx.manager).failure?.message
                == .ambiguousPipeline(text: "foo-3", ids: ["foo", "foo-3"]))
        foo.pipeline.name = "FOO!"
        edited.replace(foo)
        #expect(edited.sharedNames == ["FOO!"], "for doctor: two pipelines named alike")
    }

    @Test func renamingKeepsTheId() throws {
        let renamed = try #require(PipelineSetEditing.rename("renewals", to: "Account renewals", in: set, by: Fx.manager).success)
        #expect(renamed.1.id == "renewals" && renamed.0.entry(id: "renewals")?.pipeline.name == "Account renewals")
        #expect(PipelineSetEditing.rename("renewals", to: "Renewals", in: set, by: Fx.manager).success != nil, "its own name, another case")
        #expect(PipelineSetEditing.rename("renewals", to: "simple", in: set, by: Fx.manager).failure?.message == .pipelineNameTaken(name: "simple"))
        #expect(
            PipelineSetEditing.rename("nope", to: "x", in: set, by: Fx.manager).failure?.message
                == .unknownPipeline(text: "nope", known: ["simple", "b2b"]))
        #expect(PipelineSetEditing.rename("main", to: "x", in: set, by: Fx.sam).failure?.message == .onlyManagersEditPipelines)
    }

    @Test func aDealMovesIntoAnotherPipelineRecordedInItsHistory() throws {
        let first = Fx.funnel()
        let deal = try Fx.create(value: 100)
        #expect(deal.pipeline == nil)
        let target = first.on(renewals)
        // R6 in the target: b2b's proposal needs a next action; refused, nothing changes.
        let refused = target.apply(.move(to: "proposal"), to: deal, by: Fx.rita, now: Fx.later(hours: 1))
        #expect(refused.failure?.message == .needsNextAction(stage: "Commercial proposal", proposed: Fx.day("2026-11-26")))
        // The same stage id in both pipelines is still an entry into the other pipeline.
        let moved = try #require(target.apply(.move(to: "opportunity"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success)
        #expect(moved.pipeline == "renewals" && moved.stage == "opportunity" && moved.revision == 2)
        #expect(moved.history.last == StageChange(at: Fx.later(hours: 1), by: "rita", from: "new", to: "opportunity", pipeline: "renewals"))
        // Within the pipeline, no pipeline is recorded; back to the first, `main` is, and the field goes.
        let onward = try #require(
            target.apply(
                .move(to: "proposal", nextAction: NextAction(date: Fx.day("2026-11-30"))),
                to: moved, by: Fx.rita, now: Fx.later(hours: 2)
            ).success)
        #expect(onward.history.last?.pipeline == nil && onward.pipeline == "renewals")
        let back = try #require(first.apply(.move(to: "new"), to: onward, by: Fx.rita, now: Fx.later(hours: 3)).success)
        #expect(back.pipeline == nil && back.stage == "new" && back.history.last?.pipeline == "main")
        #expect(
            first.apply(.move(to: "new"), to: back, by: Fx.rita, now: Fx.later(hours: 4)).failure?.message == .alreadyInStage(stage: "New inquiry"))
    }

    @Test func aDealCreatedInAPipelineIsInItAndReadsBackFromJSON() throws {
        let deal = try Fx.create(in: Fx.funnel().on(renewals))
        #expect(deal.pipeline == "renewals" && deal.stage == "opportunity")
        let data = try JSONEncoder().encode(deal)
        #expect(try JSONDecoder().decode(Deal.self, from: data) == deal)
        let old = try JSONEncoder().encode(try Fx.create())
        #expect(!String(decoding: old, as: UTF8.self).contains("pipeline"), "a deal of the first pipeline is written as before")
        var bad = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for wrong in ["../x", "main", "Renewals"] {
            bad["pipeline"] = wrong
            let text = try JSONSerialization.data(withJSONObject: bad)
            #expect(throws: DecodingError.self, "\(wrong)") { try JSONDecoder().decode(Deal.self, from: text) }
        }
    }

    /// `deal` moved by rita into the renewals pipeline's opportunity stage an hour later.
    func movedToRenewals(_ deal: Deal) throws -> Deal {
        try #require(
            Fx.funnel().on(renewals).apply(.move(to: "opportunity"), to: deal, by: Fx.rita, now: Fx.later(hours: 1)).success)
    }

    @Test func reportsSeeTheHistorySinceTheDealEnteredItsPipeline() throws {
        let deal = try Fx.create(value: 100)
        let moved = try movedToRenewals(deal)
        let seen = moved.historyInItsPipeline
        #expect(seen.history == [StageChange(at: Fx.later(hours: 1), by: "rita", from: nil, to: "opportunity", pipeline: "renewals")])
        #expect(deal.historyInItsPipeline == deal)
    }

    @Test func aMergeKeepsAStageWithItsPipeline() throws {
        let base = try Fx.create(value: 100)
        let moved = try movedToRenewals(base)
        var edited = base
        edited.title = "Renamed"
        edited.updated = Fx.later(hours: 2)
        let merged = try DealMerge.merge(base: base, ours: edited, theirs: moved).deal
        #expect(merged.title == "Renamed" && merged.stage == "opportunity" && merged.pipeline == "renewals")
        let back = try DealMerge.merge(base: base, ours: moved, theirs: edited).deal
        #expect(back.stage == "opportunity" && back.pipeline == "renewals")
    }
}
