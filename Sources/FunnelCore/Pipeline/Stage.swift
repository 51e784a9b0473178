import Foundation

/// What a stage means for a deal in it.
public enum StageKind: String, Codable, Sendable, CaseIterable {
    /// Unsorted: created automatically, waiting for a rep to accept it (R4).
    case inbox
    /// Being worked.
    case open
    /// Closed as won (R8 needs a value).
    case won
    /// Closed as lost (R7 needs a reason).
    case lost

    /// Won or lost.
    public var isClosed: Bool { self == .won || self == .lost }
}

/// Something a deal must have before it may enter a stage.
public enum StageRequirement: String, Codable, Sendable, CaseIterable {
    /// A next action date (R6: the first-contact stage).
    case nextAction = "next_action"
    /// A deal value (R8: won).
    case value
    /// A lost reason from the pipeline's list (R7: lost).
    case lostReason = "lost_reason"
    /// An issued quote (R19): off by default; add `"quote"` to a stage's `requires`.
    case quote
}

/// One column of the funnel.
public struct Stage: Codable, Hashable, Sendable, Identifiable {
    /// Stable id used in files and on the command line ("follow-up").
    public var id: String
    /// What people see ("Follow-up").
    public var name: String
    public var kind: StageKind
    /// Days in this stage after which a deal counts as stuck (R13); nil: never.
    public var stuckAfterDays: Int?
    /// Chance of winning a deal in this stage, in percent, for weighted value.
    public var probability: Int?
    /// Extra requirements to enter; won and lost stages always add their own.
    public var requires: [StageRequirement]

    public init(
        id: String, name: String, kind: StageKind, stuckAfterDays: Int? = nil,
        probability: Int? = nil, requires: [StageRequirement] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stuckAfterDays = stuckAfterDays
        self.probability = probability
        self.requires = requires
    }

    /// Everything a deal needs to enter: the configured list plus what the kind implies.
    public var entryRequirements: Set<StageRequirement> {
        var all = Set(requires)
        if kind == .won { all.insert(.value) }
        if kind == .lost { all.insert(.lostReason) }
        return all
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, kind, probability, requires
        case stuckAfterDays = "stuck_after_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try StrictKeys.container(decoder, CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(StageKind.self, forKey: .kind)
        stuckAfterDays = try c.decodeIfPresent(Int.self, forKey: .stuckAfterDays)
        probability = try c.decodeIfPresent(Int.self, forKey: .probability)
        requires = try c.decodeIfPresent([StageRequirement].self, forKey: .requires) ?? []
    }
}
