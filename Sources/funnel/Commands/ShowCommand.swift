import Foundation
import FunnelCore
import FunnelText

/// `funnel show ID`: every field of one deal and its stage history.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show", summary: "Show one deal: every field and its stage history.",
        arguments: [ArgumentSpec(name: "ID", required: true, help: "deal id or a unique prefix of it")],
        options: [OptionSpec("json", "print a JSON object (fields in docs/cli.md)")])

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let deal = try session.visibleDeal(arguments.positionals[0], actor: actor)
        if arguments.has("json") {
            Console.block(DealJSON.make(deal, funnel: funnel, now: session.now, utcOffset: session.utcOffset, full: true).render())
            return
        }
        Console.block(render(deal, funnel: funnel, now: session.now, utcOffset: session.utcOffset))
    }

    static func render(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int) -> String {
        let pipeline = funnel.pipeline
        func name(_ stage: String?) -> String { stage.flatMap { pipeline.stage(id: $0)?.name } ?? stage ?? "—" }
        func owner(_ account: String?) -> String {
            guard let account else { return "— (inbox)" }
            return funnel.team.user(account).map { "\($0.name) (\(account))" } ?? account
        }
        let next = deal.nextAction.map { "\($0.date.iso) \($0.text)" } ?? "—"
        var rows: [(String, String)] = [
            ("id", deal.id), ("title", deal.title), ("company", deal.company), ("contact", deal.contact),
            ("phone", deal.phone), ("email", deal.email), ("stage", name(deal.stage)),
            ("owner", owner(deal.owner)), ("priority", deal.priority.rawValue), ("value", deal.money?.display ?? "—"),
            ("next action", next),
            ("created", Timestamp.format(deal.created)), ("in stage since", Timestamp.format(deal.stageEntered)),
        ]
        if let reason = deal.lostReason { rows.append(("lost reason", reason)) }
        if !deal.source.isEmpty { rows.append(("source", deal.source)) }
        let flags = DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset)
        if !flags.isEmpty { rows.append(("flags", flags.map { "\($0.label) (\($0.advice))" }.joined(separator: "; "))) }
        let attempts = Attempts.unanswered(deal)
        if attempts > 0 { rows.append(("attempts", "\(attempts) unanswered since last reached")) }
        rows.append(("call steps", CallStep.allCases.map { (deal.callSteps.contains($0) ? "[x] " : "[ ] ") + $0.label }.joined(separator: "  ")))
        if let terms = deal.paymentTerms { rows.append(("payment", "\(terms.installments) installments, \(terms.method.label)")) }
        if !deal.trainedModules.isEmpty { rows.append(("trained", deal.trainedModules.joined(separator: ", "))) }
        if !deal.modules.isEmpty { rows.append(("billed", deal.modules.map(\.module).joined(separator: ", "))) }
        var lines = rows.map { DisplayWidth.fit($0.0, to: 15) + Sanitize.line($0.1) }
        if !deal.notes.isEmpty {
            lines.append("notes")
            lines += Sanitize.lines(deal.notes).map { "  " + $0 }
        }
        if !deal.activities.isEmpty {
            lines.append("activities")
            for activity in deal.activities {
                lines.append("  \(Timestamp.format(activity.at))  \(Sanitize.line(activity.by))  \(Sanitize.line(activity.summary))")
            }
        }
        lines.append("history")
        for change in deal.history {
            let move = change.from == nil ? "created in \(name(change.to))" : "\(name(change.from)) → \(name(change.to))"
            lines.append("  \(Timestamp.format(change.at))  \(Sanitize.line(change.by))  \(Sanitize.line(move))")
        }
        lines += logLines(deal, funnel: funnel)
        return lines.joined(separator: "\n")
    }

    /// The owners' log (R16) and the billed modules (R21), when there are any.
    static func logLines(_ deal: Deal, funnel: Funnel) -> [String] {
        func who(_ account: String?) -> String { account.map { funnel.team.user($0)?.name ?? $0 } ?? "inbox" }
        var lines: [String] = []
        if !deal.assignments.isEmpty {
            lines.append("assignments")
            for a in deal.assignments {
                lines.append("  \(Timestamp.format(a.at))  \(Sanitize.line(a.by))  \(Sanitize.line(who(a.from))) → \(Sanitize.line(who(a.to)))")
            }
        }
        if !deal.modules.isEmpty {
            lines.append("modules billed")
            for billed in deal.modules {
                lines.append("  \(Timestamp.format(billed.at))  \(Sanitize.line(billed.by))  \(Sanitize.line(billed.module))")
            }
        }
        return lines
    }
}
