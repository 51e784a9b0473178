/// Boxes for overlays.
extension Grid {
    /// Draws a framed box with a title and clears its inside.
    public mutating func box(x: Int, y: Int, width w: Int, height h: Int, title: String, style: CellStyle = CellStyle(.overlay)) {
        guard w >= 4, h >= 3 else { return }
        fill(x: x, y: y, width: w, height: h, style: style)
        put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: style)
        for row in (y + 1)..<(y + h - 1) {
            put("│", x: x, y: row, style: style)
            put("│", x: x + w - 1, y: row, style: style)
        }
        put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: style)
        if !title.isEmpty {
            put(" ", x: x + 1, y: y, style: style)
            let used = put(title, x: x + 2, y: y, limit: w - 5, style: CellStyle(.overlayTitle, bold: true))
            put(" ", x: x + 2 + used, y: y, style: style)
        }
    }
}

/// A centred rectangle of at most `width`×`height` inside the screen.
struct CenteredRect {
    let x, y, width, height: Int

    init(screenWidth: Int, screenHeight: Int, width: Int, height: Int) {
        self.width = min(width, screenWidth - 2)
        self.height = min(height, screenHeight - 2)
        x = max(0, (screenWidth - self.width) / 2)
        y = max(0, (screenHeight - self.height) / 2)
    }
}
