import Foundation
import FunnelCore
import FunnelStore
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
        // The report counts stages, values and histories: no activity, no text a person reads is decoded.
        if let text = arguments[.deals] {
            let readable = try session.deals(for: actor, in: funnel, scope: scope, leaving: .counted)
            let (deals, _) = try scoped(readable, scope: scope, funnel: funnel, actor: actor)
            return try drill(text, deals: deals, funnel: funnel, period: period, json: format == .json, session: session)
        }
        // A rep's report covers the deals they own; the shared inbox is not theirs to report on.
        let ownOnly = scope == .mine, account = actor.account
        let rows = try session.reportRows(for: actor, in: funnel, scope: scope) { head in !ownOnly || head.owner == account }
        var report = ReportBuilder.build(
            rows: rows, pipeline: funnel.pipeline, team: team(scope, funnel: funnel, actor: actor), period: period,
            now: session.now, utcOffset: session.utcOffset)
        // A goal counts every deal it covers (every pipeline's, the team's: everyone's the reader may read).
        report.goals = try goals(scope: scope, funnel: funnel, actor: actor, session: session)
        switch format {
        case .json: Console.block(ReportJSON.make(report).render())
        case .csv: Console.block(ReportCSV.make(report), terminator: "")
        case .text: Console.block(ReportText.make(report))
        }
    }

    /// The deals and sellers `scope` covers.
    static func scoped(_ all: [Deal], scope: Scope, funnel: Funnel, actor: User) throws -> ([Deal], Team) {
        // Everyone's deals, when the actor may see everyone's, are all of them: none looked at again.
        let everyone = scope == .everyone && Visibility.includes(owner: nil, scope: scope, actor: actor)
        let deals =
            everyone
            ? all
            : all.filter { deal in
                // A rep's report covers the deals they own; the shared inbox is not theirs to report on.
                scope == .mine ? deal.owner == actor.account : Visibility.includes(deal, scope: scope, actor: actor)
            }
        return (deals, team(scope, funnel: funnel, actor: actor))
    }

    /// The sellers `scope` covers.
    static func team(_ scope: Scope, funnel: Funnel, actor: User) -> Team {
        guard scope != .everyone else { return funnel.team }
        return Team(
            users: funnel.team.users.filter {
                if case .seller(let account) = scope { return $0.account == account }
                return $0.account == actor.account
            })
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
