import Foundation
import FunnelCore

/// A call being logged: the outcome is chosen, the date and note are being typed.
public struct LogCall: Hashable, Sendable {
    public var dealID: String
    public var entry: LogEntry
    /// What the rule proposes after this outcome (nil: keep the deal's next action).
    public var proposed: NextAction?
    /// Opened from today's list: afterwards the list moves on to the next deal.
    public var fromToday: Bool
}
