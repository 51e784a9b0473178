import Foundation
import FunnelCore
import FunnelText

/// Plain-text columns for terminal output, aligned by display width and sanitised.
enum TextTable {
    /// Rows per piece of work: a table of 100,000 rows is sanitised, measured and laid out in
    /// pieces on every core (a third of `list --all` on one).
    static let piece = 2_048

    /// Rows padded per column; `maxWidths` caps a column (cut with …). Every row has the
    /// header's number of cells.
    static func render(header: [String], rows: [[String]], maxWidths: [Int]) -> String {
        let columns = header.count
        // The bidi marks stay for `visual` to order with (it drops them); without it, they go now.
        let marks = Console.stdoutDisplay != nil
        // Each cell sanitised and measured once, in one flat array per piece of rows.
        let starts = Array(stride(from: 0, to: rows.count, by: piece))
        let measured =
            [Self.measure(header[...], marks: marks)]
            + parallelMap(starts, chunk: 1) { start in
                Self.measure(rows[start..<min(rows.count, start + piece)].joined(), marks: marks)
            }
        var widths = Array(repeating: 0, count: columns)
        for part in measured {
            for (k, width) in part.widths.enumerated() { widths[k % columns] = min(max(widths[k % columns], width), maxWidths[k % columns]) }
        }
        KeptUntilExit.keep(measured)
        // Each cell in visual order on its own (on a terminal with bidi = app), so text of one
        // direction never runs into the next column.
        if let display = Console.stdoutDisplay {
            let cells = measured.flatMap(\.cells)
            return stride(from: 0, to: cells.count, by: columns).map { start in
                (0..<columns).map { i in
                    let cell = cells[start + i]
                    return display.visual(i == columns - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i]))
                }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
        let columnWidths = widths
        let laidOut = parallelMap(measured, chunk: 1) { Self.padded($0.cells, $0.widths, columnWidths) }
        var out: [UInt8] = []
        out.reserveCapacity(laidOut.reduce(laidOut.count) { $0 + $1.count })
        for (i, part) in laidOut.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "\n")) }
            out.append(contentsOf: part)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Cells sanitised, and the display width of each.
    static func measure<C: Collection>(_ cells: C, marks: Bool) -> (cells: [String], widths: [Int]) where C.Element == String {
        let sanitised = cells.map { Sanitize.line($0, keepingBidiMarks: marks) }
        return (sanitised, sanitised.map(DisplayWidth.of))
    }

    /// The cells laid out row by row as UTF-8, each padded to its column's width (the last is
    /// not), a cell wider than its column cut; rows end with a line feed but the last.
    private static func padded(_ cells: [String], _ cellWidths: [Int], _ widths: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(cells.count / max(1, widths.count) * (widths.reduce(0, +) + 2 * widths.count + 1) * 2)
        let columns = widths.count
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: (widths.max() ?? 0) + 2)
        for k in cells.indices {
            let i = k % columns
            if i == 0, k > 0 { out.append(UInt8(ascii: "\n")) }
            if i > 0 { out.append(contentsOf: spaces[..<2]) }
            var used = cellWidths[k]
            if used <= widths[i] {
                out.append(contentsOf: cells[k].utf8)
            } else {
                let cut = DisplayWidth.truncate(cells[k], to: widths[i])
                used = DisplayWidth.of(cut)
                out.append(contentsOf: cut.utf8)
            }
            if i < columns - 1 && used < widths[i] { out.append(contentsOf: spaces[..<(widths[i] - used)]) }
        }
        return out
    }
}
