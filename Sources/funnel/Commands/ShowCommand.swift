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
            print(DealJSON.make(deal, pipeline: funnel.pipeline, withHistory: true).render())
            return
        }
        print(render(deal, funnel: funnel, utcOffset: session.utcOffset))
    }

    static func render(_ deal: Deal, funnel: Funnel, utcOffset: Int) -> String {
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
            ("owner", owner(deal.owner)), ("value", deal.money?.display ?? "—"), ("next action", next),
            ("created", Timestamp.format(deal.created)), ("in stage since", Timestamp.format(deal.stageEntered)),
        ]
        if let reason = deal.lostReason { rows.append(("lost reason", reason)) }
        var lines = rows.map { DisplayWidth.fit($0.0, to: 15) + Sanitize.line($0.1) }
        if !deal.notes.isEmpty {
            lines.append("notes")
            lines += Sanitize.lines(deal.notes).map { "  " + $0 }
        }
        lines.append("history")
        for change in deal.history {
            let move = change.from == nil ? "created in \(name(change.to))" : "\(name(change.from)) → \(name(change.to))"
            lines.append("  \(Timestamp.format(change.at))  \(Sanitize.line(change.by))  \(Sanitize.line(move))")
        }
        return lines.joined(separator: "\n")
    }
}
