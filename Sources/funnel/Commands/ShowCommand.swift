import Foundation
import FunnelCore
import FunnelText

/// `funnel show ID`: every field of one deal and its stage history.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show", summary: "Show one deal: every field and its stage history.",
        arguments: [.dealID],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case json

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print a JSON object (fields in docs/cli.md)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let (first, _, deal) = try session.visibleDealWithFunnel(arguments.positionals[0])
        let set = try session.pipelines()
        let funnel = first.on(set.entry(for: deal))
        if arguments.flag(.json) {
            var writer = JSONWriter(pretty: true)
            DealJSON.write(deal, funnel: funnel, now: session.now, utcOffset: session.utcOffset, full: true, to: &writer)
            Console.block(String(decoding: writer.bytes, as: UTF8.self))
            return
        }
        Console.lines(render(deal, funnel: funnel, now: session.now, utcOffset: session.utcOffset, pipelines: set))
    }

    /// One value on its own line: control characters shown, bidi marks kept for `Console.lines`,
    /// which orders the line with them and drops them.
    static func field(_ value: String) -> String { Sanitize.line(value, keepingBidiMarks: true) }

    /// The stage history, one line a change; a move into another pipeline names it ("Pipeline:
    /// Renewals · Meeting / quote → Opportunity"), each stage named in its own pipeline (its id where
    /// that is not known: before a move, for a deal created elsewhere).
    static func historyLines(_ deal: Deal, funnel: Funnel, pipelines: PipelineSet?) -> [String] {
        var lines = [UI.text(.showHistory)]
        var current = startingPipeline(deal, funnel: funnel, pipelines: pipelines)
        func name(_ stage: String?, in pipeline: Pipeline?) -> String {
            stage.flatMap { id in pipeline?.stage(id: id)?.name } ?? stage ?? "—"
        }
        for change in deal.history {
            let move: String
            if let id = change.pipeline {
                let target = pipelines?.entry(id: id)?.pipeline ?? (id == funnel.pipelineID ? funnel.pipeline : nil)
                move = UI.text(
                    .historyPipelineMove,
                    ["pipeline": target?.name ?? id, "from": name(change.from, in: current), "to": name(change.to, in: target)])
                current = target
            } else if change.from == nil {
                move = UI.text(.historyCreatedIn, ["stage": name(change.to, in: current)])
            } else {
                move = "\(name(change.from, in: current)) → \(name(change.to, in: current))"
            }
            lines.append("  \(Timestamp.format(change.at))  \(field(change.by))  \(field(move))")
        }
        return lines
    }

    /// The pipeline the history starts in: the one the deal is in now when it never moved between
    /// pipelines; else (where it was created is not recorded) the first pipeline, in order, having
    /// every stage the history names before its first move; nil when none has.
    static func startingPipeline(_ deal: Deal, funnel: Funnel, pipelines: PipelineSet?) -> Pipeline? {
        guard let firstMove = deal.history.firstIndex(where: { $0.pipeline != nil }) else { return funnel.pipeline }
        let before = deal.history[..<firstMove].map(\.to) + [deal.history[firstMove].from].compactMap { $0 }
        return pipelines?.entries.first { entry in before.allSatisfy { entry.pipeline.stage(id: $0) != nil } }?.pipeline
    }

    static func render(_ deal: Deal, funnel: Funnel, now: Date, utcOffset: Int, pipelines: PipelineSet? = nil) -> String {
        let pipeline = funnel.pipeline
        func name(_ stage: String?) -> String { stage.flatMap { pipeline.stage(id: $0)?.name } ?? stage ?? "—" }
        func owner(_ account: String?) -> String {
            guard let account else { return UI.text(.showInboxOwner) }
            return funnel.team.user(account).map { "\($0.name) (\(account))" } ?? account
        }
        let language = UI.language
        let next = deal.nextAction.map { "\(UI.dates.full($0.date)) \($0.text)" } ?? "—"
        var rows: [(TextKey, String)] = [
            (.showId, deal.id), (.showTitle, deal.title), (.showCompany, deal.company), (.showContact, deal.contact),
            (.showPhone, deal.phone), (.showEmail, deal.email),
            (.showStage, name(deal.stage) + (funnel.pipelineID == PipelineSet.firstID ? "" : " · " + pipeline.name)),
            (.showOwner, owner(deal.owner)), (.showPriority, priority(deal.priority)), (.showValue, deal.money?.display ?? "—"),
            (.showNextAction, next),
        ]
        rows += forecastRows(deal, stage: pipeline.stage(id: deal.stage))
        rows += [
            (.showCreated, Timestamp.format(deal.created)), (.showInStageSince, Timestamp.format(deal.stageEntered)),
        ]
        if let reason = deal.lostReason { rows.append((.showLostReason, reason)) }
        if !deal.source.isEmpty { rows.append((.showSource, deal.source)) }
        let flags = DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset)
        if !flags.isEmpty {
            rows.append((.showFlags, flags.map { "\($0.label(in: language)) (\($0.advice(in: language)))" }.joined(separator: "; ")))
        }
        let attempts = Attempts.unanswered(deal)
        if attempts > 0 { rows.append((.showAttempts, UI.text(.pluralUnansweredSince, count: attempts))) }
        rows.append(
            (
                .showCallSteps,
                CallStep.allCases.map { (deal.callSteps.contains($0) ? "[x] " : "[ ] ") + $0.label(in: language) }
                    .joined(separator: "  ")
            ))
        if let terms = deal.paymentTerms {
            rows.append((.showPayment, UI.text(.showPaymentTerms, ["count": "\(terms.installments)", "method": terms.method.label(in: language)])))
        }
        if !deal.trainedModules.isEmpty { rows.append((.showTrained, deal.trainedModules.joined(separator: ", "))) }
        if !deal.modules.isEmpty { rows.append((.showBilled, deal.modules.map(\.module).joined(separator: ", "))) }
        var lines = rows.map { DisplayWidth.fit(UI.text($0.0), to: 15) + field($0.1) }
        if !deal.notes.isEmpty {
            lines.append(UI.text(.showNotes))
            lines += Sanitize.lines(deal.notes).map { "  " + $0 }
        }
        if !deal.activities.isEmpty {
            lines.append(UI.text(.showActivities))
            for activity in deal.activities {
                lines.append("  \(Timestamp.format(activity.at))  \(field(activity.by))  \(field(activity.summary(in: language)))")
            }
        }
        lines += historyLines(deal, funnel: funnel, pipelines: pipelines)
        lines += logLines(deal, funnel: funnel)
        return lines.joined(separator: "\n")
    }

    /// The deal's probability (its own or its stage's) with its weighted value, and its expected close.
    static func forecastRows(_ deal: Deal, stage: Stage?) -> [(TextKey, String)] {
        var rows: [(TextKey, String)] = []
        if let percent = WeightedValue.probability(of: deal, in: stage) {
            let weighted = WeightedValue.of(deal, in: stage).map { Money.display($0, currency: deal.currency) } ?? "—"
            rows.append(
                (
                    .showProbability,
                    UI.text(
                        deal.probability == nil ? .showProbabilityStage : .showProbabilityOwn,
                        ["percent": "\(percent)", "weighted": weighted])
                ))
        }
        if let close = deal.expectedClose { rows.append((.showExpectedClose, UI.dates.full(close))) }
        return rows
    }

    /// A priority's name in the UI's language.
    static func priority(_ priority: Priority) -> String {
        let keys: [Priority: TextKey] = [.high: .priorityHigh, .normal: .priorityNormal, .low: .priorityLow]
        return keys[priority].map { UI.text($0) } ?? priority.rawValue
    }

    /// The owners' log (R16) and the billed modules (R21), when there are any.
    static func logLines(_ deal: Deal, funnel: Funnel) -> [String] {
        func who(_ account: String?) -> String { account.map { funnel.team.user($0)?.name ?? $0 } ?? UI.text(.showInbox) }
        var lines: [String] = []
        if !deal.assignments.isEmpty {
            lines.append(UI.text(.showAssignments))
            for a in deal.assignments {
                lines.append("  \(Timestamp.format(a.at))  \(field(a.by))  \(field(who(a.from))) → \(field(who(a.to)))")
            }
        }
        if !deal.modules.isEmpty {
            lines.append(UI.text(.showModulesBilled))
            for billed in deal.modules {
                lines.append("  \(Timestamp.format(billed.at))  \(field(billed.by))  \(field(billed.module))")
            }
        }
        return lines
    }
}
