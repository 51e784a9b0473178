import Foundation
import FunnelCore
import FunnelText

/// `funnel report --pipeline all`: each pipeline's report, in order, then the totals of all of
/// them (`PipelineTotals`); as text or JSON (CSV and `--deals` take one pipeline).
enum ReportAllPipelines {
    static func run(_ arguments: Arguments<ReportCommand.Option>, session: Session) throws {
        let format = try arguments.choice(.format, as: ReportOutput.self) ?? .text
        guard format != .csv else {
            throw CommandFailure.usage("--pipeline all reports as text or json; --format csv takes one pipeline")
        }
        if arguments[.deals] != nil { throw CommandFailure.usage("--deals takes one pipeline: --pipeline NAME") }
        let first = try session.funnel()
        let actor = try session.actor(in: first)
        let period = try ReportCommand.period(arguments, session: session)
        let scope = try ReportCommand.scope(arguments, funnel: first, actor: actor)
        let set = try session.pipelines()
        let all = try session.deals(for: actor, in: nil, scope: scope, leaving: .counted)
        let reports = try set.entries.map { entry -> (PipelineEntry, FunnelReport) in
            let funnel = first.on(entry)
            let (deals, team) = try ReportCommand.scoped(set.deals(all, in: entry.id), scope: scope, funnel: funnel, actor: actor)
            return (
                entry,
                ReportBuilder.build(
                    deals: deals, pipeline: entry.pipeline, team: team, period: period,
                    now: session.now, utcOffset: session.utcOffset)
            )
        }
        let totals = PipelineTotals(reports.map(\.1))
        // The goals are the whole team's, over every pipeline: the total's, counted as everywhere.
        let goals = try ReportCommand.goals(scope: scope, funnel: first, actor: actor, session: session)
        if format == .json {
            Console.block(
                JSONOut.object([
                    (
                        "pipelines",
                        .array(
                            reports.map { entry, report in
                                .object([("id", .string(entry.id)), ("name", .string(entry.pipeline.name)), ("report", ReportJSON.make(report))])
                            })
                    ),
                    ("total", json(totals, goals: goals)),
                ]).render())
            return
        }
        var out: [String] = []
        for (entry, report) in reports {
            out += ["== " + Sanitize.line(UI.text(.cliPipelinesHeader, ["name": entry.pipeline.name])) + " ==", ReportText.make(report), ""]
        }
        out += ["== " + UI.text(.cliPipelineTotal) + " ==", text(totals)] + ReportForecastOutput.goalLines(goals)
        Console.block(out.joined(separator: "\n"))
    }

    static func json(_ totals: PipelineTotals, goals: [GoalStatus]) -> JSONOut {
        .object([
            ("pipelines", .number(totals.pipelines)), ("open_deals", .number(totals.openDeals)),
            ("open_value", .optional(totals.openValue.map(Money.plain))), ("currency", .string(totals.currency)),
            ("won", .number(totals.won)), ("lost", .number(totals.lost)), ("new_deals", .number(totals.newDeals)),
            ("win_rate", totals.winRate.map { .string(String(format: "%.4f", $0)) } ?? .null),
            ("goals", .array(goals.map(GoalsList.json))),
        ])
    }

    static func text(_ totals: PipelineTotals) -> String {
        let value = totals.openValue.map { Money.display($0, currency: totals.currency) } ?? "— (several currencies)"
        return """
            Open deals: \(totals.openDeals) (\(value)) in \(totals.pipelines) pipelines
            Win rate: \(ReportFormat.percent(totals.winRate)) (\(totals.won) won, \(totals.lost) lost); new deals: \(totals.newDeals)
            """
    }
}
