import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// `P` on the board: the other pipeline at once with two, a list with more, a word with one; the
/// board then shows only the deals of the pipeline shown, and its name in the header.
@Suite("Switching pipelines on the board (P)")
struct PipelineSwitchTests {
    let renewals = PipelineEntry(
        id: "renewals",
        pipeline: {
            var p = PipelineTemplate.b2b.pipeline; p.name = "Renewals"; return p
        }())
    let partners = PipelineEntry(
        id: "partners",
        pipeline: {
            var p = PipelineTemplate.powerlink.pipeline; p.name = "Partners"; return p
        }())

    var renewalDeal: Deal {
        var deal = BoardFixtures.deal("rrrr7777", "Renewal 2027", stage: "opportunity")
        deal.pipeline = "renewals"
        return deal
    }

    @Test func withOnePipelinePSaysSoAndTheHeaderIsAsBefore() {
        var state = BoardFixtures.state()
        #expect(BoardFixtures.press([.char("P")], &state).isEmpty)
        #expect(state.status?.text.contains("one pipeline only") == true)
        state.pipelines = PipelineSet(first: PipelineTemplate.simple.pipeline)
        #expect(!BoardRender.render(state).text.contains("pipeline simple"))
    }

    @Test func withTwoPOpensTheOtherAndTheBoardShowsOnlyItsDeals() {
        var state = BoardFixtures.state(BoardFixtures.mixedDeals + [renewalDeal])
        let set = PipelineSet(first: PipelineTemplate.simple.pipeline, others: [renewals])
        state.pipelines = set
        state.replace(renewalDeal)
        #expect(state.deals["rrrr7777"] == nil, "a deal of another pipeline leaves the board shown")
        #expect(BoardRender.render(state).text.contains("pipeline simple"))
        #expect(BoardFixtures.press([.char("P")], &state) == [.openPipeline("renewals")])
        PipelineFlow.show(renewals, of: set, team: BoardFixtures.team, allDeals: BoardFixtures.mixedDeals + [renewalDeal], &state)
        #expect(state.funnel.pipelineID == "renewals" && state.deals.keys.sorted() == ["rrrr7777"])
        #expect(state.stages.map(\.id) == renewals.pipeline.stages.map(\.id), "no column of a missing stage for the other pipeline's deals")
        let text = BoardRender.render(state).text
        #expect(text.contains("pipeline Renewals") && text.contains("Renewal 2027") && !text.contains("CRM annual plan"))
        #expect(state.status?.text == "pipeline: Renewals")
        #expect(BoardFixtures.press([.char("P")], &state) == [.openPipeline("main")])
    }

    @Test func withMoreThanTwoPOpensAListTheOneShownSelected() {
        var state = BoardFixtures.state()
        state.pipelines = PipelineSet(first: PipelineTemplate.simple.pipeline, others: [partners, renewals])
        #expect(BoardFixtures.press([.char("P")], &state).isEmpty)
        guard case .picker(let picker)? = state.modal else {
            Issue.record("a list of pipelines")
            return
        }
        #expect(picker.options.map(\.label) == ["simple", "Partners", "Renewals"] && picker.selected == 0)
        #expect(BoardFixtures.press([.down, .enter], &state) == [.openPipeline("partners")])
    }
}
