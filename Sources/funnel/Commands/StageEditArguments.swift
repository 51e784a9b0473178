import Foundation
import FunnelCore

/// The flags of `funnel stages add|move|set` read into a stage's place and settings; what a
/// stage change did, in one line.
enum StageEditArguments {
    static func place<Key: StagePlaceOptionKey>(_ arguments: Arguments<Key>) throws -> StagePlace? {
        switch (arguments[.after], arguments[.before]) {
        case (let after?, nil): return .after(after)
        case (nil, let before?): return .before(before)
        case (nil, nil): return nil
        default: throw CommandFailure.usage("give --after or --before, not both")
        }
    }

    static func settings<Key: StageSettingsOptionKey>(_ arguments: Arguments<Key>) throws -> StageSettings {
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

/// The options of a stage change that places a stage: `--after`, `--before`.
protocol StagePlaceOptionKey: OptionKey {
    static var after: Self { get }
    static var before: Self { get }
}

/// The options of a stage change that sets a stage's settings.
protocol StageSettingsOptionKey: OptionKey {
    static var kind: Self { get }
    static var stuck: Self { get }
    static var probability: Self { get }
    static var requires: Self { get }
}

/// The settings options' specs, as add and set declare them.
enum StageSettingsSpecs {
    static let kind = OptionSpec(value: "KIND", "open (default), won or lost", oneOf: StageKindChoice.self)
    static let stuck = OptionSpec(value: "DAYS", "days after which a deal here counts as stuck (none: never)")
    static let probability = OptionSpec(value: "P", "chance of winning a deal here, 0-100 % (none: unset)")
    static let requires = OptionSpec(
        value: "LIST",
        "what a deal needs to enter, comma-separated: " + StageRequirement.allCases.map(\.rawValue).joined(separator: ", ") + " (none: nothing)")
}
