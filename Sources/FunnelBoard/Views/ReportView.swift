import Foundation
import FunnelCore
import FunnelText

/// The report screen: the funnel's shape, conversion, losses, velocity and the team, as bar
/// charts of block characters in the theme's colours (R17, R18).
enum ReportView {
    /// One line of the report: text pieces with styles, and the figure whose deals Enter lists.
    struct Line: ExpressibleByArrayLiteral {
        var pieces: [(String, CellStyle)]
        var figure: ReportFigure?

        init(arrayLiteral elements: (String, CellStyle)...) { pieces = elements }
        init(_ pieces: [(String, CellStyle)], figure: ReportFigure? = nil) {
            self.pieces = pieces
            self.figure = figure
        }

        /// This line, opening `figure`'s deals.
        func opening(_ figure: ReportFigure) -> Line { Line(pieces, figure: figure) }
    }

    /// The largest useful scroll: the last page of lines at the current size.
    static func lastScroll(_ screen: ReportScreen, state: BoardState) -> Int {
        let report = screen.report ?? state.report(screen)
        return max(0, lines(report, width: state.width - 2, state: state).count - (state.height - 2))
    }

    static func draw(_ screen: ReportScreen, state: BoardState, _ grid: inout Grid) {
        let report = screen.report ?? state.report(screen)
        grid.fill(x: 0, y: 0, width: state.width, height: state.height, style: CellStyle(.normal))
        let who: String
        if state.actor.role != .manager {
            who = state.text(.headerMyDeals)
        } else {
            who = screen.seller.map { s in state.funnel.team.user(s)?.name ?? s } ?? state.text(.headerAllSellers)
        }
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: CellStyle(.header))
        let title = state.text(
            .reportTitle,
            [
                "period": screen.period.label(in: state.language),
                "range": report.period.label(in: state.language, dates: state.dates), "who": who,
            ])
        grid.put(fitting: " " + title, x: 0, y: 0, width: state.width, style: CellStyle(.header, bold: true))
        let lines = self.lines(report, width: state.width - 2, state: state)
        let rows = state.height - 2
        let top = min(screen.scroll, max(0, lines.count - rows))
        let chosen = screen.selected.flatMap { figureRows(lines).dropFirst($0).first }
        for (i, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            var x = 1
            let isChosen = chosen == top + i
            if isChosen { grid.fill(x: 0, y: 1 + i, width: state.width, height: 1, style: CellStyle(.selection)) }
            for (text, style) in line.pieces {
                x += grid.put(text, x: x, y: 1 + i, limit: max(0, state.width - 1 - x), style: isChosen ? CellStyle(.selection, bold: true) : style)
            }
        }
        let more = lines.count - top - rows
        if let status = state.status {
            let role: StyleRole = status.isError ? .statusError : .status
            grid.fill(x: 0, y: state.height - 1, width: state.width, height: 1, style: CellStyle(role))
            grid.put(fitting: " " + status.text, x: 0, y: state.height - 1, width: state.width, style: CellStyle(role, bold: true))
        } else {
            grid.fill(x: 0, y: state.height - 1, width: state.width, height: 1, style: CellStyle(.status))
            grid.put(
                fitting: " " + state.text(.reportFooter) + (more > 0 ? " · " + state.text(.pluralMoreLines, count: more) : ""),
                x: 0, y: state.height - 1, width: state.width, style: CellStyle(.status))
        }
    }

    /// The indices of the lines that open a figure's deals, in order.
    static func figureRows(_ lines: [Line]) -> [Int] { lines.indices.filter { lines[$0].figure != nil } }

    /// A label cut to `width` columns with one space after it.
    static func name(_ text: String, _ width: Int) -> String { DisplayWidth.fit(text, to: width - 1) + " " }

    /// A bar of `value` out of `maximum` in `width` cells, with eighth blocks for the remainder.
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighths = Int((value / maximum * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// The report's lines, each fitted to `width`: the funnel now, conversion, where deals are
    /// lost, days in stage, the team, the forecast, the health warnings.
    static func lines(_ report: FunnelReport, width: Int, state: BoardState) -> [Line] {
        let label = min(26, max(12, width / 4))
        let barWidth = max(4, min(40, width - label - 44))
        let blank: Line = [("", CellStyle(.normal))]
        var out = shapeLines(report, label: label, barWidth: barWidth, state: state)
        out.append(blank)
        out += conversionLines(report, label: label, barWidth: barWidth, state: state)
        out.append(blank)
        out += lossLines(report, label: label, barWidth: barWidth, state: state)
        out.append(blank)
        out += velocityLines(report, label: label, barWidth: barWidth, state: state)
        let open = report.stages.filter { $0.stage.kind == .open }.map(\.stage)
        if !report.team.isEmpty { out += teamLines(report, open: open, width: width, label: label, state: state) }
        out += forecastLines(report, label: label, state: state)
        out.append(blank)
        out += healthLines(report, state: state)
        return out.map { fit($0, width: width) }
    }

    /// A line cut to `width` columns, the cut marked with an ellipsis: nothing is lost silently.
    static func fit(_ line: Line, width: Int) -> Line {
        var used = 0
        var out = Line([], figure: line.figure)
        for (text, style) in line.pieces {
            let w = DisplayWidth.of(text)
            if used + w <= width {
                out.pieces.append((text, style))
                used += w
            } else {
                out.pieces.append((DisplayWidth.truncate(text, to: width - used), style))
                break
            }
        }
        return out
    }
}
