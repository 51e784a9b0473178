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

    static func lines(_ report: FunnelReport, width: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let title = CellStyle(.overlayTitle, bold: true)
        let plain = CellStyle(.normal)
        let barStyle = CellStyle(.accent)
        let money = { (amount: Decimal) in Money.display(amount, currency: report.currency) }
        let label = min(26, max(12, width / 4))
        let barWidth = max(4, min(40, width - label - 44))
        var out: [Line] = []

        out.append([(t(.reportFunnelNow, [:]), title)])
        let open = report.stages.filter { $0.stage.kind == .open }
        let widest = Double(open.map(\.openDeals).max() ?? 0)
        for s in open {
            // The funnel's shape: bars centred on one axis.
            let b = bar(Double(s.openDeals), maximum: widest, width: barWidth)
            let pad = max(0, (barWidth - DisplayWidth.of(b)) / 2)
            out.append(
                Line(
                    [
                        (name(s.stage.name, label), plain), (String(repeating: " ", count: pad) + b, barStyle),
                        (String(repeating: " ", count: max(1, barWidth - pad - DisplayWidth.of(b) + 1)), plain),
                        ("\(s.openDeals) · \(money(s.totalValue))" + (s.weightedValue.map { t(.reportWeighted, ["value": money($0)]) } ?? ""), plain),
                    ],
                    figure: .stage(s.stage.id)))
        }
        out.append([("", plain)])
        out.append([(t(.reportConversion, [:]), title), (t(.reportConversionNote, [:]), CellStyle(.dim))])
        for c in report.conversions {
            let rate = c.rate ?? 0
            out.append(
                Line(
                    [
                        (name("\(c.from.name) →", label), plain),
                        (DisplayWidth.fit(bar(rate, maximum: 1, width: barWidth), to: barWidth + 1), barStyle),
                        (c.rate.map { String(format: "%3.0f%%", $0 * 100) } ?? "  —", CellStyle(.normal, bold: true)),
                        (t(.reportOf, ["reached": "\(c.reached)", "entered": "\(c.entered)"]), CellStyle(.dim)),
                    ],
                    figure: .entered(c.from.id)))
        }
        let days = report.medianDaysToWon.map { String(format: "%.0f", $0) } ?? "—"
        out.append(
            Line(
                [
                    (t(.reportWinRate, [:]), plain),
                    (report.winRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—", CellStyle(.normal, bold: true)),
                    (
                        t(.reportWinNote, ["won": "\(report.won)", "lost": "\(report.lost)", "new": "\(report.newDeals)", "days": days]),
                        CellStyle(.dim)
                    ),
                ], figure: .won))
        out.append([("", plain)])
        out += lossLines(report, label: label, barWidth: barWidth, state: state)
        out.append([("", plain)])
        out.append([(t(.reportDaysInStage, [:]), title), (t(.reportDaysNote, [:]), CellStyle(.dim))])
        let slowest = report.velocity.compactMap(\.p90Days).max() ?? 0
        for v in report.velocity where v.stage.kind == .open {
            out.append([
                (name(v.stage.name, label), plain),
                (DisplayWidth.fit(bar(v.medianDays ?? 0, maximum: slowest, width: barWidth), to: barWidth + 1), barStyle),
                (
                    "\(v.medianDays.map { String(format: "%.1f", $0) } ?? "—") / \(v.p90Days.map { String(format: "%.1f", $0) } ?? "—")"
                        + t(.reportDaysUnit, [:]),
                    plain
                ), (t(.reportStays, ["count": "\(v.stays)"]), CellStyle(.dim)),
            ])
        }
        if !report.team.isEmpty { out += teamLines(report, open: open.map(\.stage), width: width, label: label, state: state) }
        out += forecastLines(report, label: label, state: state)
        out.append([("", plain)])
        out.append([(t(.reportHealth, [:]), title)])
        if report.warnings.isEmpty { out.append([(t(.reportNoWarnings, [:]), CellStyle(.dim))]) }
        for warning in report.warnings {
            let line: Line = [("! " + warning.text, CellStyle(.warning, bold: true))]
            if case .openWithoutNextAction = warning { out.append(line.opening(.noNextAction)) } else { out.append(line) }
        }
        return out.map { fit($0, width: width) }
    }

    /// Where deals are lost: each stage's two leaks (lost from it, kept past its limit) with the
    /// counts behind them, the limping stage (the most deals leaked), the reasons.
    static func lossLines(_ report: FunnelReport, label: Int, barWidth: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let plain = CellStyle(.normal)
        let percent = { (share: Double?) in share.map { String(format: "%.0f %%", $0 * 100) } ?? "—" }
        var out: [Line] = [[(t(.reportWhereLost, [:]), CellStyle(.overlayTitle, bold: true)), (t(.reportLeaksNote, [:]), CellStyle(.dim))]]
        // Room for the counts behind both shares beside a shorter bar.
        let barWidth = max(4, min(16, barWidth / 2))
        if report.leaks.allSatisfy({ $0.leaked == 0 }) { out.append([(t(.reportNoLosses, [:]), CellStyle(.dim))]) }
        for l in report.leaks where l.leaked > 0 {
            let limping = report.limpingStage?.id == l.stage.id
            let text = t(
                .reportLeak,
                [
                    "lost": "\(l.lost)", "deals": "\(l.deals)", "lostShare": percent(l.lostShare),
                    "stuck": "\(l.stuck)", "stuckShare": percent(l.stuckShare),
                ])
            out.append(
                Line(
                    [
                        (name(l.stage.name, label), plain),
                        (
                            DisplayWidth.fit(bar(l.leakShare ?? 0, maximum: 1, width: barWidth), to: barWidth + 1),
                            CellStyle(limping ? .danger : .warning)
                        ),
                        (String(format: "%3.0f%%", (l.leakShare ?? 0) * 100), CellStyle(.normal, bold: true)),
                        (limping ? t(.reportLimping, [:]) : "", CellStyle(.danger, bold: true)),
                        (text, CellStyle(.dim)),
                    ],
                    figure: l.lost > 0 ? .lostFrom(l.stage.id) : .late(l.stage.id)))
        }
        if !report.lostReasons.isEmpty {
            out.append([
                (t(.reportReasons, [:]), CellStyle(.dim)),
                (report.lostReasons.prefix(6).map { "\($0.reason) \($0.count)" }.joined(separator: " · "), plain),
            ])
        }
        return out
    }

    /// The forecast by month of expected close and this month's goals.
    static func forecastLines(_ report: FunnelReport, label: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let plain = CellStyle(.normal)
        let money = { (amount: Decimal) in Money.display(amount, currency: report.currency) }
        var out: [Line] = [
            [("", plain)],
            [
                (t(.reportForecast, [:]), CellStyle(.overlayTitle, bold: true)),
                (t(.reportForecastNote, [:]), CellStyle(.dim)),
            ],
        ]
        if let total = report.weightedValue { out.append([(t(.reportWeightedTotal, ["value": money(total)]), plain)]) }
        if report.forecast.isEmpty { out.append([(t(.reportNoForecast, [:]), CellStyle(.dim))]) }
        for row in report.forecast {
            let month = row.month.map { state.dates.month($0) } ?? t(.reportForecastOverdue, [:])
            out.append(
                Line(
                    [
                        (name(month, label), row.overdue ? CellStyle(.danger, bold: true) : plain),
                        (
                            t(
                                .reportForecastRow,
                                [
                                    "deals": state.text(.pluralDeals, count: row.deals), "value": money(row.value),
                                    "weighted": row.weightedValue.map(money) ?? "—",
                                ]), plain
                        ),
                    ],
                    figure: .closing(row.month)))
        }
        guard let month = report.goals.first?.goal.month else { return out }
        out += [[("", plain)], [(t(.reportGoals, ["month": state.dates.month(month)]), CellStyle(.overlayTitle, bold: true))]]
        for status in report.goals {
            let amount = { (value: Decimal) in
                status.goal.kind.isMoney ? Money.display(value, currency: status.currency) : Goal.targetText(value, kind: status.goal.kind)
            }
            let who = status.goal.seller.map { state.funnel.team.user($0)?.name ?? $0 } ?? t(.reportGoalTeam, [:])
            let kinds: [GoalKind: TextKey] = [.wonValue: .goalKindWonValue, .wonDeals: .goalKindWonDeals, .activities: .goalKindActivities]
            let line = t(
                .reportGoalLine,
                [
                    "actual": amount(status.actual), "target": amount(status.goal.target), "gap": amount(status.gap),
                    "days": state.text(.pluralDays, count: status.daysLeft),
                ])
            out.append([
                (name(who, label), plain), (state.text(kinds[status.goal.kind]!) + ": ", CellStyle(.dim)),
                (line, CellStyle(status.reached ? .accent : .normal, bold: status.reached)),
            ])
        }
        return out
    }

    /// The team table. Each cell is its own piece of the line, so a right-to-left stage or
    /// seller name is reordered inside its cell and never across the cells beside it.
    static func teamLines(_ report: FunnelReport, open stageIDs: [Stage], width: Int, label: Int, state: BoardState) -> [Line] {
        let dim = CellStyle(.dim)
        var out: [Line] = [
            [("", CellStyle(.normal))],
            [(state.text(.reportTeam), CellStyle(.overlayTitle, bold: true)), (state.text(.reportTeamNote), dim)],
        ]
        let cell = max(4, min(9, (width - label - 35) / max(1, stageIDs.count)))
        var header: Line = [(DisplayWidth.fit(state.text(.reportSeller), to: label), dim)]
        for stage in stageIDs { header.pieces.append((DisplayWidth.fit(String(stage.name.prefix(cell - 1)), to: cell), dim)) }
        header.pieces.append((state.text(.reportTeamColumns), dim))
        // The weighted value of each seller's open deals, as the CLI report has it, when it fits.
        let weightedWidth = 14
        let showWeighted = width - label - cell * stageIDs.count - 36 >= weightedWidth + 2
        if showWeighted { header.pieces.append((DisplayWidth.fit(state.text(.reportTeamWeighted), to: weightedWidth, alignRight: true), dim)) }
        out.append(header)
        for seller in report.team {
            let style = CellStyle(seller.overloaded ? .danger : .normal, bold: seller.overloaded)
            var row = Line([(name(seller.user.name, label), style)], figure: .seller(seller.user.account))
            for stage in stageIDs { row.pieces.append((DisplayWidth.fit("\(seller.openByStage[stage.id] ?? 0)", to: cell), style)) }
            let winRate = seller.winRate.map { String(format: "%.0f", $0 * 100) } ?? "—"
            row.pieces.append(
                (
                    String(format: "%4d %4d %4d  ", seller.open, seller.won, seller.lost)
                        + DisplayWidth.fit(winRate, to: 4, alignRight: true)
                        + String(format: "  %7d %5d", seller.overdueNextActions, seller.stuck), style
                ))
            if showWeighted {
                let weighted = seller.weightedValue.map { Money.display($0, currency: report.currency) } ?? "—"
                row.pieces.append((DisplayWidth.fit(weighted, to: weightedWidth, alignRight: true) + " ", style))
            }
            row.pieces.append((seller.overloaded ? state.text(.reportOverloaded) : "", CellStyle(.danger, bold: true)))
            out.append(row)
        }
        return out
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
