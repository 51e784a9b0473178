import Foundation

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
