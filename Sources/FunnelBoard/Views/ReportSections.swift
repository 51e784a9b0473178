import Foundation
import FunnelCore
import FunnelText

/// The report's sections as lines: the funnel's shape, conversion, where deals are lost, days
/// in stage, the forecast, the team, the health warnings (`ReportView.lines` puts them in order).
extension ReportView {
    /// The funnel now: each open stage's deals as a bar centred on one axis, with their value.
    static func shapeLines(_ report: FunnelReport, label: Int, barWidth: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let plain = CellStyle(.normal)
        let money = { (amount: Decimal) in Money.display(amount, currency: report.currency) }
        var out: [Line] = [[(t(.reportFunnelNow, [:]), CellStyle(.overlayTitle, bold: true))]]
        let open = report.stages.filter { $0.stage.kind == .open }
        let widest = Double(open.map(\.openDeals).max() ?? 0)
        for s in open {
            // The funnel's shape: bars centred on one axis.
            let b = bar(Double(s.openDeals), maximum: widest, width: barWidth)
            let pad = max(0, (barWidth - DisplayWidth.of(b)) / 2)
            out.append(
                Line(
                    [
                        (name(s.stage.name, label), plain), (String(repeating: " ", count: pad) + b, CellStyle(.accent)),
                        (String(repeating: " ", count: max(1, barWidth - pad - DisplayWidth.of(b) + 1)), plain),
                        ("\(s.openDeals) · \(money(s.totalValue))" + (s.weightedValue.map { t(.reportWeighted, ["value": money($0)]) } ?? ""), plain),
                    ],
                    figure: .stage(s.stage.id)))
        }
        return out
    }

    /// Conversion from each stage on, then the win rate with its counts.
    static func conversionLines(_ report: FunnelReport, label: Int, barWidth: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let plain = CellStyle(.normal)
        var out: [Line] = [[(t(.reportConversion, [:]), CellStyle(.overlayTitle, bold: true)), (t(.reportConversionNote, [:]), CellStyle(.dim))]]
        for c in report.conversions {
            let rate = c.rate ?? 0
            out.append(
                Line(
                    [
                        (name("\(c.from.name) →", label), plain),
                        (DisplayWidth.fit(bar(rate, maximum: 1, width: barWidth), to: barWidth + 1), CellStyle(.accent)),
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
        return out
    }

    /// Days in each open stage: the median as a bar against the slowest, median / 90th percentile.
    static func velocityLines(_ report: FunnelReport, label: Int, barWidth: Int, state: BoardState) -> [Line] {
        let t = { (key: TextKey, args: [String: String]) in state.text(key, args) }
        let plain = CellStyle(.normal)
        var out: [Line] = [[(t(.reportDaysInStage, [:]), CellStyle(.overlayTitle, bold: true)), (t(.reportDaysNote, [:]), CellStyle(.dim))]]
        let slowest = report.velocity.compactMap(\.p90Days).max() ?? 0
        for v in report.velocity where v.stage.kind == .open {
            out.append([
                (name(v.stage.name, label), plain),
                (DisplayWidth.fit(bar(v.medianDays ?? 0, maximum: slowest, width: barWidth), to: barWidth + 1), CellStyle(.accent)),
                ("\(days(v.medianDays)) / \(days(v.p90Days))" + t(.reportDaysUnit, [:]), plain),
                (state.text(.reportStays, count: v.stays), CellStyle(.dim)),
            ])
        }
        return out
    }

    /// Days with one decimal; under a day, two (a stay of an hour is 0.04, not a bar beside 0.0).
    static func days(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: value > 0 && value < 1 ? "%.2f" : "%.1f", value)
    }

    /// The health warnings (an open deal without a next action opens those deals).
    static func healthLines(_ report: FunnelReport, state: BoardState) -> [Line] {
        var out: [Line] = [[(state.text(.reportHealth), CellStyle(.overlayTitle, bold: true))]]
        if report.warnings.isEmpty { out.append([(state.text(.reportNoWarnings), CellStyle(.dim))]) }
        for warning in report.warnings {
            let line: Line = [("! " + warning.text, CellStyle(.warning, bold: true))]
            if case .openWithoutNextAction = warning { out.append(line.opening(.noNextAction)) } else { out.append(line) }
        }
        return out
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
}
