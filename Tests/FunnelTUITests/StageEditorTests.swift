import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// The manager's stage editor (`S`): keys give the same `PipelineEdit`s as `funnel stages`.
@Suite("The stage editor on the board")
struct StageEditorTests {
    func editor(_ state: BoardState) -> StageEditor? {
        if case .stages(let editor)? = state.modal { return editor }
        return nil
    }

    @Test func onlyAManagerOpensIt() {
        var rep = BoardFixtures.state(actor: "yossi", boss: false)
        BoardFixtures.press([.char("S")], &rep)
        #expect(rep.modal == nil && rep.status?.text.contains("only a manager") == true)
        var manager = BoardFixtures.state()
        BoardFixtures.press([.char("S")], &manager)
        #expect(editor(manager) != nil && manager.keyContext == .stages)
        let grid = BoardRender.render(manager)
        #expect(grid.text.contains("Stages of simple") && grid.text.contains("Meeting / quote") && grid.text.contains("2 deals"))
        BoardFixtures.press([.escape], &manager)
        #expect(manager.modal == nil)
    }

    @Test func shiftArrowsReorderAndEveryKeyGivesADomainEdit() {
        var state = BoardFixtures.state()
        state.column = 2  // Follow-up
        BoardFixtures.press([.char("S")], &state)
        #expect(editor(state)?.selected == 2)
        #expect(BoardFixtures.press([.shiftUp], &state) == [.editPipeline(.moveStage("follow-up", to: .before("new")))])
        #expect(editor(state)?.selected == 1)
        BoardFixtures.press([.down], &state)
        #expect(BoardFixtures.press([.shiftDown], &state) == [.editPipeline(.moveStage("follow-up", to: .after("meeting")))])

        BoardFixtures.press([.char("a")], &state)
        BoardFixtures.type("Demo given", &state)
        let added = BoardFixtures.press([.enter], &state)
        #expect(added == [.editPipeline(.addStage(name: "Demo given", id: nil, place: .after("meeting"), settings: StageSettings()))])
        #expect(editor(state) != nil, "back in the editor")

        state.open(.stages(StageEditor(selected: 1)))
        BoardFixtures.press([.char("r")], &state)
        for _ in 0..<20 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("פנייה חדשה", &state)
        #expect(BoardFixtures.press([.enter], &state) == [.editPipeline(.renameStage("new", to: "פנייה חדשה"))])
    }

    @Test func limitsArePromptedAndChecked() {
        var state = BoardFixtures.state()
        state.open(.stages(StageEditor(selected: 2)))
        BoardFixtures.press([.char("l")], &state)
        guard case .prompt(let prompt)? = state.modal else { Issue.record("a prompt"); return }
        #expect(prompt.text == "7 20", "the current limits: \(prompt.text)")
        for _ in 0..<5 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("soon", &state)
        #expect(BoardFixtures.press([.enter], &state).isEmpty)
        guard case .prompt(let again)? = state.modal else { Issue.record("the prompt stays"); return }
        #expect(again.error?.contains("two numbers") == true)
        for _ in 0..<4 { BoardFixtures.press([.backspace], &state) }
        BoardFixtures.type("10 -", &state)
        #expect(
            BoardFixtures.press([.enter], &state)
                == [.editPipeline(.setStage("follow-up", StageSettings(stuckAfterDays: .set(10), probability: .set(nil))))])
        #expect(StageEditorFlow.limits("-") ?? (1, 1) == (nil, nil) && StageEditorFlow.limits("3, 40%")! == (3, 40))
    }

    @Test func removingAskesWhereTheDealsGoOrConfirmsAnEmptyStage() {
        var state = BoardFixtures.state()
        state.open(.stages(StageEditor(selected: 3)))  // Meeting / quote: two deals
        BoardFixtures.press([.char("d")], &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("a picker of targets"); return }
        #expect(!picker.options.contains { $0.value == "meeting" } && picker.title.contains("Meeting / quote"))
        BoardFixtures.press([.down, .down], &state)
        #expect(BoardFixtures.press([.enter], &state) == [.editPipeline(.removeStage("meeting", movingDealsTo: "follow-up"))])
        state.open(.stages(StageEditor(selected: 4)))  // Post-meeting: empty
        BoardFixtures.press([.char("d")], &state)
        guard case .confirm? = state.modal else { Issue.record("a question"); return }
        #expect(BoardFixtures.press([.char("n")], &state).isEmpty && editor(state)?.selected == 4)
        BoardFixtures.press([.char("d")], &state)
        #expect(BoardFixtures.press([.char("y")], &state) == [.editPipeline(.removeStage("onboarding", movingDealsTo: nil))])
    }

    @Test func r1AdviceShowsUnderTheStages() {
        var pipeline = BoardFixtures.funnel.pipeline
        pipeline.stages.insert(Stage(id: "demo", name: "Demo", kind: .open), at: 3)
        var state = BoardFixtures.state()
        state.funnel = Funnel(pipeline: pipeline, team: BoardFixtures.team)
        state.recompute(keeping: nil)
        state.open(.stages(StageEditor(selected: 0)))
        #expect(BoardRender.render(state).text.contains("more than 8 measurably hurts sales"))
    }
}

/// The report screen's figures open the deals behind them (the same `ReportDrill` as the command line).
@Suite("Opening a figure of the report")
struct ReportFigureDealsTests {
    @Test func tabChoosesAFigureAndEnterListsItsDealsThenOpensOne() {
        var state = BoardFixtures.state(width: 120, height: 40)
        BoardFixtures.press([.char("r")], &state)
        BoardFixtures.press([.enter], &state)
        #expect(state.status?.text.contains("Tab chooses a figure") == true)
        BoardFixtures.press([.tab], &state)
        guard case .report(let screen)? = state.modal else { Issue.record("the report"); return }
        #expect(screen.selected == 0)
        let lines = ReportView.lines(screen.report ?? state.report(screen), width: 118, state: state)
        #expect(lines[ReportView.figureRows(lines)[0]].figure == .stage("new"))
        BoardFixtures.press([.tab, .tab], &state)  // New inquiry → Follow-up → Meeting / quote
        BoardFixtures.press([.enter], &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("the deals: \(String(describing: state.modal))"); return }
        #expect(picker.title == "stage:meeting: 2")
        #expect(Set(picker.options.map(\.value)) == ["dddd4444", "eeee5555"])
        BoardFixtures.press([.escape], &state)
        guard case .report? = state.modal else { Issue.record("Esc goes back to the report"); return }
        BoardFixtures.press([.enter, .enter], &state)
        #expect(state.modal == nil && state.detail?.dealID == picker.options[0].value)
    }
}
