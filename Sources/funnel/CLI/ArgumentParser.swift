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
    /// the first word that is not an option names one (`Dispatch`).
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

/// The parsed words of one command, by option name; commands read them through `Arguments`.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var switches: Set<String> = []
    /// Every value of a repeatable option, in order.
    var lists: [String: [String]] = [:]
    /// `--help` or `-h` stood where an option may stand (not as another option's value).
    var help = false

    /// Whether the option called `name` was given, as a switch or with a value.
    func given(_ name: String) -> Bool { switches.contains(name) || values[name] != nil }
}

/// funnel's own argument parser: one pass over the words after the command's name that knows
/// each option's arity. Long flags take `--name value` or `--name=value`; the word after a flag
/// that needs a value is its value whatever it looks like (`--note -h` is the note "-h");
/// `--` ends flags; unknown or repeated flags and missing values are usage errors with a hint.
/// `--help`/`-h` and `--data-dir DIR` are options of every command (`common`).
enum ArgumentParser {
    /// Options every command accepts besides its own.
    static let common = CommonOption.specs

    /// `family`: the other commands of `spec`'s group, whose options are named when given here.
    static func parse(_ words: [String], spec: CommandSpec, family: [CommandSpec] = []) throws -> ParsedArguments {
        var pass = ParserPass(words: words, spec: spec, family: family)
        pass.run()
        // Help asked for as an option wins over any other mistake on the line.
        if pass.result.help { return pass.result }
        if let failure = pass.firstFailure { throw failure }
        let result = pass.result
        let required = spec.arguments.filter(\.required).count
        if result.positionals.count < required {
            let missing = spec.arguments[result.positionals.count]
            throw CommandFailure.usage("funnel \(spec.name): missing \(missing.name)", hint: "usage: \(spec.usage)")
        }
        if result.positionals.count > spec.arguments.count {
            let extra = result.positionals[spec.arguments.count]
            throw CommandFailure.usage("funnel \(spec.name): unexpected argument “\(extra)”", hint: "usage: \(spec.usage)")
        }
        return pass.result
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.dropFirst().allSatisfy { $0.isNumber || $0 == "." } && word.first == "-"
    }
}

/// One left-to-right pass over a command's words. The first mistake is kept and the pass goes
/// on, so that a `--help` later on the line still shows the help.
struct ParserPass {
    let words: [String]
    let spec: CommandSpec
    /// The other commands of the group: an option of theirs given here says where it goes.
    let family: [CommandSpec]
    var result = ParsedArguments()
    var firstFailure: CommandFailure?
    private var index = 0

    init(words: [String], spec: CommandSpec, family: [CommandSpec] = []) {
        self.words = words
        self.spec = spec
        self.family = family
    }

    mutating func run() {
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || ArgumentParser.isNegativeNumber(word) {
                result.positionals.append(word)
            } else if word == "--" {
                onlyPositionals = true
            } else {
                option(word)
            }
        }
    }

    private mutating func option(_ word: String) {
        if word == "-h" { result.help = true; return }
        var name = word.hasPrefix("--") ? String(word.dropFirst(2)) : String(word.dropFirst())
        var inlineValue: String?
        if let eq = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        guard let option = (spec.options + ArgumentParser.common).first(where: { $0.name == name }) else {
            return fail(unknown(word, name: name))
        }
        let repeated = result.given(option.name) && !option.repeatable
        if repeated { fail(.usage("funnel \(spec.name): --\(option.name) is given twice")) }
        guard let valueName = option.value else {
            if inlineValue != nil { return fail(.usage("funnel \(spec.name): --\(option.name) takes no value")) }
            if option.name == "help" { result.help = true } else { result.switches.insert(option.name) }
            return
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else {
            guard index < words.count else {
                return fail(.usage("funnel \(spec.name): --\(option.name) needs a value (\(valueName))"))
            }
            value = words[index]
            index += 1
        }
        if !repeated {
            if result.values[option.name] == nil { result.values[option.name] = value }
            result.lists[option.name, default: []].append(value)
        }
    }

    /// An option this command does not take: where it goes, when another of the group takes it;
    /// else a "did you mean".
    private func unknown(_ word: String, name: String) -> CommandFailure {
        let owners = family.filter { $0.options.contains { $0.name == name } }
        if !owners.isEmpty {
            let notHere = spec.name.contains(" ") ? "--\(name) does not go with \(spec.word); " : ""
            let places = owners.map { "funnel \($0.name)" }.joined(separator: ", ")
            return .usage("funnel \(spec.name): \(notHere)--\(name) goes with: \(places)", hint: "see: funnel \(spec.name) --help")
        }
        var message = "funnel \(spec.name): unknown option \(word.split(separator: "=").first.map(String.init) ?? word)"
        if let guess = Suggest.closest(name, among: spec.options.map(\.name)) { message += "; did you mean --\(guess)?" }
        return .usage(message, hint: "see: funnel \(spec.name) --help")
    }

    private mutating func fail(_ failure: CommandFailure) {
        if firstFailure == nil { firstFailure = failure }
    }
}

/// "Did you mean" for mistyped words: the closest candidate within a small edit distance.
enum Suggest {
    static func closest(_ word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(1, min(3, word.count / 3 + 1))
        if best.1 <= limit { return best.0 }
        return candidates.first { $0.hasPrefix(word.lowercased()) && word.count >= 2 }
    }

    /// Edit distance where swapping two neighbours counts as one edit ("lsit" is one from "list").
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
