import Foundation

/// A value of a stage's settings: kept as it is, or set (nil clears it).
public enum SettingChange<Value: Hashable & Sendable>: Hashable, Sendable {
    case keep
    case set(Value?)

    /// `current` after this change.
    func applied(to current: Value?) -> Value? {
        switch self {
        case .keep: return current
        case .set(let value): return value
        }
    }
}

/// A stage's settings as a manager changes them (`funnel stages add|set`, the board's stage editor).
public struct StageSettings: Hashable, Sendable {
    public var kind: StageKind?
    public var stuckAfterDays: SettingChange<Int>
    public var probability: SettingChange<Int>
    public var requires: [StageRequirement]?

    public init(
        kind: StageKind? = nil, stuckAfterDays: SettingChange<Int> = .keep, probability: SettingChange<Int> = .keep,
        requires: [StageRequirement]? = nil
    ) {
        self.kind = kind
        self.stuckAfterDays = stuckAfterDays
        self.probability = probability
        self.requires = requires
    }
}

/// Where a stage goes among the others.
public enum StagePlace: Hashable, Sendable {
    case after(String)
    case before(String)
}

/// One change to a pipeline's stages or lost reasons (R1, R3, R7). Applied by
/// `PipelineEditing.apply`, which checks it and says why when it refuses.
public enum PipelineEdit: Hashable, Sendable {
    /// A new stage named `name`; `id` when given, else one made from the name; at the end of the
    /// open stages unless `place` says otherwise.
    case addStage(name: String, id: String?, place: StagePlace?, settings: StageSettings)
    case renameStage(String, to: String)
    case moveStage(String, to: StagePlace)
    case setStage(String, StageSettings)
    /// Removes a stage; its deals (if any) go to `movingDealsTo`, each move recorded in its history.
    case removeStage(String, movingDealsTo: String?)
    case addLostReason(String)
    case removeLostReason(String)
}
