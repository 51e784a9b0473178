import Foundation
import FunnelText

/// Plain-text columns for terminal output, aligned by display width and sanitised.
enum TextTable {
    /// Rows padded per column; `maxWidths` caps a column (cut with …). Every row has the
    /// header's number of cells.
    static func render(header: [String], rows: [[String]], maxWidths: [Int]) -> String {
        let columns = header.count
        // The bidi marks stay for `visual` to order with (it drops them); without it, they go now.
        let marks = Console.stdoutDisplay != nil
        // One flat array of cells, each measured once: 100,000 rows of seven cells are 700,000
        // measurements and two arrays, not 200,000 small ones.
        var cells: [String] = []
        cells.reserveCapacity((rows.count + 1) * columns)
        for cell in header { cells.append(Sanitize.line(cell, keepingBidiMarks: marks)) }
        for row in rows {
            for cell in row { cells.append(Sanitize.line(cell, keepingBidiMarks: marks)) }
        }
        let cellWidths = cells.map(DisplayWidth.of)
        var widths = Array(repeating: 0, count: columns)
        for (k, width) in cellWidths.enumerated() { widths[k % columns] = min(max(widths[k % columns], width), maxWidths[k % columns]) }
        KeptUntilExit.shared.keep(cells)
        // Each cell in visual order on its own (on a terminal with bidi = app), so text of one
        // direction never runs into the next column.
        if let display = Console.stdoutDisplay {
            return stride(from: 0, to: cells.count, by: columns).map { start in
                (0..<columns).map { i in
                    let cell = cells[start + i]
                    return display.visual(i == columns - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i]))
                }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
        return padded(cells, cellWidths, widths)
    }

    /// The cells laid out row by row, each padded to its column's width (the last is not), a
    /// cell wider than its column cut.
    private static func padded(_ cells: [String], _ cellWidths: [Int], _ widths: [Int]) -> String {
        var out = ""
        out.reserveCapacity(cells.count / max(1, widths.count) * (widths.reduce(0, +) + 2 * widths.count + 1))
        let columns = widths.count
        for k in cells.indices {
            let i = k % columns
            if i == 0, k > 0 { out += "\n" }
            if i > 0 { out += "  " }
            var used = cellWidths[k]
            if used <= widths[i] {
                out += cells[k]
            } else {
                let cut = DisplayWidth.truncate(cells[k], to: widths[i])
                used = DisplayWidth.of(cut)
                out += cut
            }
            if i < columns - 1 && used < widths[i] { out += String(repeating: " ", count: widths[i] - used) }
        }
        return out
    }
}
