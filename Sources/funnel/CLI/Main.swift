import Foundation
import FunnelCore
import FunnelStore
import FunnelTUI
import FunnelText

/// Options that apply to every command and to the board.
struct GlobalOptions {
    var dataDir: String?
    var theme: String?
    var mouse = false
    var demo = false
    var help = false
    var version = false
    /// The pipeline the board opens on (name or id).
    var pipeline: String?
    /// Everything else, in order.
    var words: [String] = []

    static let board = BoardOption.specs

    /// Reads the global flags, which stand before the command's name; the name and every word
    /// after it are left to the command (`ArgumentParser`), so a flag's value is never taken
    /// for a global flag (`funnel add x --company --help` names the company "--help").
    static func parse(_ arguments: [String]) throws -> GlobalOptions {
        var options = GlobalOptions()
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("-"), word != "-", !ArgumentParser.isNegativeNumber(word) else {
                options.words = Array(arguments[(index - 1)...])
                return options
            }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            let inline = word.contains("=") ? String(word[word.index(after: word.firstIndex(of: "=")!)...]) : nil
            func value() throws -> String {
                if let inline { return inline }
                guard index < arguments.count else { throw CommandFailure.usage("funnel: \(name) needs a value") }
                index += 1
                return arguments[index - 1]
            }
            if name == "--help" || name == "-h" {
                if inline != nil { throw CommandFailure.usage("funnel: \(name) takes no value") }
                options.help = true
                continue
            }
            guard let option = BoardOption(word: name) else { throw unknown(name) }
            if inline != nil && option.spec.value == nil { throw CommandFailure.usage("funnel: \(name) takes no value") }
            switch option {
            case .dataDir:
                if options.dataDir != nil { throw CommandFailure.usage("funnel: --data-dir is given twice") }
                options.dataDir = try value()
            case .theme: options.theme = try value()
            case .pipeline:
                if options.pipeline != nil { throw CommandFailure.usage("funnel: --pipeline is given twice") }
                options.pipeline = try value()
            case .mouse: options.mouse = true
            case .demo: options.demo = true
            case .version: options.version = true
            }
        }
        return options
    }

    static func unknown(_ name: String) -> CommandFailure {
        var message = "funnel: unknown option \(name)"
        if let guess = Suggest.closest(String(name.drop(while: { $0 == "-" })), among: GlobalOptions.board.map(\.name)) {
            message += "; did you mean --\(guess)?"
        }
        return CommandFailure.usage(message, hint: "see: funnel --help")
    }
}

/// The `funnel` program: the board without a subcommand, otherwise the subcommand.
enum FunnelMain {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        TerminalLocale.prepare()
        // Hebrew and Arabic on a terminal read as on the board (a bad setting is reported by the
        // command that reads it; here it only means logical order).
        let config = try? ConfigFile.load(environment: environment)
        Console.configure(try? (config ?? ConfigFile.parse("", path: "")).textDisplay(environment: environment))
        // A fold of the cache's journal that a command's writes asked for, once it has ended.
        defer { JournalFoldLauncher.startRequested() }
        do {
            let options = try GlobalOptions.parse(arguments)
            if options.version {
                Console.line("funnel \(funnelVersion)")
                return ExitCode.success.rawValue
            }
            guard let name = options.words.first else {
                if options.help {
                    Console.block(overview)
                    return ExitCode.success.rawValue
                }
                return try BoardCommand.run(options: options, environment: environment)
            }
            try runCommand(name, options: options, environment: environment)
            if let failure = Console.outputFailure {
                report(["writing the output failed: \(String(cString: strerror(failure))); what was printed is incomplete"])
                return ExitCode.data.rawValue
            }
            return ExitCode.success.rawValue
        } catch let failure as CommandFailure {
            report(failure.lines)
            return failure.code.rawValue
        } catch let error as StoreError {
            let failure = CommandFailure(storeError: error)
            report(failure.lines)
            return failure.code.rawValue
        } catch {
            report(["unexpected error: \(error)"])
            return ExitCode.internalError.rawValue
        }
    }

    /// Runs the command `name` (and sub-command) the words after the global flags name, or shows its help.
    static func runCommand(_ name: String, options: GlobalOptions, environment: [String: String]) throws {
        let words = Array(options.words.dropFirst())
        if name == "help" {
            guard let first = words.first else { return Console.block(overview) }
            let topic = try CommandDispatch.topic(try command(named: first), words: Array(words.dropFirst()))
            return Console.block(topic.spec.help)
        }
        let command = try command(named: name)
        if options.help { return Console.block(try CommandDispatch.topic(command, words: words, lenient: true).spec.help) }
        if options.pipeline != nil {
            throw CommandFailure.usage(
                "funnel: --pipeline before a command opens the board on it; give it after the command: funnel \(name) --pipeline NAME")
        }
        let target = try CommandDispatch.resolve(command, words: words)
        let parsed = try ArgumentParser.parse(target.words, spec: target.command.spec, family: target.family)
        if parsed.help { return Console.block(target.command.spec.help) }
        let common = Arguments<CommonOption>(parsed)
        if options.dataDir != nil && common[.dataDir] != nil {
            throw CommandFailure.usage("funnel \(target.command.spec.name): --data-dir is given twice")
        }
        let session = try Session(dataDir: common[.dataDir] ?? options.dataDir, environment: environment)
        try target.command.run(parsed: parsed, session: session)
    }

    /// The command called `name`, or a usage error with a "did you mean".
    static func command(named name: String) throws -> any Command.Type {
        guard let command = findCommand(named: name) else {
            var message = "funnel: no command called “\(name)”"
            if let guess = Suggest.closest(name, among: allCommands.map { $0.spec.name }) { message += "; did you mean “\(guess)”?" }
            throw CommandFailure.usage(message, hint: "see: funnel --help")
        }
        return command
    }

    /// A failure's lines on stderr, the first starting "funnel".
    static func report(_ lines: [String]) {
        for (index, line) in lines.enumerated() {
            Console.error(index == 0 && !line.hasPrefix("funnel") ? "funnel: " + line : line)
        }
    }

    static func findCommand(named name: String) -> (any Command.Type)? {
        (allCommands + hiddenCommands).first { $0.spec.name == name.lowercased() }
    }

    static var overview: String {
        var lines = [
            "funnel \(funnelVersion) — a terminal kanban board for a sales funnel",
            "",
            "usage: funnel [--demo] [--theme NAME] [--mouse]   open the board",
            "       funnel COMMAND [options]                   run a command",
            "",
            "commands:",
        ]
        for command in allCommands { lines.append(CommandSpec.row(command.spec.name, command.spec.summary)) }
        lines.append("")
        lines.append("options:")
        for option in GlobalOptions.board {
            lines.append(CommandSpec.row("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), option.help))
        }
        lines.append(CommandSpec.row("-h, --help", "show help; funnel COMMAND --help for one command"))
        lines.append("")
        lines.append("environment: FUNNEL_DATA_DIR, FUNNEL_USER (acting user), FUNNEL_NOW (fixed ISO 8601 time), NO_COLOR")
        lines.append("exit codes: 0 ok, 1 internal error, 2 usage, 3 refused by a rule, 4 data error, 5 deal not found, 6 data lock busy")
        return lines.joined(separator: "\n")
    }
}
