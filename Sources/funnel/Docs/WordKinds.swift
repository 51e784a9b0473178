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

    /// How many positional arguments of `spec` completions tell apart (a group: the sub-command
    /// and its arguments).
    static func positionalCount(of spec: CommandSpec) -> Int {
        if !spec.subcommands.isEmpty { return 1 + (spec.subcommands.map { positionalCount(of: $0.spec) }.max() ?? 0) }
        return max(spec.arguments.count, ["man", "help", "completions"].contains(spec.name) ? 1 : 0)
    }

    /// The words the `index`-th positional argument of `spec` may be. In a group the first is the
    /// sub-command; a later one is what the sub-commands' arguments there may be (the first that is
    /// not free text: `stages rename STAGE` over `stages add NAME`).
    static func of(positional index: Int, in spec: CommandSpec) -> WordKind {
        let children = spec.subcommands.map { $0.spec }
        if !children.isEmpty {
            if index == 0 { return .words(children.map(\.word)) }
            return children.map { of(positional: index - 1, in: $0) }.first { $0 != .text } ?? .text
        }
        switch (spec.name, index) {
        case ("completions", 0): return .words(["bash", "zsh", "fish"])
        case ("man", 0), ("help", 0): return .words(allCommands.map { $0.spec.name })
        default: break
        }
        guard index < spec.arguments.count else { return .text }
        switch spec.arguments[index].name {
        case "ID": return .dynamic("deals")
        case "STAGE": return .dynamic("stages")
        case "USER": return .dynamic("accounts")
        case "CODE": return .dynamic("products")
        case "KEY": return .words(ConfigCommand.defaults.map(\.key))
        case "OUTCOME": return .words(LogEntry.allNames)
        case "FILE": return .files
        case "DIR": return .directories
        default: return .text
        }
    }

    /// Every option a command accepts, its own and the common ones; a group's, those of its
    /// sub-commands too (each once).
    static func options(of spec: CommandSpec) -> [OptionSpec] {
        var seen = Set<String>()
        return (own(spec) + ArgumentParser.common).filter { seen.insert($0.name).inserted }
    }

    static func own(_ spec: CommandSpec) -> [OptionSpec] {
        spec.options + spec.subcommands.flatMap { own($0.spec) }
    }
}
