import Foundation

/// What a rule sees: the deal before and after a change, who makes it, and the pipeline.
public struct RuleContext: Sendable {
    /// nil when the deal is being created.
    public let before: Deal?
    public let after: Deal
    public let actor: User
    public let pipeline: Pipeline
    public let team: Team
    public let today: Day
    /// The change being made; nil when the deal is being created.
    public let change: DealChange?

    public init(
        before: Deal?, after: Deal, actor: User, pipeline: Pipeline, team: Team, today: Day,
        change: DealChange? = nil
    ) {
        self.before = before
        self.after = after
        self.actor = actor
        self.pipeline = pipeline
        self.team = team
        self.today = today
        self.change = change
    }

    /// Whether this change puts the deal into a stage it was not in (also a stage of the same id
    /// in another pipeline).
    public var entersStage: Bool { before?.stage != after.stage || before?.pipeline != after.pipeline }

    public var targetStage: Stage? { pipeline.stage(id: after.stage) }
}

/// A rule every change must pass. Returns why it refuses, or nil.
public protocol DealRule: Sendable {
    func check(_ context: RuleContext) -> Refusal?
}
