import Foundation

/// The simulation's own count of what happened, kept as events happen, so a test can hold
/// the report (computed from stage histories) against it.
public struct DemoTally: Hashable, Sendable {
    /// Leads that arrived.
    public var created = 0
    /// Deals whose last close was a win, or a loss.
    public var won = 0
    public var lost = 0
    /// Losses by the stage the deal was lost from (the last close only).
    public var lostFrom: [String: Int] = [:]
    /// Lost reasons given (the last close only).
    public var reasons: [String: Int] = [:]
    /// How many deals entered each stage.
    public var entered: [String: Int] = [:]
    /// How many deals left each stage forward, along the path to won.
    public var movedOn: [String: Int] = [:]
    /// Deals that stalled: left untouched in a stage past its limit.
    public var stalled = 0
}
