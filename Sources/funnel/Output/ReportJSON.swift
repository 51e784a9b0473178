import Foundation
import FunnelCore
import FunnelText

/// `--format json`.
enum ReportJSON {
    static func make(_ report: FunnelReport) -> JSONOut {
        .object(
            [
                (
                    "period",
                    .object([
                        ("first", .optional(report.period.first?.iso)), ("last", .string(report.period.last.iso)),
                        ("name", .string(report.period.name)),
                    ])
                ),
                ("currency", .string(report.currency)),
                ("stages", stages(report)),
                ("conversions", conversions(report)),
                ("won", .number(report.won)), ("lost", .number(report.lost)), ("win_rate", number(report.winRate)),
                ("new_deals", .number(report.newDeals)),
                ("losses", losses(report)),
                ("limping_stage", .optional(report.limpingStage?.id)),
                ("lost_reasons", .array(report.lostReasons.map { .object([("reason", .string($0.reason)), ("count", .number($0.count))]) })),
                ("velocity", velocity(report)),
                ("median_days_to_won", number(report.medianDaysToWon)),
                ("team", team(report)),
                ("warnings", .array(report.warnings.map { .object([("code", .string($0.code)), ("text", .string($0.text))]) })),
            ] + ReportForecastOutput.json(report))
    }

    static func money(_ amount: Decimal?) -> JSONOut { .optional(amount.map(Money.plain)) }
    static func number(_ value: Double?) -> JSONOut { value.map { .string(String(format: "%.4f", $0)) } ?? .null }

    static func stages(_ report: FunnelReport) -> JSONOut {
        .array(
            report.stages.map {
                .object([
                    ("stage", .string($0.stage.id)), ("open_deals", .number($0.openDeals)), ("total_value", money($0.totalValue)),
                    ("average_value", money($0.averageValue)), ("weighted_value", money($0.weightedValue)),
                ])
            })
    }

    static func conversions(_ report: FunnelReport) -> JSONOut {
        .array(
            report.conversions.map {
                .object([
                    ("from", .string($0.from.id)), ("to", .string($0.to.id)), ("entered", .number($0.entered)),
                    ("reached", .number($0.reached)), ("rate", number($0.rate)),
                ])
            })
    }

    static func losses(_ report: FunnelReport) -> JSONOut {
        .array(report.losses.map { .object([("stage", .string($0.stage.id)), ("lost", .number($0.lost)), ("share", number($0.share))]) })
    }

    static func velocity(_ report: FunnelReport) -> JSONOut {
        .array(
            report.velocity.map {
                .object([
                    ("stage", .string($0.stage.id)), ("stays", .number($0.stays)), ("median_days", number($0.medianDays)),
                    ("p90_days", number($0.p90Days)),
                ])
            })
    }

    static func team(_ report: FunnelReport) -> JSONOut {
        let openStages = report.stages.filter { $0.stage.kind == .open }.map(\.stage.id)
        return .array(
            report.team.map { seller in
                .object([
                    ("seller", .string(seller.user.account)), ("open", .number(seller.open)),
                    ("open_by_stage", .object(openStages.map { ($0, .number(seller.openByStage[$0] ?? 0)) })),
                    ("won", .number(seller.won)), ("lost", .number(seller.lost)), ("win_rate", number(seller.winRate)),
                    ("overdue_next_actions", .number(seller.overdueNextActions)), ("stuck", .number(seller.stuck)),
                    ("stages_in_play", .number(seller.stagesInPlay)), ("overloaded", .bool(seller.overloaded)),
                    ("weighted_value", money(seller.weightedValue)),
                ])
            })
    }
}
