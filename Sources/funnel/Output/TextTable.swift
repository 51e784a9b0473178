import Foundation
import FunnelText

/// Plain-text columns for terminal output, aligned by display width and sanitised.
enum TextTable {
    /// Rows padded per column; `maxWidths` caps a column (cut with …).
    static func render(header: [String], rows: [[String]], maxWidths: [Int]) -> String {
        let all = [header] + rows.map { $0.map(Sanitize.line) }
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() { widths[i] = min(max(widths[i], DisplayWidth.of(cell)), maxWidths[i]) }
        }
        // Each cell in visual order on its own (on a terminal with bidi = app), so text of one
        // direction never runs into the next column.
        let display = Console.stdoutDisplay
        return all.map { row in
            row.enumerated().map { i, cell in
                let shown = i == row.count - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i])
                return display?.visual(shown) ?? shown
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
