import Foundation
import FunnelCore

/// The detail pane of one deal.
public struct DetailState: Hashable, Sendable {
    public var dealID: String
    public var field: DetailField = .title
    /// The first line shown: past the fields, the timeline and the stage history.
    public var scroll: Int = 0

    public init(dealID: String, field: DetailField = .title, scroll: Int = 0) {
        self.dealID = dealID
        self.field = field
        self.scroll = scroll
    }
}
