import Foundation
import Testing

@testable import FunnelCore

@Suite("Changing stages and lost reasons (PipelineEditing)")
struct PipelineEditingTests {
    let simple = PipelineTemplate.simple.pipeline
    let now = Fx.now
    let manager = User(account: "dana", name: "Dana", role: .manager)
    let rep = User(account: "rita", name: "Rita", role: .rep)

    func apply(_ edit: PipelineEdit, counts: [String: Int] = [:]) -> Result<Pipeline, Refusal> {
        PipelineEditing.apply(edit, to: simple, dealCounts: counts)
    }

    func refusal(_ result: Result<Pipeline, Refusal>) -> Message? {
        if case .failure(let refusal) = result { return refusal.message }
        return nil
    }

    @Test func stageIDsAreMadeFromNamesAndNeverCollide() {
        #expect(StageIdentifier.make(from: "Meeting / quote", taken: []) == "meeting-quote")
        #expect(StageIdentifier.make(from: "  Demo  given! ", taken: ["demo-given"]) == "demo-given-2")
        #expect(StageIdentifier.make(from: "פגישה שנייה", taken: ["stage"]) == "stage-2")
        #expect(StageIdentifier.make(from: String(repeating: "long ", count: 30), taken: []).count <= StageIdentifier.maximumLength)
        #expect(
            StageIdentifier.isValid("follow-up") && !StageIdentifier.isValid("Follow-up") && !StageIdentifier.isValid("a--b")
                && !StageIdentifier.isValid("../x") && !StageIdentifier.isValid(""))
    }

    @Test func addPlacesAStageAfterTheOpenOnesOrWhereAsked() throws {
        let added = try apply(.addStage(name: "Demo given", id: nil, place: nil, settings: StageSettings(stuckAfterDays: .set(5)))).get()
        let ids = added.stages.map(\.id)
        #expect(ids.firstIndex(of: "demo-given") == ids.firstIndex(of: "customer")! - 1, "\(ids)")
        #expect(added.stage(id: "demo-given")?.stuckAfterDays == 5 && added.stage(id: "demo-given")?.kind == .open)
        let placed = try apply(.addStage(name: "Qualified", id: "qualified", place: .after("new"), settings: StageSettings())).get()
        #expect(placed.stages.map(\.id).prefix(3) == ["unsorted", "new", "qualified"])
        let before = try apply(
            .addStage(
                name: "Won big", id: nil, place: .before("Customer"),
                settings: StageSettings(kind: .won, probability: .set(100)))
        ).get()
        #expect(before.index(of: "won-big") == before.index(of: "customer")! - 1)
    }

    @Test func badAddsAreRefusedWithTheReason() {
        #expect(
            refusal(apply(.addStage(name: "follow-UP", id: nil, place: nil, settings: StageSettings())))
                == .stageNameTaken(name: "follow-UP"))
        #expect(refusal(apply(.addStage(name: "X", id: "new", place: nil, settings: StageSettings()))) == .stageIDTaken(id: "new"))
        #expect(refusal(apply(.addStage(name: "X", id: "Bad Id", place: nil, settings: StageSettings()))) == .badStageID(id: "Bad Id"))
        #expect(refusal(apply(.addStage(name: "  ", id: nil, place: nil, settings: StageSettings()))) == .emptyStageName)
        #expect(
            refusal(apply(.addStage(name: "X", id: nil, place: nil, settings: StageSettings(probability: .set(150)))))
                == .settingOutOfRange(setting: "probability", value: 150, range: Limits.probability))
        #expect(
            refusal(apply(.addStage(name: "X", id: nil, place: .before("unsorted"), settings: StageSettings())))
                == .inboxStaysFirst(stage: "Unsorted"))
        #expect(
            refusal(apply(.addStage(name: "X", id: nil, place: .after("nowhere"), settings: StageSettings())))
                == .unknownStage(text: "nowhere", known: simple.stages.map(\.id)))
    }

    @Test func theLastWonOrOpenStageStaysAndTheInboxStaysFirst() {
        #expect(refusal(apply(.removeStage("customer", movingDealsTo: nil))) == .pipelineNeedsKind(kind: "won"))
        #expect(refusal(apply(.setStage("customer", StageSettings(kind: .open)))) == .pipelineNeedsKind(kind: "won"))
        #expect(refusal(apply(.removeStage("unsorted", movingDealsTo: "new"))) == .inboxStaysFirst(stage: "Unsorted"))
        #expect(refusal(apply(.moveStage("unsorted", to: .after("new")))) == .inboxStaysFirst(stage: "Unsorted"))
        #expect(refusal(apply(.moveStage("new", to: .after("new")))) == .stagePlacedByItself(stage: "New inquiry"))
    }

    @Test func aStageWithDealsNeedsATargetAndKeepsItsKind() {
        #expect(
            refusal(apply(.removeStage("follow-up", movingDealsTo: nil), counts: ["follow-up": 3]))
                == .stageStillHasDeals(stage: "Follow-up", id: "follow-up", count: 3))
        #expect(
            refusal(apply(.removeStage("follow-up", movingDealsTo: "follow-up"), counts: ["follow-up": 3]))
                == .stagePlacedByItself(stage: "Follow-up"))
        #expect(
            refusal(apply(.setStage("follow-up", StageSettings(kind: .lost)), counts: ["follow-up": 1]))
                == .stageKindWithDeals(stage: "Follow-up", count: 1))
        #expect((try? apply(.removeStage("follow-up", movingDealsTo: nil), counts: [:]).get())?.stage(id: "follow-up") == nil)
    }

    @Test func moveRenameAndSet() throws {
        let moved = try apply(.moveStage("meeting", to: .before("new"))).get()
        #expect(moved.stages.map(\.id).prefix(4) == ["unsorted", "meeting", "new", "follow-up"])
        let renamed = try apply(.renameStage("meeting", to: "פגישה")).get()
        #expect(renamed.stage(id: "meeting")?.name == "פגישה")
        let set = try apply(.setStage("new", StageSettings(stuckAfterDays: .set(nil), probability: .set(15), requires: [.nextAction]))).get()
        #expect(
            set.stage(id: "new")?.stuckAfterDays == nil && set.stage(id: "new")?.probability == 15
                && set.stage(id: "new")?.requires == [.nextAction])
    }

    @Test func lostReasons() throws {
        let added = try apply(.addLostReason(" Went with a cousin ")).get()
        #expect(added.lostReasons.last == "Went with a cousin")
        #expect(refusal(apply(.addLostReason("price"))) == .lostReasonExists(reason: "price"))
        #expect(refusal(apply(.addLostReason("a\u{1B}[31m"))) == .emptyLostReason)
        #expect(try apply(.removeLostReason("PRICE")).get().findLostReason("Price") == nil)
        var one = simple
        one.lostReasons = ["Price"]
        #expect(refusal(PipelineEditing.apply(.removeLostReason("Price"), to: one, dealCounts: [:])) == .lastLostReason(reason: "Price"))
    }

    func deal(_ id: String, stage: String, value: Decimal? = nil) -> Deal {
        Deal(
            id: id, title: "Deal \(id)", value: value, currency: "ILS", owner: "rita", stage: stage, created: now,
            stageEntered: now, nextAction: NextAction(date: Day(now, utcOffset: 0).adding(days: 2)),
            history: [StageChange(at: now, by: "rita", from: nil, to: stage)])
    }

    @Test func removingWithATargetMovesEachDealThroughTheRulesOrNothing() throws {
        let team = Team(users: [manager, rep])
        let funnel = Funnel(pipeline: simple, team: team)
        let deals = [deal("aaaa1111", stage: "meeting", value: 100), deal("bbbb2222", stage: "meeting"), deal("cccc3333", stage: "new")]
        let refused = PipelineEditing.plan(
            .removeStage("meeting", movingDealsTo: "customer"), funnel: funnel, deals: deals,
            by: manager, now: now)
        guard case .failure(let refusal) = refused, case .dealsRefusedMove(_, _, let count, let first) = refusal.message else {
            Issue.record("a won target needs a value on every deal: \(refused)")
            return
        }
        #expect(count == 1 && first.contains("bbbb2222"))
        let plan = try PipelineEditing.plan(
            .removeStage("meeting", movingDealsTo: "onboarding"), funnel: funnel, deals: deals,
            by: manager, now: now
        ).get()
        #expect(plan.pipeline.stage(id: "meeting") == nil && plan.moved.map(\.id) == ["aaaa1111", "bbbb2222"])
        #expect(
            plan.moved.allSatisfy {
                $0.stage == "onboarding" && $0.history.last == StageChange(at: now, by: "dana", from: "meeting", to: "onboarding")
            })
        #expect(plan.moved.allSatisfy { $0.revision == 2 })
        let byRep = PipelineEditing.plan(.addLostReason("x"), funnel: funnel, deals: deals, by: rep, now: now)
        #expect(throws: Refusal.self) { try byRep.get() }
    }

    @Test func aDealInAStageThePipelineLacksIsFlagged() {
        let lost = deal("dddd4444", stage: "demo-given")
        #expect(DealFlags.of(lost, pipeline: simple, now: now, utcOffset: 0) == [.stageMissing])
    }
}
