import Foundation

extension PipelineEditing {
    /// `stage` with `settings` applied, each value checked against `Limits`.
    static func update(_ stage: inout Stage, with settings: StageSettings) -> Refusal? {
        if let kind = settings.kind {
            guard kind != .inbox else { return Refusal(.inboxStaysFirst(stage: stage.name)) }
            stage.kind = kind
        }
        stage.stuckAfterDays = settings.stuckAfterDays.applied(to: stage.stuckAfterDays)
        stage.probability = settings.probability.applied(to: stage.probability)
        if let requires = settings.requires { stage.requires = requires }
        if let days = stage.stuckAfterDays, !Limits.stuckAfterDays.contains(days) {
            return Refusal(.settingOutOfRange(setting: "stuck", value: days, range: Limits.stuckAfterDays))
        }
        if let percent = stage.probability, !Limits.probability.contains(percent) {
            return Refusal(.settingOutOfRange(setting: "probability", value: percent, range: Limits.probability))
        }
        return nil
    }

    static func setStage(_ text: String, _ settings: StageSettings, in pipeline: inout Pipeline, dealCounts: [String: Int]) -> Refusal? {
        switch find(text, in: pipeline) {
        case .failure(let refusal): return refusal
        case .success(let stage):
            if let kind = settings.kind, kind != stage.kind {
                if stage.kind == .inbox { return Refusal(.inboxStaysFirst(stage: stage.name)) }
                let count = dealCounts[stage.id, default: 0]
                if count > 0 { return Refusal(.stageKindWithDeals(stage: stage.name, count: count)) }
            }
            var changed = stage
            if let refusal = update(&changed, with: settings) { return refusal }
            if let index = pipeline.index(of: stage.id) { pipeline.stages[index] = changed }
            return nil
        }
    }

    static func removeStage(
        _ text: String, movingDealsTo target: String?, in pipeline: inout Pipeline,
        dealCounts: [String: Int]
    ) -> Refusal? {
        let stage: Stage
        switch find(text, in: pipeline) {
        case .failure(let refusal): return refusal
        case .success(let found): stage = found
        }
        if stage.kind == .inbox { return Refusal(.inboxStaysFirst(stage: stage.name)) }
        let count = dealCounts[stage.id, default: 0]
        if let target {
            switch find(target, in: pipeline) {
            case .failure(let refusal): return refusal
            case .success(let other) where other.id == stage.id: return Refusal(.stagePlacedByItself(stage: stage.name))
            case .success: break
            }
        } else if count > 0 {
            return Refusal(.stageStillHasDeals(stage: stage.name, id: stage.id, count: count))
        }
        pipeline.stages.removeAll { $0.id == stage.id }
        return nil
    }

    static func addLostReason(_ reason: String, to pipeline: inout Pipeline) -> Refusal? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return Refusal(.emptyLostReason)
        }
        guard trimmed.count <= Limits.stageNameLength else {
            return Refusal(.fieldTooLong(field: "lost reason", limit: Limits.stageNameLength))
        }
        guard pipeline.findLostReason(trimmed) == nil else { return Refusal(.lostReasonExists(reason: trimmed)) }
        pipeline.lostReasons.append(trimmed)
        return nil
    }

    static func removeLostReason(_ reason: String, from pipeline: inout Pipeline) -> Refusal? {
        guard let found = pipeline.findLostReason(reason) else {
            return Refusal(.unknownLostReason(text: reason, reasons: pipeline.lostReasons))
        }
        if pipeline.lostReasons.count == 1 { return Refusal(.lastLostReason(reason: found)) }
        if found.lowercased() == pipeline.work.unreachableReason.lowercased() { return Refusal(.unreachableReasonStays(reason: found)) }
        pipeline.lostReasons.removeAll { $0 == found }
        return nil
    }
}
