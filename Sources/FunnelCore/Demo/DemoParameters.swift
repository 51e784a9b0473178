import Foundation

/// What the demo simulates: how long, on which days, and how leads and people behave.
/// See docs/demo.md.
public struct DemoParameters: Hashable, Sendable {
    /// How many days back the first leads arrived.
    public var days = 120
    /// When the team works (Sunday to Thursday by default: an Israeli team).
    public var week = WorkWeek.sundayToThursday
    /// About one rep for this many open deals, or for this many new leads a working day,
    /// whichever needs more people (and at least two reps).
    public var openDealsPerRep = 150
    public var leadsPerRepPerDay = 10
    /// Chance that a call to a new lead reaches them.
    public var firstReach = 0.45
    /// Chance that a call on a deal further along reaches the person.
    public var laterReach = 0.65
    /// Chance that an unanswered call is followed by an email (R11; the rest show "email due").
    public var emailAfterNoAnswer = 0.85
    /// Chance that a deal stalls in a stage: left untouched until past the stage's limit.
    public var stall = 0.06
    /// Chance that a customer leaves within three months (when the pipeline has a second lost stage).
    public var churn = 0.05
    /// Chance that a lead comes with a value before anyone puts a number on it.
    public var valueAtArrival = 0.3

    public init() {}
}
