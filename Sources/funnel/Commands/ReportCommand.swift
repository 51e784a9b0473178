import Foundation
import FunnelCore
import FunnelText

/// `funnel report`: where the funnel leaks (R1, R17, R18), as text, JSON or CSV.
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report", summary: "Report on the funnel: stages, conversion, losses, velocity, team, health.",
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, PipelineOptionKey {
        case period
        case from
        case to
        case owner
        case format
        case deals
        case pipeline

        var spec: OptionSpec {
            switch self {
            case .period:
                OptionSpec(
                    value: "P", "week, month, quarter, year or all: the trailing 7, 30, 91 or 365 days (default month)", oneOf: ReportPeriod.Kind.self
                )
            case .from: OptionSpec(value: "DATE", "first day of a custom period (with --to)")
            case .to: OptionSpec(value: "DATE", "last day of a custom period, inclusive")
            case .owner: OptionSpec(value: "USER", "only this seller's deals (managers; reps always see their own)")
            case .format: OptionSpec(value: "F", "text (default), json or csv; fields in docs/reports.md", oneOf: ReportOutput.self)
            case .deals:
                OptionSpec(
                    value: "FIGURE",
                    "print the ids of the deals behind one figure instead (one a line; a JSON array " + "with --format json): "
                        + ReportFigure.names.joined(separator: ", "))
            case .pipeline: PipelineArgument.optionWithAll
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        if PipelineArgument.isEvery(arguments) { return try ReportAllPipelines.run(arguments, session: session) }
        let funnel = try session.funnel(arguments)
        let actor = try session.actor(in: funnel)
        let format = try arguments.choice(.format, as: ReportOutput.self) ?? .text
        let period = try self.period(arguments, session: session)
        let scope = try self.scope(arguments, funnel: funnel, actor: actor)
        let readable = try session.deals(for: actor, in: funnel, scope: scope)
        let (deals, team) = try scoped(readable, scope: scope, funnel: funnel, actor: actor)
        if let text = arguments[.deals] {
            return try drill(text, deals: deals, funnel: funnel, period: period, json: format == .json, session: session)
        }
        var report = ReportBuilder.build(
            deals: deals, pipeline: funnel.pipeline, team: team, period: period,
            now: session.now, utcOffset: session.utcOffset)
        // A goal counts every deal it covers (every pipeline's, the team's: everyone's the reader may read).
        report.goals = try goals(scope: scope, funnel: funnel, actor: actor, session: session)
        switch format {
        case .json: Console.block(ReportJSON.make(report).render())
        case .csv: Console.block(ReportCSV.make(report), terminator: "")
        case .text: Console.block(ReportText.make(report))
        }
    }

    /// The deals and sellers `scope` covers; each deal's history as its pipeline sees it.
    static func scoped(_ all: [Deal], scope: Scope, funnel: Funnel, actor: User) throws -> ([Deal], Team) {
        let deals = all.filter { deal in
            // A rep's report covers the deals they own; the shared inbox is not theirs to report on.
            scope == .mine ? deal.owner == actor.account : Visibility.includes(deal, scope: scope, actor: actor)
        }.map(\.historyInItsPipeline)
        let team =
            scope == .everyone
            ? funnel.team
            : Team(
                users: funnel.team.users.filter {
                    if case .seller(let account) = scope { return $0.account == account }
                    return $0.account == actor.account
                })
        return (deals, team)
    }

    /// The scope `--owner` asks for (managers: anyone; reps: themselves), or why not.
    static func scope(_ arguments: Arguments<Option>, funnel: Funnel, actor: User) throws -> Scope {
        var scope: Scope = actor.role == .manager ? .everyone : .mine
        if let owner = arguments[.owner] {
            guard funnel.team.user(owner) != nil else { throw CommandFailure.usage(Message.unknownOwner(account: owner).localized) }
            scope = .seller(owner)
            if let refusal = Visibility.allowed(scope, for: actor) { throw CommandFailure.refused(refusal.message.localized) }
        }
        return scope
    }

    /// This month's goals in the report's scope, with their progress (`GoalsList.progress`).
    static func goals(scope: Scope, funnel: Funnel, actor: User, session: Session) throws -> [GoalStatus] {
        var goals = GoalProgress.visible(try session.data { try session.store.loadGoals() }.goals, month: Month(session.today), to: actor)
        if case .seller(let account) = scope { goals = goals.filter { $0.seller == account } }
        return try GoalsList.progress(goals, funnel: funnel, actor: actor, session: session)
    }

    /// `--deals FIGURE`: the ids of the deals a figure counts, by the report's own rules.
    static func drill(_ text: String, deals: [Deal], funnel: Funnel, period: ReportPeriod, json: Bool, session: Session) throws {
        // A stage the pipeline lacks (its deals are counted there) is named by its id.
        var known = funnel.pipeline
        known.stages += funnel.pipeline.missingStages(of: deals)
        guard let figure = ReportFigure.parse(text, pipeline: known) else {
            throw CommandFailure.usage("--deals “\(text)” is not a figure; use one of: " + ReportFigure.names.joined(separator: ", "))
        }
        let ids = ReportDrill.deals(
            figure, in: deals, pipeline: funnel.pipeline, period: period, now: session.now,
            utcOffset: session.utcOffset
        ).map(\.id)
        if json {
            Console.block(JSONOut.array(ids.map { .string($0) }).render())
        } else {
            for id in ids { Console.line(id) }
        }
    }

    static func period(_ arguments: Arguments<Option>, session: Session) throws -> ReportPeriod {
        let from = arguments[.from], to = arguments[.to]
        if from != nil || to != nil {
            if arguments[.period] != nil { throw CommandFailure.usage("give --period or --from/--to, not both") }
            guard let from, let to else { throw CommandFailure.usage("--from and --to go together") }
            let first = try session.day(from, flag: "from"), last = try session.day(to, flag: "to")
            guard first <= last else { throw CommandFailure.usage("--from \(first.iso) is after --to \(last.iso)") }
            return ReportPeriod(first: first, last: last, name: "\(first.iso) to \(last.iso)")
        }
        let kind = try arguments.choice(.period, as: ReportPeriod.Kind.self) ?? .month
        return ReportPeriod.trailing(kind, today: session.today)
    }
}

/// `--format`: what the report is printed as.
enum ReportOutput: String, CaseIterable {
    case text, json, csv
}

/// Formatting shared by the report's outputs.
enum ReportFormat {
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func days(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
}

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

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets never run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
