import Foundation
import FunnelCore

/// The words of `funnel stages add|rename|move|set|remove` read into a `PipelineEdit`.
enum StageEditArguments {
    static let verbs = ["add", "rename", "move", "set", "remove"]

    static func edit(verb: String, words: [String], arguments: Arguments<StagesCommand.Option>) throws -> PipelineEdit {
        func expect(_ count: Int, _ usage: String) throws {
            guard words.count == count else { throw CommandFailure.usage("usage: funnel stages \(usage)") }
        }
        try allow(verb: verb, arguments)
        switch verb {
        case "add":
            try expect(
                1, "add NAME [--after STAGE|--before STAGE] [--kind open|won|lost] [--stuck DAYS] [--probability P] [--requires LIST] [--id ID]")
            return .addStage(
                name: words[0], id: arguments[.id], place: try place(arguments, required: false),
                settings: try settings(arguments))
        case "rename":
            try expect(2, "rename STAGE NEW_NAME")
            return .renameStage(words[0], to: words[1])
        case "move":
            try expect(1, "move STAGE --after STAGE | --before STAGE")
            guard let place = try place(arguments, required: true) else { throw CommandFailure.usage("move needs --after or --before") }
            return .moveStage(words[0], to: place)
        case "set":
            try expect(1, "set STAGE [--kind open|won|lost] [--stuck DAYS|none] [--probability P|none] [--requires LIST|none]")
            return .setStage(words[0], try settings(arguments))
        default:
            try expect(1, "remove STAGE [--to STAGE]")
            return .removeStage(words[0], movingDealsTo: arguments[.to])
        }
    }

    /// Refuses an unknown verb (with a guess) and flags that do not go with `verb`.
    static func allow(verb: String, _ arguments: Arguments<StagesCommand.Option>) throws {
        guard verbs.contains(verb) else {
            var message = "funnel stages: unknown action “\(verb)”; use add, rename, move, set or remove"
            if let guess = Suggest.closest(verb, among: verbs) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        let allowed: [String: Set<StagesCommand.Option>] = [
            "add": [.after, .before, .kind, .stuck, .probability, .requires, .id], "rename": [],
            "move": [.after, .before], "set": [.kind, .stuck, .probability, .requires], "remove": [.to],
        ]
        let checked: [StagesCommand.Option] = [.after, .before, .kind, .stuck, .probability, .requires, .id, .to, .json]
        for flag in checked where arguments.has(flag) && !(allowed[verb] ?? []).contains(flag) {
            throw CommandFailure.usage("--\(flag.rawValue) does not go with funnel stages \(verb)")
        }
    }

    static func place(_ arguments: Arguments<StagesCommand.Option>, required: Bool) throws -> StagePlace? {
        switch (arguments[.after], arguments[.before]) {
        case (let after?, nil): return .after(after)
        case (nil, let before?): return .before(before)
        case (nil, nil): return nil
        default: throw CommandFailure.usage("give --after or --before, not both")
        }
    }

    static func settings(_ arguments: Arguments<StagesCommand.Option>) throws -> StageSettings {
        var settings = StageSettings()
        settings.kind = try arguments.choice(.kind, as: StageKindChoice.self)?.kind
        settings.stuckAfterDays = try number(arguments[.stuck], flag: "stuck")
        settings.probability = try number(arguments[.probability]?.replacingOccurrences(of: "%", with: ""), flag: "probability")
        if let list = arguments[.requires] {
            settings.requires = try requirements(list)
        }
        return settings
    }

    static func number(_ text: String?, flag: String) throws -> SettingChange<Int> {
        guard let text else { return .keep }
        if text.lowercased() == "none" { return .set(nil) }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure.usage("--\(flag) “\(text)” is not a whole number (or none)")
        }
        return .set(value)
    }

    static func requirements(_ list: String) throws -> [StageRequirement] {
        if list.lowercased() == "none" { return [] }
        var result: [StageRequirement] = []
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            guard let requirement = StageRequirement(rawValue: word) else {
                let names = StageRequirement.allCases.map(\.rawValue)
                var message = "--requires: “\(word)” is not one of \(names.joined(separator: ", "))"
                if let guess = Suggest.closest(word, among: names) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            if !result.contains(requirement) { result.append(requirement) }
        }
        return result
    }

    /// What was done, in one line.
    static func summary(_ edit: PipelineEdit, plan: PipelinePlan) -> String {
        let order = plan.pipeline.stages.map(\.id).joined(separator: " → ")
        switch edit {
        case .addStage(let name, _, _, _):
            let stage = plan.pipeline.findStage(name.trimmingCharacters(in: .whitespacesAndNewlines))
            return "added stage “\(stage?.name ?? name)” (id \(stage?.id ?? "?")): \(order)"
        case .renameStage(_, let name): return "renamed the stage to “\(name.trimmingCharacters(in: .whitespacesAndNewlines))”"
        case .moveStage: return "moved: \(order)"
        case .setStage(let text, _):
            let stage = plan.pipeline.findStage(text)
            return "set \(stage?.id ?? text): \(stage?.kind.rawValue ?? "")"
                + ", stuck \(stage?.stuckAfterDays.map { "\($0)d" } ?? "never"), probability \(stage?.probability.map { "\($0)%" } ?? "unset")"
                + ", needs " + (stage?.entryRequirements.map(\.rawValue).sorted().joined(separator: ", ") ?? "")
        case .removeStage(let text, let target):
            let moved = plan.moved.isEmpty ? "" : "; moved \(plan.moved.count) deal(s) to \(target ?? "")"
            return "removed stage \(text)\(moved): \(order)"
        case .addLostReason, .removeLostReason: return "saved"
        }
    }
}

/// `funnel stages --kind`: the kinds a stage can be given (the inbox is the pipeline's own).
enum StageKindChoice: String, CaseIterable {
    case open, won, lost

    /// The stage kind of the same name.
    var kind: StageKind {
        switch self {
        case .open: .open
        case .won: .won
        case .lost: .lost
        }
    }
}
