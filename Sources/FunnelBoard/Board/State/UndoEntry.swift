import Foundation
import FunnelCore

/// One undoable step on one deal: the version to put back (`before`; nil: the deal did not
/// exist) and the version the deal must still be (`after`; nil: it must not exist).
public struct UndoEntry: Hashable, Sendable {
    public var id: String
    public var before: Deal?
    public var after: Deal?

    public init(id: String, before: Deal?, after: Deal?) {
        self.id = id
        self.before = before
        self.after = after
    }
}
