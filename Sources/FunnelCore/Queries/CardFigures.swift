/// What each order compares first (`CardOrder.primary`) for one deal, worked out once: a board
/// keeps them with its card, so `s` reads no deal.
public struct CardFigures: Sendable {
    let due: Double
    let created: Double
    let value: Double
    /// The priority's rank (`Priority.rank`): the priority order compares it, then `due`. The
    /// title order compares no figure of its own (0 for all), so none is kept.
    let priorityRank: Int8
    /// Whether the value order must compare the exact value too: a value without hundredths, or
    /// one so large that neighbouring hundredths divided by 100 can give the same Double (from
    /// 2^46 units the Doubles lie more than 0.01 apart; 2^52 hundredths is below that).
    public let needsExactValue: Bool

    /// The figures of `deal` at the board's UTC offset.
    public init(_ deal: Deal, utcOffset: Int) {
        let due = CardOrder.dueFigure(deal, utcOffset: utcOffset)
        self.due = due
        created = CardOrder.created.primary(deal, due: due)
        value = CardOrder.value.primary(deal, due: due)
        priorityRank = Int8(deal.priority.rank)
        needsExactValue = deal.value != nil && (deal.hundredths ?? .max) >= 1 << 52
    }

    /// The figure `order` compares first.
    public func primary(_ order: CardOrder) -> Double {
        switch order {
        case .due: return due
        case .created: return created
        case .value: return value
        case .title: return 0
        case .priority: return CardOrder.priorityFigure(rank: Int(priorityRank), due: due)
        }
    }
}
