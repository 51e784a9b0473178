import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// The board as it opens (`BoardState.opening`): whose cards, which pipeline, what is said.
@Suite("Opening the board")
struct BoardOpeningTests {
    let data = BoardData(
        pipelines: PipelineSet(first: BoardFixtures.funnel.pipeline), team: BoardFixtures.team,
        deals: BoardFixtures.mixedDeals, goals: nil, warning: nil)

    func open(_ data: BoardData, account: String, goalsProblem: String? = nil) -> BoardState? {
        BoardState.opening(
            data, account: account, pipeline: "no-such-pipeline", goalsProblem: goalsProblem, now: BoardFixtures.now,
            utcOffset: 0, seed: 1)
    }

    @Test func aManagerSeesEveryonesCardsAndARepTheirOwn() throws {
        let manager = try #require(open(data, account: "dana"))
        #expect(manager.scope == .everyone && manager.focus == .board)
        #expect(manager.funnel.pipelineID == data.pipelines.first.id)
        #expect(manager.columnIDs.joined().contains("cccc3333"))  // Layla's
        let rep = try #require(open(data, account: "yossi"))
        #expect(rep.scope == .mine)
        #expect(!rep.columnIDs.joined().contains("cccc3333") && rep.columnIDs.joined().contains("aaaa1111"))
    }

    @Test func theBoardOpensWithTheArchiveRuleItIsGiven() throws {
        var old = BoardFixtures.deal("zzzz9999", "Won in spring", stage: "customer", next: nil, enteredDaysAgo: 200)
        old.owner = "dana"
        var withOld = data
        withOld.dealsByID[old.id] = old
        let standard = try #require(open(withOld, account: "dana"))
        #expect(!standard.columnIDs.joined().contains("zzzz9999") && standard.index.archived.reduce(0, +) == 1)
        let keeping = try #require(
            BoardState.opening(
                withOld, account: "dana", pipeline: "no-such-pipeline", goalsProblem: nil, now: BoardFixtures.now, utcOffset: 0,
                seed: 1, archive: ArchiveRule(days: 0)))
        #expect(keeping.archive.days == 0 && keeping.columnIDs.joined().contains("zzzz9999"))
    }

    @Test func someoneNotOnTheTeamGetsNoBoard() {
        #expect(open(data, account: "mallory") == nil)
    }

    @Test func goalsThatCannotBeReadAreSaidAndASkippedFileSaidLast() throws {
        let board = try #require(open(data, account: "dana", goalsProblem: "goals.json: not JSON"))
        #expect(board.status == StatusMessage(text: "goals.json: not JSON", isError: true) && board.goals.isEmpty)
        var skipping = data
        skipping.warning = "1 deal file skipped"
        let warned = try #require(open(skipping, account: "dana", goalsProblem: "goals.json: not JSON"))
        #expect(BoardRender.render(warned).line(warned.height - 1).contains("1 deal file skipped"))
    }
}
