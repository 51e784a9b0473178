import Foundation
import FunnelCore

/// A yes/no question.
public struct Confirm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// Close the deal as lost with the pipeline's unreachable reason (R11).
        /// `position`: where the deal stood in today's list before the call.
        case closeUnreachable(dealID: String, fromToday: Bool, position: Int?)
        /// Remove an empty stage (the stage editor).
        case removeStage(stageID: String)
    }

    public var title: String
    public var question: String
    public var purpose: Purpose
}
