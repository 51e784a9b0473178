import Foundation
import FunnelCore

/// `funnel log ID OUTCOME`: logs a call outcome (or an email, meeting, note, training) and sets
/// the next action: the one given, or the one proposed (R2, R14).
enum LogCommand: Command {
    static let spec = CommandSpec(
        name: "log", summary: "Log a call's outcome (or an email, meeting, note, training) on a deal.",
        arguments: [
            ArgumentSpec(name: "ID", required: true, help: "deal id or a unique prefix of it"),
            ArgumentSpec(name: "OUTCOME", required: true, help: LogEntry.allNames.joined(separator: ", ")),
        ],
        options: [
            OptionSpec("note", value: "TEXT", "what was said or done"),
            OptionSpec("next", value: "DATE", "next action date (default for calls: tomorrow after no answer, +2d after reaching them)"),
            OptionSpec("what", value: "TEXT", "what the next action is"),
            OptionSpec("module", value: "MODULE", "with training: the module trained, which may then be billed (R21)"),
        ],
        details: "A call never changes the deal's stage (R2). example: funnel log 7kq2 no-answer --note \"voicemail full\"\n"
            + "Before billing a module (funnel bill ID MODULE): funnel log ID training --module MODULE (R21)")

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let text = arguments.positionals[1]
        guard let entry = LogEntry(text) else {
            var message = "“\(text)” is not an outcome; use one of: \(LogEntry.allNames.joined(separator: ", "))"
            if let guess = Suggest.closest(text, among: LogEntry.allNames) { message += "; did you mean \(guess)?" }
            throw CommandFailure.usage(message)
        }
        let module = arguments.value("module")
        if module != nil, entry != .other(.training) { throw CommandFailure.usage("--module goes with training: funnel log ID training --module MODULE") }
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        var next = try NextActionArguments.parse(arguments, session: session)
        let proposed = next == nil
        if next == nil { next = Attempts.proposedNext(after: entry, today: session.today, pipeline: funnel.pipeline) }
        let deal = try session.change(id, by: actor, funnel: funnel,
                                      changes(entry, note: arguments.value("note") ?? "", next: next, module: module))
        var line = "logged \(entry.name)\(module.map { " of " + BilledModule.clean($0) } ?? "") on \(deal.id)"
        if let next = deal.nextAction {
            line += "; next action \(next.date.iso)\(next.text.isEmpty ? "" : " \(next.text)")\(proposed ? " (proposed; change with --next)" : "")"
        }
        Console.line(line)
        let flags = DealFlags.of(deal, pipeline: funnel.pipeline, now: session.now, utcOffset: session.utcOffset)
        for flag in flags where flag == .unreachable || flag == .emailDue { Console.error("note: \(flag.advice)") }
    }

    /// The log as changes: a training of a module (R21) is its own change, with the next action beside it.
    static func changes(_ entry: LogEntry, note: String, next: NextAction?, module: String?) -> [DealChange] {
        guard let module else { return [.log(entry, note: note, next: next)] }
        guard let next else { return [.training(module: module, note: note)] }
        var edit = DealEdit()
        edit.nextAction = .some(next)
        return [.training(module: module, note: note), .edit(edit)]
    }
}

extension LogEntry {
    /// The word used on the command line.
    var name: String {
        switch self {
        case .call(let outcome): return outcome.rawValue
        case .other(let kind): return kind.rawValue
        }
    }
}
