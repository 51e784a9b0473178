import Foundation
import FunnelCore

/// An email being prepared on the board (R11): for which deal, and whether it was started from
/// today's list (which it goes back to afterwards).
public struct MailJob: Hashable, Sendable {
    public var dealID: String
    public var fromToday: Bool

    public init(dealID: String, fromToday: Bool) {
        self.dealID = dealID
        self.fromToday = fromToday
    }
}

/// An email composed and shown before it leaves: y sends it, e opens it in $EDITOR, n drops it.
public struct MailConfirm: Hashable, Sendable {
    public var job: MailJob
    /// The draft with its placeholders filled: what the editor opens.
    public var draft: MailTemplate
    /// The message the mailer gets, with the To and Subject the overlay shows.
    public var mail: ComposedMail
}
