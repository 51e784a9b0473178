/// Where things go on the board at a terminal size; shared by rendering and mouse hit-testing.
public enum BoardLayout {
    /// Rows above the cards: the header and two column-header lines.
    public static let top = 3
    /// Rows a card takes, including the gap below it.
    public static let cardHeight = 4
    public static let minColumnWidth = 22
    public static let maxColumnWidth = 40
    /// Below this the board shows a message instead.
    public static let minWidth = 24
    public static let minHeight = 9

    public static func isTooSmall(width: Int, height: Int) -> Bool { width < minWidth || height < minHeight }

    /// Cards that fit in a column: between the column headers and the status line, with the
    /// last card's gap row holding the "more" markers.
    public static func visibleCards(height: Int) -> Int { max(1, (height - 1 - top) / cardHeight) }

    /// The row of a column's "↓ N more · ↑ N above" markers.
    public static func markerY(height: Int) -> Int { cardY(slot: visibleCards(height: height)) - 1 }

    /// How many columns fit side by side.
    public static func visibleColumns(width: Int, stages: Int) -> Int {
        max(1, min(stages, (width + 1) / (minColumnWidth + 1)))
    }

    /// The width of each visible column (they share the screen, one-column gaps between).
    public static func columnWidth(width: Int, stages: Int) -> Int {
        let shown = visibleColumns(width: width, stages: stages)
        return min(maxColumnWidth, (width - (shown - 1)) / shown)
    }

    /// The screen x where visible column `slot` (0-based from the first shown) starts: from the
    /// left edge, or on a right-to-left board from the right edge (the first shown on the right).
    public static func columnX(slot: Int, width: Int, stages: Int, rightToLeft: Bool = false) -> Int {
        let w = columnWidth(width: width, stages: stages)
        return rightToLeft ? width - (slot + 1) * (w + 1) + 1 : slot * (w + 1)
    }

    /// The x of the separator between visible column `slot` and the one before it.
    public static func separatorX(slot: Int, width: Int, stages: Int, rightToLeft: Bool = false) -> Int {
        let x = columnX(slot: slot, width: width, stages: stages, rightToLeft: rightToLeft)
        return rightToLeft ? x + columnWidth(width: width, stages: stages) : x - 1
    }

    /// The row of card `index` in the visible window (0-based), top line.
    public static func cardY(slot: Int) -> Int { top + slot * cardHeight }

    /// Which visible column slot and card slot a screen point falls in.
    public static func hit(
        x: Int, y: Int, width: Int, height: Int, stages: Int,
        rightToLeft: Bool = false
    ) -> (column: Int, card: Int?)? {
        let w = columnWidth(width: width, stages: stages)
        let fromStart = rightToLeft ? width - 1 - x : x
        guard fromStart >= 0 else { return nil }
        let slot = fromStart / (w + 1)
        guard slot < visibleColumns(width: width, stages: stages), y >= 0 else { return nil }
        let card = y >= top ? (y - top) / cardHeight : nil
        if let card, card >= visibleCards(height: height) { return (slot, nil) }
        return (slot, card)
    }
}
