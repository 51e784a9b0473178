import Foundation
import FunnelCore

/// What a move still needs, gathered from prompts before it is tried again.
public struct MoveExtras: Hashable, Sendable {
    public var lostReason: String?
    public var nextAction: NextAction?
    public var value: Decimal?

    public init(lostReason: String? = nil, nextAction: NextAction? = nil, value: Decimal? = nil) {
        self.lostReason = lostReason
        self.nextAction = nextAction
        self.value = value
    }
}
