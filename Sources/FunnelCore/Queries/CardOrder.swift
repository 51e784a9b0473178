import Foundation

/// How cards are ordered inside a column.
public enum CardOrder: String, CaseIterable, Sendable {
    /// Next action date when set, otherwise the time the deal entered its stage; earliest first (the board's order).
    case due
    /// Newest first.
    case created
    /// Largest value first; deals without a value last.
    case value
    /// Alphabetical.
    case title

    /// The next order, for cycling with a key.
    public var next: CardOrder {
        let all = CardOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// A strict ordering of two deals; ties are broken by title, then id, so it is total.
    public func precedes(_ a: Deal, _ b: Deal, utcOffset: Int) -> Bool {
        switch self {
        case .due:
            let da = CardOrder.dueDate(a, utcOffset: utcOffset), db = CardOrder.dueDate(b, utcOffset: utcOffset)
            if da != db { return da < db }
        case .created:
            if a.created != b.created { return a.created > b.created }
        case .value:
            if a.value != b.value {
                guard let va = a.value else { return false }
                guard let vb = b.value else { return true }
                return va > vb
            }
        case .title:
            break
        }
        return CardOrder.titleOrder(a, b)
    }

    /// The date a card is ordered by on the board.
    public static func dueDate(_ deal: Deal, utcOffset: Int) -> Date {
        deal.nextAction.map { $0.date.start(utcOffset: utcOffset) } ?? deal.stageEntered
    }

    static func titleOrder(_ a: Deal, _ b: Deal) -> Bool {
        let order = a.title.localizedStandardCompare(b.title)
        if order != .orderedSame { return order == .orderedAscending }
        return a.id < b.id
    }
}
