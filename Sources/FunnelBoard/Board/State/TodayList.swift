import Foundation
import FunnelCore

/// Today's call list overlay (R9).
public struct TodayList: Hashable, Sendable {
    public var selected: Int = 0
}
