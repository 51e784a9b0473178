import Foundation

/// One field both sides changed differently: the value kept and the one set aside, which the
/// merged deal keeps in its timeline as a note (`DealMerge.conflictNote`).
public struct DealMergeConflict: Hashable, Sendable {
    /// The field's name as in the deal file ("title", "next_action").
    public var field: String
    public var kept: String
    public var other: String

    public init(field: String, kept: String, other: String) {
        self.field = field
        self.kept = kept
        self.other = other
    }
}

/// A merged deal and the conflicts settled on the way.
public struct DealMergeResult: Hashable, Sendable {
    public var deal: Deal
    public var conflicts: [DealMergeConflict]
}

/// Why two versions cannot be merged.
public enum DealMergeError: Error, Equatable, CustomStringConvertible {
    /// The two sides hold different deals (the file names matched, the ids inside do not).
    case differentDeals(ours: String, theirs: String)

    public var description: String {
        switch self {
        case .differentDeals(let ours, let theirs): return "the two versions hold different deals (\(ours), \(theirs))"
        }
    }
}
