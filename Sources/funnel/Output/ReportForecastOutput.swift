import Foundation
import FunnelCore
import FunnelText

/// The report's forecast, goals and leaks (issue #16), in its three formats.
enum ReportForecastOutput {
    static func share(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "—" }

    /// Text: each stage's two leaks with the counts behind them, and the limping stage.
    static func leakLines(_ report: FunnelReport) -> [String] {
        var out = ["", "Leaks (deals in the stage in the period: lost from it, or kept past its limit)"]
        guard !report.leaks.isEmpty else { return out + ["  none"] }
        out.append(
            TextTable.render(
                header: ["STAGE", "LOST", "STUCK"],
                rows: report.leaks.map {
                    [
                        $0.stage.name, "lost \($0.lost) of \($0.deals) (\(share($0.lostShare)))",
                        "stuck \($0.stuck) of \($0.deals) (\(share($0.stuckShare)))",
                    ]
                }, maxWidths: [28, 26, 26]))
        if let limping = report.limpingStage, let row = report.leaks.first(where: { $0.stage.id == limping.id }) {
            out.append("The limping stage: \(Sanitize.line(limping.name)) (\(row.leaked) of \(row.deals) leaked: lost or stuck)")
        }
        return out
    }

    /// Text: the forecast by month of expected close, and the goals of the month.
    static func forecastLines(_ report: FunnelReport) -> [String] {
        let money = { (amount: Decimal) in Money.display(amount, currency: report.currency) }
        var out = ["", "Forecast by expected close (open deals)"]
        if let total = report.weightedValue { out.append("Weighted value of the open deals: \(money(total))") }
        if report.forecast.isEmpty {
            out.append("  no open deal has an expected close date (funnel edit ID --expected-close DATE)")
        } else {
            out.append(
                TextTable.render(
                    header: ["MONTH", "DEALS", "VALUE", "WEIGHTED"],
                    rows: report.forecast.map {
                        [$0.month?.iso ?? "overdue", "\($0.deals)", money($0.value), $0.weightedValue.map(money) ?? "—"]
                    }, maxWidths: [8, 6, 22, 22]))
        }
        return out + goalLines(report.goals)
    }

    /// Text: the month's goals with their progress (nothing without goals).
    static func goalLines(_ goals: [GoalStatus]) -> [String] {
        guard let first = goals.first else { return [] }
        return [
            "", "Goals for \(first.goal.month.iso)",
            TextTable.render(
                header: ["WHO", "KIND", "TARGET", "ACTUAL", "GAP", "DAYS LEFT"],
                rows: goals.map {
                    [
                        $0.goal.seller ?? "team", $0.goal.kind.rawValue, GoalsList.amount($0.goal.target, $0.goal.kind, $0.currency),
                        GoalsList.amount($0.actual, $0.goal.kind, $0.currency), GoalsList.amount($0.gap, $0.goal.kind, $0.currency),
                        "\($0.daysLeft)",
                    ]
                }, maxWidths: [20, 10, 24, 24, 24, 9]),
        ]
    }

    /// JSON: `weighted_value`, `leaks`, `forecast` and `goals`.
    static func json(_ report: FunnelReport) -> [(String, JSONOut)] {
        func money(_ amount: Decimal?) -> JSONOut { .optional(amount.map(Money.plain)) }
        func ratio(_ value: Double?) -> JSONOut { value.map { .string(String(format: "%.4f", $0)) } ?? .null }
        return [
            ("weighted_value", money(report.weightedValue)),
            (
                "leaks",
                .array(
                    report.leaks.map {
                        .object([
                            ("stage", .string($0.stage.id)), ("deals", .number($0.deals)), ("lost", .number($0.lost)),
                            ("lost_share", ratio($0.lostShare)), ("stuck", .number($0.stuck)), ("stuck_share", ratio($0.stuckShare)),
                            ("leaked", .number($0.leaked)), ("leak_share", ratio($0.leakShare)),
                        ])
                    })
            ),
            (
                "forecast",
                .array(
                    report.forecast.map {
                        .object([
                            ("month", .optional($0.month?.iso)), ("overdue", .bool($0.overdue)), ("deals", .number($0.deals)),
                            ("value", money($0.value)), ("weighted_value", money($0.weightedValue)),
                        ])
                    })
            ),
            ("goals", .array(report.goals.map(GoalsList.json))),
        ]
    }

    /// CSV rows: `overall,,weighted_value`, `leak`, `forecast` and `goal`.
    static func csv(_ report: FunnelReport) -> [[String]] {
        func money(_ amount: Decimal?) -> String { amount.map(Money.plain) ?? "" }
        var rows: [[String]] = [["overall", "", "weighted_value", money(report.weightedValue)]]
        for l in report.leaks {
            rows += [
                ["leak", l.stage.id, "deals", "\(l.deals)"], ["leak", l.stage.id, "lost", "\(l.lost)"],
                ["leak", l.stage.id, "stuck", "\(l.stuck)"], ["leak", l.stage.id, "leaked", "\(l.leaked)"],
            ]
        }
        for f in report.forecast {
            let subject = f.month?.iso ?? "overdue"
            rows += [
                ["forecast", subject, "deals", "\(f.deals)"], ["forecast", subject, "value", money(f.value)],
                ["forecast", subject, "weighted_value", money(f.weightedValue)],
            ]
        }
        for g in report.goals {
            let subject = "\(g.goal.seller ?? "team"):\(g.goal.kind.rawValue)"
            let text = { (v: Decimal) in Goal.targetText(v, kind: g.goal.kind) }
            rows += [
                ["goal", subject, "target", text(g.goal.target)], ["goal", subject, "actual", text(g.actual)],
                ["goal", subject, "gap", text(g.gap)], ["goal", subject, "days_left", "\(g.daysLeft)"],
            ]
        }
        return rows
    }
}
