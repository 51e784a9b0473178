import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// What follows a write that did not happen, decided by the pure update (`WriteFlow`): what is
/// read again and what the status line says. `Disk` plays the driver: it answers `.reload`
/// from a set of deal files, then applies the follow-up, as `BoardApp` does.
@Suite("Refused and failed writes")
struct WriteFailureTests {
    /// The deal files the driver would read.
    struct Disk {
        var deals: [String: Deal]

        /// Runs the board's effects as the driver would, for reloads only; the others are returned.
        func run(_ effects: [Effect], _ state: inout BoardState) -> [Effect] {
            var rest: [Effect] = []
            for effect in effects {
                guard case .reload(let ids, let then) = effect else {
                    rest.append(effect)
                    continue
                }
                if let ids {
                    let changed = ids.compactMap { deals[$0] }
                    let removed = ids.filter { deals[$0] == nil }
                    rest += run(BoardUpdate.apply(.changedElsewhere(changed: changed, removed: removed), &state), &state)
                } else {
                    rest += run(BoardUpdate.apply(.reloaded(state.pipeline, state.funnel.team, Array(deals.values)), &state), &state)
                }
                if let then { rest += run(BoardUpdate.apply(then, &state), &state) }
            }
            return rest
        }
    }

    func selectingFirstNewDeal() -> BoardState {
        var state = BoardFixtures.state()
        state.column = state.stages.firstIndex { $0.id == "new" }!
        state.rows[state.column] = state.columns[state.column].firstIndex { $0.id == "aaaa1111" }!
        return state
    }

    func statusLine(_ state: BoardState) -> String { BoardRender.render(state).line(state.height - 1) }

    @Test func aRefusedSaveReadsTheDealAgainAndSaysWhy() {
        var state = selectingFirstNewDeal()
        let effects = BoardFixtures.press([.shiftRight], &state)
        guard case .save(_, let after)? = effects.first else {
            Issue.record("a save: \(effects)")
            return
        }
        #expect(state.deals["aaaa1111"]?.stage == after.stage)
        var onDisk = BoardFixtures.mixedDeals.first { $0.id == "aaaa1111" }!
        onDisk.title = "Renamed by a teammate"
        onDisk.revision += 1
        let stale = Message.staleDeal(dealTitle: onDisk.title)
        let next = BoardUpdate.apply(.saveFailed(dealID: "aaaa1111", .refused(stale)), &state)
        #expect(next == [.reload(deals: ["aaaa1111"], then: .problem("not saved: " + stale.text(in: .en)))])
        #expect(Disk(deals: ["aaaa1111": onDisk]).run(next, &state).isEmpty)
        #expect(state.deals["aaaa1111"] == onDisk)
        #expect(statusLine(state).contains("not saved: “Renamed by a teammate” was changed elsewhere"))
        #expect(state.status?.isError == true)
        #expect(BoardRender.render(state).text.contains("Renamed by a teammate"))
    }

    @Test func aSaveOfADealGoneTakesItsCardOff() {
        var state = selectingFirstNewDeal()
        BoardFixtures.press([.enter], &state)
        let next = BoardUpdate.apply(.saveFailed(dealID: "aaaa1111", .gone), &state)
        #expect(next == [.reload(deals: ["aaaa1111"], then: .problem("not saved: the deal is gone"))])
        _ = Disk(deals: [:]).run(next, &state)
        #expect(state.deals["aaaa1111"] == nil && state.detail == nil && state.focus == .board)
        #expect(statusLine(state).contains("not saved: the deal is gone"))
        #expect(!BoardRender.render(state).text.contains("CRM annual plan"))
    }

    @Test func aStoreErrorReadsEverythingAgain() {
        var state = selectingFirstNewDeal()
        let next = BoardUpdate.apply(.saveFailed(dealID: "aaaa1111", .error("disk full")), &state)
        #expect(next == [.reload(deals: nil, then: .problem("not saved: disk full"))])
        let disk = Dictionary(uniqueKeysWithValues: BoardFixtures.mixedDeals.map { ($0.id, $0) })
        _ = Disk(deals: disk).run(next, &state)
        #expect(statusLine(state).contains("not saved: disk full"))
    }

    @Test func anUndoOfACreatedDealThatIsGoneSaysNothing() {
        var state = selectingFirstNewDeal()
        #expect(BoardUpdate.apply(.removeFailed(dealID: "zzzz9999", .gone), &state) == [.reload(deals: nil, then: nil)])
        let refused = BoardUpdate.apply(.removeFailed(dealID: "zzzz9999", .error("read-only")), &state)
        #expect(refused == [.reload(deals: nil, then: .problem("not removed: read-only"))])
    }

    @Test func theStageEditorsChangeReadsEverythingAgainThenSaysSaved() {
        var state = selectingFirstNewDeal()
        let saved = BoardUpdate.apply(.pipelineEdited(nil), &state)
        #expect(saved == [.reload(deals: nil, then: .pipelineSaved)])
        _ = Disk(deals: Dictionary(uniqueKeysWithValues: BoardFixtures.mixedDeals.map { ($0.id, $0) })).run(saved, &state)
        #expect(statusLine(state).contains(state.text(.statusStagesSaved)) && state.status?.isError == false)
        let refused = BoardUpdate.apply(.pipelineEdited(.refused(.onlyManagersEditPipeline)), &state)
        #expect(refused == [.reload(deals: nil, then: .problem("not saved: " + Message.onlyManagersEditPipeline.text(in: .en)))])
    }

    @Test func aReadThatFailsKeepsTheBoardAndSaysWhy() {
        var state = selectingFirstNewDeal()
        let before = BoardRender.render(state).line(4)
        #expect(BoardUpdate.apply(.readFailed("pipeline.json: not JSON"), &state).isEmpty)
        #expect(statusLine(state).contains("could not reload: pipeline.json: not JSON"))
        #expect(BoardRender.render(state).line(4) == before)
    }

    @Test func everythingReadAgainShowsTheGoalsAndTheWarning() {
        var state = selectingFirstNewDeal()
        let set = PipelineSet(first: state.pipeline)
        var deals = BoardFixtures.mixedDeals
        deals.removeAll { $0.id == "bbbb2222" }
        let data = BoardData(pipelines: set, team: state.funnel.team, deals: deals, goals: nil, warning: "1 deal file skipped")
        #expect(BoardUpdate.apply(.dataRead(data), &state).isEmpty)
        #expect(state.deals["bbbb2222"] == nil && state.pipelines == set)
        #expect(statusLine(state).contains("1 deal file skipped"))
        // A pipeline asked for that is gone: the one shown is read again.
        #expect(BoardUpdate.apply(.pipelineRead(id: "gone", data), &state).isEmpty)
        #expect(state.funnel.pipelineID == set.first.id)
    }
}
