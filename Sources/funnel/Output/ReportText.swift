import Foundation
import FunnelCore
import FunnelText

/// `--format text`.
enum ReportText {
    static func make(_ report: FunnelReport) -> String {
        let money = { (amount: Decimal?) in amount.map { Money.display($0, currency: report.currency) } ?? "—" }
        var out: [String] = [Sanitize.line("Funnel report, \(report.period.label) (\(report.period.name))"), ""]
        out.append("Stages now")
        out.append(
            TextTable.render(
                header: ["STAGE", "OPEN", "TOTAL", "AVERAGE", "WEIGHTED"],
                rows: report.stages.map {
                    [$0.stage.name, "\($0.openDeals)", money($0.totalValue), money($0.averageValue), money($0.weightedValue)]
                }, maxWidths: [28, 6, 16, 14, 16]))
        out += ["", "Conversion (of the deals that entered a stage in the period, how many went further)"]
        out.append(
            TextTable.render(
                header: ["FROM", "TO", "ENTERED", "REACHED", "RATE"],
                rows: report.conversions.map {
                    [$0.from.name, $0.to.name, "\($0.entered)", "\($0.reached)", ReportFormat.percent($0.rate)]
                }, maxWidths: [28, 28, 8, 8, 7]))
        out.append("Win rate: \(ReportFormat.percent(report.winRate)) (\(report.won) won, \(report.lost) lost); new deals: \(report.newDeals)")
        out += ["", "Losses by the stage they were lost from"]
        if report.losses.isEmpty {
            out.append("  none")
        } else {
            out.append(
                TextTable.render(
                    header: ["STAGE", "LOST", "SHARE"],
                    rows: report.losses.map {
                        [$0.stage.name, "\($0.lost)", ReportFormat.percent($0.share)]
                    }, maxWidths: [28, 6, 7]))
            out.append("Lost reasons: " + report.lostReasons.map { "\(Sanitize.line($0.reason)) (\($0.count))" }.joined(separator: ", "))
        }
        out += ReportForecastOutput.leakLines(report)
        out += ["", "Velocity (days in stage, stays that ended in the period)"]
        out.append(
            TextTable.render(
                header: ["STAGE", "STAYS", "MEDIAN", "P90"],
                rows: report.velocity.map {
                    [$0.stage.name, "\($0.stays)", ReportFormat.days($0.medianDays), ReportFormat.days($0.p90Days)]
                }, maxWidths: [28, 6, 7, 7]))
        out.append("Median days from creation to won: \(ReportFormat.days(report.medianDaysToWon))")
        if !report.team.isEmpty {
            out += ["", "Team"]
            let stageIDs = report.stages.filter { $0.stage.kind == .open }.map(\.stage.id)
            out.append(
                TextTable.render(
                    header: ["SELLER", "OPEN"] + stageIDs.map { $0.uppercased() } + ["WON", "LOST", "WIN", "OVERDUE", "STUCK", "WEIGHTED", ""],
                    rows: report.team.map { seller in
                        [seller.user.name, "\(seller.open)"] + stageIDs.map { "\(seller.openByStage[$0] ?? 0)" }
                            + [
                                "\(seller.won)", "\(seller.lost)", ReportFormat.percent(seller.winRate), "\(seller.overdueNextActions)",
                                "\(seller.stuck)", money(seller.weightedValue), seller.overloaded ? "OVERLOADED" : "",
                            ]
                    }, maxWidths: [20, 5] + stageIDs.map { _ in 12 } + [5, 5, 7, 8, 6, 16, 10]))
        }
        out += ReportForecastOutput.forecastLines(report)
        out += ["", "Health"]
        out += report.warnings.isEmpty ? ["  no warnings"] : report.warnings.map { "  ! " + Sanitize.line($0.text) }
        return out.joined(separator: "\n")
    }
}
