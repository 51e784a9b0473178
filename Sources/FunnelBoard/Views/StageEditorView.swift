import Foundation
import FunnelCore
import FunnelText

/// The stage editor (`S`): the pipeline's stages in board order with their kind, limits and
/// deals, the selected one marked; R1's warning or advice under them.
enum StageEditorView {
    static func draw(_ editor: StageEditor, state: BoardState, _ grid: inout Grid) {
        let stages = state.pipeline.stages
        let selected = StageEditorFlow.selected(editor, state)?.0 ?? 0
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 78, height: stages.count + 4)
        grid.box(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height,
            title: state.text(.stageEditorTitle, ["pipeline": state.pipeline.name]))
        var counts: [String: Int] = [:]
        for deal in state.deals.values { counts[deal.stage, default: 0] += 1 }
        let rows = rect.height - 4
        let top = max(0, min(selected - rows + 1, stages.count - rows))
        for row in 0..<max(0, rows) {
            let index = top + row
            guard stages.indices.contains(index) else { break }
            let isSelected = index == selected
            let text = (isSelected ? " ▸ " : "   ") + line(stages[index], deals: counts[stages[index].id, default: 0], state: state)
            grid.put(
                fitting: text, x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2, alignRight: state.rightToLeft,
                style: CellStyle(isSelected ? .selection : .overlay, bold: isSelected))
        }
        if let note = advice(state.pipeline, state: state) {
            grid.put(
                fitting: " " + note.text, x: rect.x + 1, y: rect.y + rect.height - 2, width: rect.width - 2,
                alignRight: state.rightToLeft, style: CellStyle(note.isWarning ? .danger : .dim, bold: note.isWarning))
        }
    }

    /// One stage: name, kind, days until stuck, probability, deals in it.
    static func line(_ stage: Stage, deals: Int, state: BoardState) -> String {
        let kinds: [StageKind: TextKey] = [.inbox: .stageKindInbox, .open: .stageKindOpen, .won: .stageKindWon, .lost: .stageKindLost]
        let name = DisplayWidth.fit(stage.name, to: 28)
        let kind = DisplayWidth.fit(state.text(kinds[stage.kind] ?? .stageKindOpen), to: 8)
        let stuck = DisplayWidth.fit(stage.stuckAfterDays.map { "⚑\($0)d" } ?? "⚑" + state.text(.stageEditorNever), to: 9)
        let probability = DisplayWidth.fit(stage.probability.map { "\($0)%" } ?? "—", to: 5)
        return [name, kind, stuck, probability, state.text(.stageEditorDeals, count: deals)].joined(separator: " ")
    }

    /// R1: the warning past 8 stages, else advice past 5 open ones.
    static func advice(_ pipeline: Pipeline, state: BoardState) -> (text: String, isWarning: Bool)? {
        if let warning = pipeline.warnings.first { return (warning.text(in: state.language), true) }
        return pipeline.openStagesPastAdvice.map { (state.text(.stageEditorAdvice, ["count": "\($0)"]), false) }
    }
}
