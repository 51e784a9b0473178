import Foundation
import FunnelCore

/// The manager's stage editor (`S`): pure steps from keys to `PipelineEdit`s. The driver runs each
/// edit through `PipelineEditing.plan` under the lock and reloads the board; the domain refuses
/// what it must (the last won stage, a duplicate name, a stage with deals and no target…).
enum StageEditorFlow {
    /// `S` on the board: the editor, for managers only.
    static func open(_ state: inout BoardState) -> [Effect] {
        BoardUpdate.requireManager({ Message.onlyManagersEditPipeline.text(in: $0.language) }, &state) { state in
            let current = state.stages.indices.contains(state.column) ? state.pipeline.index(of: state.stages[state.column].id) : nil
            state.open(.stages(StageEditor(selected: current ?? 0)))
            return []
        }
    }

    /// The selected stage, the selection kept within the pipeline (it may have shrunk on a reload).
    static func selected(_ editor: StageEditor, _ state: BoardState) -> (Int, Stage)? {
        let stages = state.pipeline.stages
        guard !stages.isEmpty else { return nil }
        let index = max(0, min(editor.selected, stages.count - 1))
        return (index, stages[index])
    }

    static func apply(_ action: Action, _ editor: StageEditor, _ state: inout BoardState) -> [Effect] {
        guard let (index, stage) = selected(editor, state) else {
            state.closeModal()
            return []
        }
        let count = state.pipeline.stages.count
        switch action {
        case .up: state.open(.stages(StageEditor(selected: max(0, index - 1))))
        case .down: state.open(.stages(StageEditor(selected: min(count - 1, index + 1))))
        case .stageUp, .stageDown:
            let up = action == .stageUp
            let neighbour = index + (up ? -1 : 1)
            guard state.pipeline.stages.indices.contains(neighbour) else { return [] }
            let other = state.pipeline.stages[neighbour].id
            state.open(.stages(StageEditor(selected: neighbour)))
            return [.editPipeline(.moveStage(stage.id, to: up ? .before(other) : .after(other)))]
        case .stageAdd:
            state.open(
                .prompt(
                    Prompt(
                        title: state.text(.promptNewStageTitle, ["stage": stage.name]),
                        label: state.text(.promptStageNameLabel), text: "", purpose: .newStage(after: stage.id))))
        case .stageRename:
            state.open(
                .prompt(
                    Prompt(
                        title: state.text(.promptRenameStageTitle, ["stage": stage.name]),
                        label: state.text(.promptStageNameLabel), text: stage.name,
                        purpose: .renameStage(stageID: stage.id))))
        case .stageLimits:
            let current = (stage.stuckAfterDays.map(String.init) ?? "-") + " " + (stage.probability.map(String.init) ?? "-")
            state.open(
                .prompt(
                    Prompt(
                        title: state.text(.promptStageLimitsTitle, ["stage": stage.name]),
                        label: state.text(.promptStageLimitsLabel), text: current,
                        purpose: .stageLimits(stageID: stage.id))))
        case .stageRemove: return remove(stage, &state)
        case .cancel: state.closeModal()
        default: break
        }
        return []
    }

    /// A stage without deals goes once confirmed; one with deals asks where they go first.
    static func remove(_ stage: Stage, _ state: inout BoardState) -> [Effect] {
        let holds = state.deals.values.contains { $0.stage == stage.id }
        guard holds else {
            state.open(
                .confirm(
                    Confirm(
                        title: state.text(.confirmRemoveStageTitle, ["stage": stage.name]),
                        question: state.text(.confirmRemoveStageQuestion, ["stage": stage.name]),
                        purpose: .removeStage(stageID: stage.id))))
            return []
        }
        let targets = state.pipeline.stages.filter { $0.id != stage.id }.map { PickerOption(value: $0.id, label: $0.name) }
        state.open(
            .picker(
                Picker(
                    title: state.text(.pickRemoveStageTarget, ["stage": stage.name]), options: targets,
                    selected: 0, purpose: .removeStage(stageID: stage.id))))
        return []
    }

    /// The answer to "remove this empty stage?".
    static func answer(_ action: Action, stageID: String, _ state: inout BoardState) -> [Effect] {
        switch action {
        case .yes:
            back(to: stageID, &state)
            return [.editPipeline(.removeStage(stageID, movingDealsTo: nil))]
        case .no, .cancel:
            back(to: stageID, &state)
            return []
        default: return []
        }
    }

    /// Back to the editor on the stage `id` (or where it was) after a prompt or a picker.
    static func back(to id: String?, _ state: inout BoardState) {
        let index = id.flatMap { state.pipeline.index(of: $0) } ?? 0
        state.open(.stages(StageEditor(selected: index)))
    }

    /// A prompt of the editor answered: the edit to make, or the prompt again with what is wrong.
    static func submit(_ prompt: Prompt, _ state: inout BoardState) -> [Effect] {
        switch prompt.purpose {
        case .newStage(let after):
            back(to: after, &state)
            if case .stages(var editor)? = state.modal {
                editor.selected += 1
                state.open(.stages(editor))
            }
            return [.editPipeline(.addStage(name: prompt.text, id: nil, place: .after(after), settings: StageSettings()))]
        case .renameStage(let id):
            back(to: id, &state)
            return [.editPipeline(.renameStage(id, to: prompt.text))]
        case .stageLimits(let id):
            guard let (days, percent) = limits(prompt.text) else {
                var again = prompt
                again.error = state.text(.errStageLimits)
                state.open(.prompt(again))
                return []
            }
            back(to: id, &state)
            return [.editPipeline(.setStage(id, StageSettings(stuckAfterDays: .set(days), probability: .set(percent))))]
        default: return []
        }
    }

    /// "7 20", "7, 20%", "- 20", "-": days until stuck and probability; `-` (or nothing) for none.
    static func limits(_ text: String) -> (Int?, Int?)? {
        let words = text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "%", with: " ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count <= 2 else { return nil }
        var values: [Int?] = []
        for word in words {
            if word == "-" {
                values.append(nil)
            } else if let number = Int(word) {
                values.append(number)
            } else {
                return nil
            }
        }
        while values.count < 2 { values.append(nil) }
        return (values[0], values[1])
    }
}
