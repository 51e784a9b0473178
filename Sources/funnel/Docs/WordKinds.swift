import Foundation
import FunnelCore

/// What a command-line word may be, read from the specs: the source of shell completions.
enum WordKind: Equatable {
    /// A fixed list.
    case words([String])
    /// Asked of funnel itself when completing (`funnel complete-words stages|accounts|deals`).
    case dynamic(String)
    case files
    case directories
    /// Free text: nothing to propose.
    case text

    /// The words an option's value may be: its declared choices, else what its placeholder names
    /// (a stage, an account, a file, a directory); nothing is guessed from other placeholders.
    static func of(option: OptionSpec) -> WordKind {
        if !option.choices.isEmpty { return .words(option.choices) }
        // Currency takes any ISO 4217 code: proposed for completion, too many to list as choices.
        if option.name == "currency" { return .words(CurrencyCodes.all) }
        switch option.value ?? "" {
        case "STAGE": return .dynamic("stages")
        case "USER": return .dynamic("accounts")
        case "DIR": return .directories
        case "FILE": return .files
        default: return .text
        }
    }

    /// How many positional arguments of `spec` completions tell apart.
    static func positionalCount(of spec: CommandSpec) -> Int {
        max(spec.arguments.count, spec.acceptsRest ? 3 : 0, ["man", "help", "completions"].contains(spec.name) ? 1 : 0)
    }

    /// The words the `index`-th positional argument of `spec` may be.
    static func of(positional index: Int, in spec: CommandSpec) -> WordKind {
        switch (spec.name, index) {
        case ("config", 0): return .words(["list", "get", "set"])
        case ("config", 1): return .words(ConfigCommand.defaults.map(\.key))
        case ("team", 0): return .words(["add", "email"])
        case ("team", 1): return .dynamic("accounts")
        case ("stages", 0): return .words(StageEditArguments.verbs)
        case ("stages", 1): return .dynamic("stages")
        case ("lost-reasons", 0): return .words(["list", "add", "remove"])
        case ("products", 0): return .words(["list", "add", "edit", "archive"])
        case ("products", 1): return .dynamic("products")
        case ("lines", 0): return .words(["list", "add", "remove"])
        case ("lines", 1): return .dynamic("deals")
        case ("completions", 0): return .words(["bash", "zsh", "fish"])
        case ("man", 0), ("help", 0): return .words(allCommands.map { $0.spec.name })
        default: break
        }
        guard index < spec.arguments.count else { return .text }
        switch spec.arguments[index].name {
        case "ID": return .dynamic("deals")
        case "STAGE": return .dynamic("stages")
        case "USER": return .dynamic("accounts")
        case "OUTCOME": return .words(LogEntry.allNames)
        case "FILE": return .files
        case "DIR": return .directories
        default: return .text
        }
    }

    /// Every option a command accepts, its own and the common ones.
    static func options(of spec: CommandSpec) -> [OptionSpec] {
        spec.options + ArgumentParser.common
    }
}
