import FunnelText

/// Text inputs: a field being typed into, with its cursor.
extension Grid {
    /// Draws an input of `width` columns holding `text` with a cursor before logical cluster
    /// `cursor` (nil: at the end, where typing and deleting happen). The part of the text
    /// around the cursor that fits is laid out in visual order like any field (right-aligned
    /// when it runs right to left), and the cursor cell is put at the visual place of its
    /// logical position: after the letter it follows in reading order. The terminal's cursor
    /// (`cursor`) is put on that cell.
    public mutating func input(
        _ text: String, cursor: Int? = nil, x: Int, y: Int, width: Int,
        style: CellStyle, cursorStyle: CellStyle
    ) {
        guard width > 1, y >= 0, y < height else { return }
        fill(x: x, y: y, width: width, height: 1, style: style)
        let logical = Array(Sanitize.line(text, keepingBidiMarks: true))
        let at = min(max(0, cursor ?? logical.count), logical.count)
        let window = Self.window(logical, around: at, width: width - 2)
        let line = display.line(String(logical[window]))
        let spot = line.cursor(logical: at - window.lowerBound)
        let glyph = spot.belongsRight && display.reorders ? "▕" : "▏"
        let before = line.clusters[..<spot.boundary].joined()
        let after = line.clusters[spot.boundary...].joined()
        let used = DisplayWidth.of(before) + 1 + DisplayWidth.of(after)
        var column = line.isRightToLeft && display.reorders ? x + max(0, width - 1 - used) : x
        column += place(before, x: column, y: y, end: x + width, style: style)
        self.cursor = GridPoint(x: min(column, x + width - 1), y: y)
        column += place(glyph, x: column, y: y, end: x + width, style: cursorStyle)
        place(after, x: column, y: y, end: x + width, style: style)
    }

    /// The logical clusters shown: the longest run that holds the cursor and fits `width`
    /// columns, reaching back from the cursor first (so the end of what is typed shows).
    static func window(_ logical: [Character], around cursor: Int, width: Int) -> Range<Int> {
        var start = cursor
        var used = 0
        while start > 0, used + DisplayWidth.of(logical[start - 1]) <= width {
            used += DisplayWidth.of(logical[start - 1])
            start -= 1
        }
        var end = cursor
        while end < logical.count, used + DisplayWidth.of(logical[end]) <= width {
            used += DisplayWidth.of(logical[end])
            end += 1
        }
        return start..<end
    }
}
