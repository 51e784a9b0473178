import Foundation
import FunnelCore

/// A card being carried with the keyboard (Space, ←/→, Space) or the mouse.
public struct Drag: Hashable, Sendable {
    public var dealID: String
    /// Column index it came from.
    public var origin: Int
    /// Column index it would land in.
    public var target: Int
}
