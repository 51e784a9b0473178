import Foundation

/// Counting attempts to reach a lead (R11).
public enum Attempts {
    /// Unanswered calls since the person was last reached (all of them if never).
    public static func unanswered(_ deal: Deal) -> Int {
        var count = 0
        for activity in deal.activities.reversed() where activity.kind == .call {
            if activity.outcome == .reached { break }
            count += 1
        }
        return count
    }

    /// Calls made on `day`.
    public static func calls(_ deal: Deal, on day: Day, utcOffset: Int) -> Int {
        deal.activities.filter { $0.kind == .call && Day($0.at, utcOffset: utcOffset) == day }.count
    }

    /// Whether anyone has spoken to the lead yet (a reached call).
    public static func spokenTo(_ deal: Deal) -> Bool {
        deal.activities.contains { $0.kind == .call && $0.outcome == .reached }
    }

    /// The last call, if any.
    public static func lastCall(_ deal: Deal) -> Activity? {
        deal.activities.last { $0.kind == .call }
    }

    /// Whether an email is owed: the last call went unanswered and no email was logged after it (R11).
    public static func emailDue(_ deal: Deal) -> Bool {
        guard let index = deal.activities.lastIndex(where: { $0.kind == .call }),
            deal.activities[index].outcome?.isUnanswered == true
        else { return false }
        return !deal.activities[(index + 1)...].contains { $0.kind == .email }
    }

    /// The next action proposed after logging `entry` (R14): after no answer, try again
    /// tomorrow; after reaching them, the pipeline's follow-up; otherwise nil (keep what is set).
    public static func proposedNext(after entry: LogEntry, today: Day, pipeline: Pipeline) -> NextAction? {
        switch entry {
        case .call(.reached): return NextAction(date: today.adding(days: pipeline.followUpDays), text: "Follow-up call")
        case .call(.wrongNumber): return NextAction(date: today, text: "Find the right number")
        case .call: return NextAction(date: today.adding(days: 1), text: "Call again")
        case .other(.meeting): return NextAction(date: today.adding(days: pipeline.followUpDays), text: "Follow up on the meeting")
        case .other: return nil
        }
    }
}
