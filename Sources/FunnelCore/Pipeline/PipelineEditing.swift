import Foundation

/// Applies a `PipelineEdit`: the one place stages and lost reasons change, from the command line
/// or the board. A refused edit says why and changes nothing.
public enum PipelineEditing {
    /// `pipeline` after `edit`, or why not. `dealCounts` is how many deals each stage id holds now.
    public static func apply(_ edit: PipelineEdit, to pipeline: Pipeline, dealCounts: [String: Int]) -> Result<Pipeline, Refusal> {
        var next = pipeline
        let outcome: Refusal?
        switch edit {
        case .addStage(let name, let id, let place, let settings):
            outcome = addStage(name: name, id: id, place: place, settings: settings, to: &next)
        case .renameStage(let text, let name):
            outcome = renameStage(text, to: name, in: &next)
        case .moveStage(let text, let place):
            outcome = moveStage(text, to: place, in: &next)
        case .setStage(let text, let settings):
            outcome = setStage(text, settings, in: &next, dealCounts: dealCounts)
        case .removeStage(let text, let target):
            outcome = removeStage(text, movingDealsTo: target, in: &next, dealCounts: dealCounts)
        case .addLostReason(let reason):
            outcome = addLostReason(reason, to: &next)
        case .removeLostReason(let reason):
            outcome = removeLostReason(reason, from: &next)
        }
        if let outcome { return .failure(outcome) }
        if let refusal = wholeRefusal(next) { return .failure(refusal) }
        return .success(next)
    }

    /// What every pipeline an edit leaves must have: an open, a won and a lost stage.
    static func wholeRefusal(_ pipeline: Pipeline) -> Refusal? {
        for kind in [StageKind.open, .won, .lost] where !pipeline.stages.contains(where: { $0.kind == kind }) {
            return Refusal(.pipelineNeedsKind(kind: kind.rawValue))
        }
        return nil
    }

    static func find(_ text: String, in pipeline: Pipeline) -> Result<Stage, Refusal> {
        pipeline.findStage(text).map { .success($0) }
            ?? .failure(Refusal(.unknownStage(text: text, known: pipeline.stages.map(\.id))))
    }

    /// A stage name as typed, trimmed, or why it cannot be one.
    static func checkedName(_ name: String, in pipeline: Pipeline, except id: String? = nil) -> Result<String, Refusal> {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(Refusal(.emptyStageName)) }
        guard trimmed.count <= Limits.stageNameLength else {
            return .failure(Refusal(.fieldTooLong(field: "name", limit: Limits.stageNameLength)))
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(Refusal(.emptyStageName))
        }
        if pipeline.stages.contains(where: { $0.id != id && $0.name.lowercased() == trimmed.lowercased() }) {
            return .failure(Refusal(.stageNameTaken(name: trimmed)))
        }
        return .success(trimmed)
    }

    static func addStage(name: String, id: String?, place: StagePlace?, settings: StageSettings, to pipeline: inout Pipeline) -> Refusal? {
        let checked: String
        switch checkedName(name, in: pipeline) {
        case .failure(let refusal): return refusal
        case .success(let value): checked = value
        }
        let taken = Set(pipeline.stages.map(\.id))
        let newID = id ?? StageIdentifier.make(from: checked, taken: taken)
        guard StageIdentifier.isValid(newID) else { return Refusal(.badStageID(id: newID)) }
        guard !taken.contains(where: { $0.lowercased() == newID }) else { return Refusal(.stageIDTaken(id: newID)) }
        var stage = Stage(id: newID, name: checked, kind: settings.kind ?? .open)
        if let refusal = update(&stage, with: settings) { return refusal }
        let index: Int
        if let place {
            switch position(of: place, in: pipeline, moving: nil) {
            case .failure(let refusal): return refusal
            case .success(let at): index = at
            }
        } else {
            index = (pipeline.stages.lastIndex { $0.kind == .open || $0.kind == .inbox } ?? -1) + 1
        }
        pipeline.stages.insert(stage, at: index)
        return nil
    }

    /// The index a stage placed at `place` takes, once `moving` (if any) has been taken out.
    static func position(of place: StagePlace, in pipeline: Pipeline, moving: String?) -> Result<Int, Refusal> {
        let (text, after): (String, Bool) = {
            switch place {
            case .after(let text): return (text, true)
            case .before(let text): return (text, false)
            }
        }()
        let anchor: Stage
        switch find(text, in: pipeline) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let stage): anchor = stage
        }
        if anchor.id == moving { return .failure(Refusal(.stagePlacedByItself(stage: anchor.name))) }
        if anchor.kind == .inbox && !after { return .failure(Refusal(.inboxStaysFirst(stage: anchor.name))) }
        let others = pipeline.stages.filter { $0.id != moving }
        let at = others.firstIndex { $0.id == anchor.id } ?? others.count
        return .success(after ? at + 1 : at)
    }

    static func renameStage(_ text: String, to name: String, in pipeline: inout Pipeline) -> Refusal? {
        switch find(text, in: pipeline) {
        case .failure(let refusal): return refusal
        case .success(let stage):
            switch checkedName(name, in: pipeline, except: stage.id) {
            case .failure(let refusal): return refusal
            case .success(let checked):
                if let index = pipeline.index(of: stage.id) { pipeline.stages[index].name = checked }
                return nil
            }
        }
    }

    static func moveStage(_ text: String, to place: StagePlace, in pipeline: inout Pipeline) -> Refusal? {
        switch find(text, in: pipeline) {
        case .failure(let refusal): return refusal
        case .success(let stage):
            if stage.kind == .inbox { return Refusal(.inboxStaysFirst(stage: stage.name)) }
            switch position(of: place, in: pipeline, moving: stage.id) {
            case .failure(let refusal): return refusal
            case .success(let index):
                pipeline.stages.removeAll { $0.id == stage.id }
                pipeline.stages.insert(stage, at: index)
                return nil
            }
        }
    }
}
