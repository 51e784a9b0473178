import Foundation

/// A flag a command accepts. Its name is the case of the command's `OptionKey` that declares it.
struct OptionSpec {
    private(set) var name = ""
    /// nil for a switch; otherwise what the value is called in help ("DATE").
    let value: String?
    let help: String
    /// May be given more than once (`--map A=title --map B=phone`); every value is kept, in order.
    var repeatable = false
    /// The words the value may be, when they are a fixed list (help, completions and man pages).
    var choices: [String] = []

    init(value: String? = nil, _ help: String, repeatable: Bool = false, choices: [String] = []) {
        self.value = value
        self.help = help
        self.repeatable = repeatable
        self.choices = choices
    }

    /// An option whose value is one of `Choice`'s cases (read back with `Arguments.choice`).
    init<Choice: CaseIterable & RawRepresentable>(value: String, _ help: String, oneOf _: Choice.Type)
    where Choice.RawValue == String {
        self.init(value: value, help, choices: Choice.allCases.map(\.rawValue))
    }

    /// The help, and the choices when it does not name them all.
    var helpWithChoices: String {
        let words = Set(help.split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }.map(String.init))
        guard !choices.allSatisfy(words.contains) else { return help }
        return help + " (one of: " + choices.joined(separator: ", ") + ")"
    }

    /// The same option under `name`.
    func named(_ name: String) -> OptionSpec {
        var copy = self
        copy.name = name
        return copy
    }
}

/// A positional argument.
struct ArgumentSpec {
    let name: String
    let required: Bool
    let help: String
}

/// What a command accepts, and the words its help shows.
struct CommandSpec {
    let name: String
    let summary: String
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    /// Extra lines after the option list (examples, notes).
    var details: String = ""
    /// Sub-commands (`funnel team add USER`), each with its own spec (named "team add") and run;
    /// the first word that is not an option names one (`CommandDispatch`).
    var subcommands: [any Command.Type] = []
    /// The sub-command run when none is named (`funnel goals` is `funnel goals list`); nil: the
    /// group's own run.
    var defaultSubcommand: String?

    /// The last word of the name: what names a sub-command after its group ("add" of "team add").
    var word: String { name.split(separator: " ").last.map(String.init) ?? name }

    /// The usage line: "funnel move ID STAGE [--reason TEXT] …".
    var usage: String {
        var parts = ["funnel", name]
        if !subcommands.isEmpty { parts.append("[COMMAND]") }
        for argument in arguments { parts.append(argument.required ? argument.name : "[\(argument.name)]") }
        if !options.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    /// The usage error of a group run without the sub-command it needs.
    var missingSubcommand: CommandFailure {
        let names = subcommands.map { $0.spec.word }.joined(separator: ", ")
        return .usage("funnel \(name): missing COMMAND (\(names))", hint: "see: funnel \(name) --help")
    }

    /// How a sub-command is shown in its group's help: "add USER".
    var subcommandUsage: String {
        ([word] + arguments.map { $0.required ? $0.name : "[\($0.name)]" }).joined(separator: " ")
    }

    /// The whole `--help` text.
    var help: String {
        var lines = ["\(summary)", "", "usage: \(usage)"]
        if !subcommands.isEmpty {
            lines.append("")
            lines.append("commands:" + (defaultSubcommand.map { " (without one: \($0))" } ?? ""))
            for child in subcommands { lines.append(Self.row(child.spec.subcommandUsage, child.spec.summary)) }
        }
        if !arguments.isEmpty {
            lines.append("")
            lines.append("arguments:")
            for argument in arguments { lines.append(Self.row(argument.name, argument.help)) }
        }
        lines.append("")
        lines.append("options:")
        for option in options {
            lines.append(Self.row("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), option.helpWithChoices))
        }
        lines.append(Self.row("--data-dir DIR", "use DIR as the data directory"))
        lines.append(Self.row("-h, --help", "show this help"))
        if !details.isEmpty {
            lines.append("")
            lines.append(details)
        }
        if !subcommands.isEmpty { lines += ["", "funnel \(name) COMMAND --help shows one command's help."] }
        return lines.joined(separator: "\n")
    }

    static func row(_ left: String, _ right: String) -> String {
        let pad = max(1, 24 - left.count)
        return "  " + left + String(repeating: " ", count: pad) + right
    }
}
