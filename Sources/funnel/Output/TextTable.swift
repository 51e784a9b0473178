import Foundation
import FunnelText

/// Plain-text columns for terminal output, aligned by display width and sanitised.
enum TextTable {
    /// Rows padded per column; `maxWidths` caps a column (cut with …).
    static func render(header: [String], rows: [[String]], maxWidths: [Int]) -> String {
        // The bidi marks stay for `visual` to order with (it drops them); without it, they go now.
        let marks = Console.stdoutDisplay != nil
        let all = [header] + rows.map { $0.map { Sanitize.line($0, keepingBidiMarks: marks) } }
        // Each cell measured once: 100,000 rows of eight cells are measured 800,000 times, not thrice that.
        let cellWidths = all.map { $0.map(DisplayWidth.of) }
        var widths = Array(repeating: 0, count: header.count)
        for row in cellWidths {
            for (i, width) in row.enumerated() { widths[i] = min(max(widths[i], width), maxWidths[i]) }
        }
        // Each cell in visual order on its own (on a terminal with bidi = app), so text of one
        // direction never runs into the next column.
        if let display = Console.stdoutDisplay {
            return all.map { row in
                row.enumerated().map { i, cell in
                    display.visual(i == row.count - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i]))
                }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
        var out = ""
        out.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        let last = widths.count - 1
        for (row, measured) in zip(all, cellWidths) {
            if !out.isEmpty { out += "\n" }
            for i in row.indices {
                if i > 0 { out += "  " }
                var used = measured[i]
                if used <= widths[i] {
                    out += row[i]
                } else {
                    let cut = DisplayWidth.truncate(row[i], to: widths[i])
                    used = DisplayWidth.of(cut)
                    out += cut
                }
                if i < last && used < widths[i] { out += String(repeating: " ", count: widths[i] - used) }
            }
        }
        return out
    }
}
