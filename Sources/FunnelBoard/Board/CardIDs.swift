import FunnelCore

/// The ids of a column's shown cards, in order: a view of the column's cards, so showing a
/// filter's 100,000 results copies no id.
public struct CardIDs: RandomAccessCollection, Equatable, Sendable, CustomStringConvertible {
    let entries: [CardIndex.Entry]
    /// Positions in `entries`, ascending.
    let positions: [Int32]

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(row: Int) -> String { entries[Int(positions[row])].id }

    public var description: String { Array(self).description }

    public static func == (a: CardIDs, b: CardIDs) -> Bool { a.elementsEqual(b) }

    /// Whether the ids are `ids`, in order.
    public static func == (a: CardIDs, ids: [String]) -> Bool { a.elementsEqual(ids) }
}
