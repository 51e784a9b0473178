/// Parts of a deal a reader may do without (`Deal.leaveOut`): the long lists that most readers
/// never look at. A deal read without one is never written.
public struct DealParts: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Calls, emails, meetings, trainings (`Deal.activities`).
    public static let activities = DealParts(rawValue: 1)
    /// The stage changes (`Deal.history`).
    public static let history = DealParts(rawValue: 2)
    /// Everything a report never counts: the title, company, contact, phone, email, notes,
    /// source, the next action's words, who made each stage change, the priority, call steps,
    /// payment terms, assignments, billed modules, quotes, revision and time of the last change
    /// (`funnel report` reads without them and activities: `Deal.leaveOut`).
    public static let details = DealParts(rawValue: 4)
    /// What a count never reads, activities and details: `funnel report` reads without them, and
    /// the snapshot keeps a copy of each deal without them (`Deal.init(counted:)`).
    public static let counted: DealParts = [.activities, .details]
}
