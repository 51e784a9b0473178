import FunnelText

/// One terminal cell: a grapheme cluster (empty for the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public static let blank = Cell(text: " ", style: .normal)
}

/// A cell position on a grid, in terminal columns and rows.
public struct GridPoint: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A screen as rows of styled cells measured in terminal columns. `render` produces one;
/// the ncurses driver only paints it; tests read it as text.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor shows (a text field being edited); nil hides it.
    public var cursor: GridPoint?

    /// How fields become what the terminal is given: reordered to visual order and Arabic
    /// shaped (`bidi = app`, the default), or left in logical order (`bidi = terminal`).
    public var display: TextDisplay

    public init(width: Int, height: Int, display: TextDisplay = .app) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.display = display
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes the field `text` at (x, y), at most `limit` columns (default: to the right edge),
    /// sanitised, one grapheme cluster per cell. The field is cut in logical order first (a
    /// wide cluster that would not fit becomes a space), then laid out in visual order within
    /// its own span (see `display`). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: CellStyle = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        let fitted = DisplayWidth.prefix(Sanitize.line(text, keepingBidiMarks: true), fitting: end - x)
        let used = place(display.visual(fitted.text), x: x, y: y, end: end, style: style)
        if fitted.isCut, x + used >= 0, x + used < end { self[x + used, y] = Cell(text: " ", style: style) }
        return used
    }

    /// Writes `text` cut to `width` columns with an ellipsis (in logical order: the start of the
    /// field stays), laid out in visual order, padded, left or right aligned.
    public mutating func put(
        fitting text: String, x: Int, y: Int, width: Int, alignRight: Bool = false,
        style: CellStyle = .normal, direction: BaseDirection = .auto
    ) {
        guard width > 0 else { return }
        let shown = display.visual(DisplayWidth.truncate(Sanitize.line(text, keepingBidiMarks: true), to: width), direction: direction)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
        guard y >= 0, y < height, x < self.width else { return }
        place(alignRight ? pad + shown : shown + pad, x: x, y: y, end: min(self.width, x + width), style: style)
    }

    /// Lays out text already in visual order from x up to `end`, one cluster per cell.
    @discardableResult
    mutating func place(_ visual: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int {
        // A row outside the grid (a box taller than a small terminal) draws nothing.
        guard y >= 0, y < height else { return 0 }
        let end = min(end, width)
        var column = x
        for character in visual {
            let w = DisplayWidth.of(character)
            if w == 0 {
                if column > x, column - 1 >= 0 { appendCombining(character, before: column, y: y) }
                continue
            }
            if column + w > end {
                if column < end, column >= 0 { self[column, y] = Cell(text: " ", style: style) }
                break
            }
            if column >= 0 {
                let form = DisplayWidth.terminalForm(character)
                if form.count > 1 {
                    // A flag drawn as its letters: one cell each.
                    for (i, letter) in form.enumerated() where i < w { self[column + i, y] = Cell(text: String(letter), style: style) }
                } else {
                    self[column, y] = Cell(text: form, style: style)
                    if w == 2 { self[column + 1, y] = Cell(text: "", style: style) }
                }
            }
            column += w
        }
        return column - x
    }

    /// A zero-width cluster (rare after grapheme segmentation) joins the previous cell.
    private mutating func appendCombining(_ character: Character, before column: Int, y: Int) {
        var target = column - 1
        while target > 0 && self[target, y].text.isEmpty { target -= 1 }
        self[target, y].text.append(character)
    }

    /// Paints a rectangle with a style (spaces).
    /// The part outside the grid is left out: a rectangle below or right of it paints nothing.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle) {
        let rows = max(0, y)..<max(max(0, y), min(height, y + h))
        let columns = max(0, x)..<max(max(0, x), min(width, x + w))
        for row in rows {
            for column in columns { self[column, row] = Cell(text: " ", style: style) }
        }
    }

    /// The grid as text, one line per row, trailing spaces trimmed (for tests and snapshots).
    public var text: String {
        (0..<height).map { row in line(row) }.joined(separator: "\n")
    }

    /// One row as text, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var out = ""
        for column in 0..<width { out += self[column, row].text }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The style of the first cell of `row` whose text starts `needle`, for tests.
    public func style(of needle: String, row: Int) -> CellStyle? {
        var out = ""
        var starts: [Int] = []
        for column in 0..<width {
            starts.append(out.count)
            out += self[column, row].text
        }
        guard let range = out.range(of: needle) else { return nil }
        let offset = out.distance(from: out.startIndex, to: range.lowerBound)
        guard let column = starts.firstIndex(where: { $0 >= offset }) else { return nil }
        return self[column, row].style
    }
}
