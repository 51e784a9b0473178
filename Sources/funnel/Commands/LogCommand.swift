import Foundation
import FunnelCore

/// `funnel log ID OUTCOME`: logs a call outcome (or an email, meeting, note, training) and sets
/// the next action: the one given, or the one proposed (R2, R14).
enum LogCommand: Command {
    static let spec = CommandSpec(
        name: "log", summary: "Log a call's outcome (or an email, meeting, note, training) on a deal.",
        arguments: [
            .dealID,
            ArgumentSpec(name: "OUTCOME", required: true, help: LogEntry.allNames.joined(separator: ", ")),
        ],
        options: Option.specs,
        details: "A call never changes the deal's stage (R2). example: funnel log 7kq2 no-answer --note \"voicemail full\"\n"
            + "Before billing a module (funnel bill ID MODULE): funnel log ID training --module MODULE (R21)")

    /// The options, declared once.
    enum Option: String, NextActionOptionKey {
        case note
        case next
        case what
        case module

        var spec: OptionSpec {
            switch self {
            case .note: OptionSpec(value: "TEXT", "what was said or done")
            case .next: OptionSpec(value: "DATE", "next action date (default for calls: tomorrow after no answer, +2d after reaching them)")
            case .what: NextActionArguments.whatOption
            case .module: OptionSpec(value: "MODULE", "with training: the module trained, which may then be billed (R21)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        let text = arguments.positionals[1]
        guard let entry = LogEntry(text) else {
            var message = UI.text(.cliNotOutcome, ["text": text, "names": LogEntry.allNames.joined(separator: ", ")])
            if let guess = Suggest.closest(text, among: LogEntry.allNames) { message += UI.text(.didYouMeanSuffix, ["guess": guess]) }
            throw CommandFailure.usage(message)
        }
        let module = arguments[.module]
        if module != nil, entry != .other(.training) { throw CommandFailure.usage(UI.text(.cliModuleTraining)) }
        let id = try session.resolveDeal(arguments.positionals[0], actor: actor)
        var next = try NextActionArguments.parse(arguments, session: session)
        let proposed = next == nil
        if next == nil { next = Attempts.proposedNext(after: entry, today: session.today, pipeline: funnel.pipeline) }
        let deal = try session.change(
            id, by: actor, funnel: funnel,
            changes(entry, note: arguments[.note] ?? "", next: next, module: module))
        let what = entry.name + (module.map { UI.text(.cliLoggedModule, ["module": BilledModule.clean($0)]) } ?? "")
        var line = UI.text(.cliLogged, ["what": what, "id": deal.id])
        if let next = deal.nextAction {
            line +=
                UI.text(.cliNextAction, ["date": UI.dates.full(next.date), "text": next.text.isEmpty ? "" : " \(next.text)"])
                + (proposed ? UI.text(.cliProposed) : "")
        }
        Console.line(line)
        let flags = DealFlags.of(deal, pipeline: funnel.pipeline, now: session.now, utcOffset: session.utcOffset)
        for flag in flags where flag == .unreachable || flag == .emailDue {
            Console.error(UI.text(.cliNote, ["advice": flag.advice(in: UI.language)]))
        }
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
