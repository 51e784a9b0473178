import Foundation
import FunnelCore

/// Logging a call or another activity on a deal: one key picks the outcome (R14).
public struct LogPicker: Hashable, Sendable {
    public var dealID: String
    /// Opened from today's list: after logging, the list moves on to the next deal.
    public var fromToday: Bool
    public var selected: Int = 0

    /// The choices with their keys, in order.
    public static let choices: [(key: Character, entry: LogEntry, label: TextKey)] = [
        ("r", .call(.reached), .logReached),
        ("n", .call(.noAnswer), .logNoAnswer),
        ("b", .call(.busy), .logBusy),
        ("m", .call(.leftMessage), .logLeftMessage),
        ("w", .call(.wrongNumber), .logWrongNumber),
        ("e", .other(.email), .logEmailSent),
        ("g", .other(.meeting), .logMeetingHeld),
        ("t", .other(.training), .logTrainingHeld),
    ]
}
