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
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
