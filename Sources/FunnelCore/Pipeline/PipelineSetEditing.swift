import Foundation

/// Adding and renaming pipelines (`funnel pipelines`): managers only; names unique regardless of
/// case and of another pipeline's id, never `all` (`--pipeline all`). A refusal changes nothing.
public enum PipelineSetEditing {
    /// `set` with a new pipeline named `name` made from `template`, and the new entry; or why not.
    public static func add(_ name: String, template: Pipeline, to set: PipelineSet, by actor: User) -> Result<(PipelineSet, PipelineEntry), Refusal> {
        guard actor.role == .manager else { return .failure(Refusal(.onlyManagersEditPipelines)) }
        guard set.entries.count < PipelineSet.maximumCount else {
            return .failure(Refusal(.tooManyPipelines(limit: PipelineSet.maximumCount)))
        }
        let checked: String
        switch checkedName(name, in: set, except: nil) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let value): checked = value
        }
        // No id may be another pipeline's name either, or `--pipeline` would mean two things.
        let taken = Set(set.entries.map(\.id) + set.entries.map { PipelineSet.folded($0.pipeline.name) } + [PipelineSet.everyPipeline])
        var made = StageIdentifier.make(from: checked, taken: taken)
        if made == "stage" || made.hasPrefix("stage-") { made = StageIdentifier.make(from: "pipeline", taken: taken) }
        var pipeline = template
        pipeline.name = checked
        let entry = PipelineEntry(id: made, pipeline: pipeline)
        var next = set
        next.append(entry)
        return .success((next, entry))
    }

    /// `set` with the pipeline `text` names renamed to `name`, and the renamed entry; or why not.
    /// The id stays, so deals and scripts keep finding it.
    public static func rename(_ text: String, to name: String, in set: PipelineSet, by actor: User) -> Result<(PipelineSet, PipelineEntry), Refusal> {
        guard actor.role == .manager else { return .failure(Refusal(.onlyManagersEditPipelines)) }
        let found = set.matches(text)
        if found.count > 1 { return .failure(Refusal(.ambiguousPipeline(text: text, ids: found.map(\.id)))) }
        guard var entry = found.first else {
            return .failure(Refusal(.unknownPipeline(text: text, known: set.names)))
        }
        switch checkedName(name, in: set, except: entry.id) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let checked): entry.pipeline.name = checked
        }
        var next = set
        next.replace(entry)
        return .success((next, entry))
    }

    /// A pipeline name as typed, trimmed, or why it cannot be one: not empty, no control
    /// characters, at most `Limits.stageNameLength`, not `all`, and no other pipeline's name or id.
    static func checkedName(_ name: String, in set: PipelineSet, except id: String?) -> Result<String, Refusal> {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(Refusal(.emptyPipelineName))
        }
        guard trimmed.count <= Limits.stageNameLength else {
            return .failure(Refusal(.fieldTooLong(field: "name", limit: Limits.stageNameLength)))
        }
        let folded = PipelineSet.folded(trimmed)
        guard folded != PipelineSet.everyPipeline else { return .failure(Refusal(.pipelineNameReserved(name: trimmed))) }
        let clash = set.entries.contains { $0.id != id && (PipelineSet.folded($0.pipeline.name) == folded || $0.id == folded) }
        return clash ? .failure(Refusal(.pipelineNameTaken(name: trimmed))) : .success(trimmed)
    }
}
