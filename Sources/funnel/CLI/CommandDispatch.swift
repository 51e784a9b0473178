/// Which command a line runs: a command, or one of its sub-commands (`funnel team add USER`),
/// named by the first word that is neither an option nor an option's value, so options may stand
/// before it (`funnel stages --pipeline renewals add X`).
enum CommandDispatch {
    /// The command to run, the words left for its parser, and the rest of its group.
    struct Target {
        let command: any Command.Type
        let words: [String]
        let family: [CommandSpec]
    }

    static func resolve(_ command: any Command.Type, words: [String]) throws -> Target {
        let spec = command.spec
        let children = spec.subcommands
        guard !children.isEmpty else { return Target(command: command, words: words, family: []) }
        let group = [spec] + children.map { $0.spec }
        func others(_ chosen: CommandSpec) -> [CommandSpec] { group.filter { $0.name != chosen.name } }
        let scan = Scan(words, options: group.flatMap(\.options) + ArgumentParser.common)
        guard let (index, word) = scan.first else {
            if !scan.help, let name = spec.defaultSubcommand, let child = children.first(where: { $0.spec.word == name }) {
                return Target(command: child, words: words, family: others(child.spec))
            }
            return Target(command: command, words: words, family: others(spec))
        }
        if let child = children.first(where: { $0.spec.word == word }) {
            var rest = words
            rest.remove(at: index)
            let target = try resolve(child, words: rest)
            return Target(command: target.command, words: target.words, family: target.family + others(child.spec))
        }
        // Help asked for wins over a mistyped sub-command: the group's help.
        if scan.help { return Target(command: command, words: words, family: others(spec)) }
        let names = children.map { $0.spec.word }
        var message = "funnel \(spec.name): unknown action “\(word)”; use: \(names.joined(separator: ", "))"
        if let guess = Suggest.closest(word, among: names) { message += " (did you mean \(guess)?)" }
        throw CommandFailure.usage(message, hint: "see: funnel \(spec.name) --help")
    }

    /// The sub-command a help topic names: `funnel help team add`. A word that is no sub-command
    /// is a usage error with a "did you mean" (`funnel help goals sett`), unless `lenient` (the
    /// words of a line with `--help` on it, which may be anything).
    /// `asker`: the command that asks, for its messages (`help`, `man`).
    static func topic(_ command: any Command.Type, words: [String], lenient: Bool = false, asker: String = "help") throws
        -> any Command.Type
    {
        guard let word = words.first else { return command }
        guard let child = command.spec.subcommands.first(where: { $0.spec.word == word }) else {
            if lenient { return command }
            let names = command.spec.subcommands.map { $0.spec.word }
            guard !names.isEmpty else {
                throw CommandFailure.usage(
                    "funnel \(asker): \(command.spec.name) has no action “\(word)”", hint: "see: funnel \(command.spec.name) --help")
            }
            var message = "funnel \(asker): \(command.spec.name) has no action “\(word)”; use: \(names.joined(separator: ", "))"
            if let guess = Suggest.closest(word, among: names) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message, hint: "see: funnel \(command.spec.name) --help")
        }
        return try topic(child, words: Array(words.dropFirst()), lenient: lenient, asker: asker)
    }

    /// The first positional word of a line, read with the options' arities; whether help was asked.
    struct Scan {
        var first: (Int, String)?
        var help = false

        /// Reads the whole line: `--help` after the first word counts too (`funnel goals sett
        /// --help` shows the group's help), but never as another option's value.
        init(_ words: [String], options: [OptionSpec]) {
            var index = 0
            while index < words.count {
                let word = words[index]
                index += 1
                if word == "--" {
                    if first == nil, index < words.count { first = (index, words[index]) }
                    return
                }
                guard word.hasPrefix("-"), word != "-", !ArgumentParser.isNegativeNumber(word) else {
                    if first == nil { first = (index - 1, word) }
                    continue
                }
                let name = String(word.drop { $0 == "-" }.prefix { $0 != "=" })
                if word == "-h" || name == "help" { help = true }
                let takesValue = options.contains { $0.name == name && $0.value != nil }
                if takesValue && !word.contains("=") { index += 1 }
            }
        }
    }
}
