import Foundation
import FunnelCore
import FunnelText

/// `--format csv`: one figure per row: section, subject, metric, value.
enum ReportCSV {
    static func make(_ report: FunnelReport) -> String {
        var rows: [[String]] = [["section", "subject", "metric", "value"]]
        func money(_ amount: Decimal?) -> String { amount.map(Money.plain) ?? "" }
        rows.append(["period", "", "first", report.period.first?.iso ?? ""])
        rows.append(["period", "", "last", report.period.last.iso])
        for s in report.stages {
            rows += [
                ["stage", s.stage.id, "open_deals", "\(s.openDeals)"], ["stage", s.stage.id, "total_value", money(s.totalValue)],
                ["stage", s.stage.id, "average_value", money(s.averageValue)],
                ["stage", s.stage.id, "weighted_value", money(s.weightedValue)],
            ]
        }
        for c in report.conversions {
            let subject = "\(c.from.id)>\(c.to.id)"
            rows += [
                ["conversion", subject, "entered", "\(c.entered)"], ["conversion", subject, "reached", "\(c.reached)"],
                ["conversion", subject, "rate", ReportFormat.ratio(c.rate)],
            ]
        }
        rows += [
            ["overall", "", "won", "\(report.won)"], ["overall", "", "lost", "\(report.lost)"],
            ["overall", "", "win_rate", ReportFormat.ratio(report.winRate)], ["overall", "", "new_deals", "\(report.newDeals)"],
            ["overall", "", "median_days_to_won", ReportFormat.ratio(report.medianDaysToWon)],
            ["overall", "", "limping_stage", report.limpingStage?.id ?? ""],
        ]
        for l in report.losses {
            rows += [["loss", l.stage.id, "lost", "\(l.lost)"], ["loss", l.stage.id, "share", ReportFormat.ratio(l.share)]]
        }
        for r in report.lostReasons { rows.append(["lost_reason", r.reason, "count", "\(r.count)"]) }
        for v in report.velocity {
            rows += [
                ["velocity", v.stage.id, "stays", "\(v.stays)"], ["velocity", v.stage.id, "median_days", ReportFormat.ratio(v.medianDays)],
                ["velocity", v.stage.id, "p90_days", ReportFormat.ratio(v.p90Days)],
            ]
        }
        for t in report.team {
            let who = t.user.account
            rows += [
                ["team", who, "open", "\(t.open)"], ["team", who, "won", "\(t.won)"], ["team", who, "lost", "\(t.lost)"],
                ["team", who, "win_rate", ReportFormat.ratio(t.winRate)],
                ["team", who, "overdue_next_actions", "\(t.overdueNextActions)"], ["team", who, "stuck", "\(t.stuck)"],
                ["team", who, "overloaded", t.overloaded ? "true" : "false"],
                ["team", who, "weighted_value", money(t.weightedValue)],
            ]
            for (stage, n) in t.openByStage.sorted(by: { $0.key < $1.key }) { rows.append(["team", who, "open:\(stage)", "\(n)"]) }
        }
        for w in report.warnings { rows.append(["warning", w.code, "text", w.text]) }
        rows += ReportForecastOutput.csv(report)
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting and the guard against formulas that `export` uses (`CSVCell`): a text
    /// starting with = + - @, a tab or a carriage return gets a leading ' so a spreadsheet never
    /// runs it; a number such as -1 stays a number.
    static func field(_ text: String) -> String {
        CSVCell.field(text, keepingNumbers: true)
    }
}
