import Foundation
import FunnelCore
import FunnelStore
import FunnelText

/// Options that apply to every command and to the board.
struct GlobalOptions {
    var dataDir: String?
    var theme: String?
    var mouse = false
    var demo = false
    var help = false
    var version = false
    /// Everything else, in order.
    var words: [String] = []

    static let board: [OptionSpec] = [
        OptionSpec("data-dir", value: "DIR", "use DIR as the data directory (also FUNNEL_DATA_DIR)"),
        OptionSpec("demo", "open the board on fresh demo data in a temporary directory, as a manager"),
        OptionSpec("theme", value: "NAME", "board colours: dark, light, high-contrast, mono"),
        OptionSpec("mouse", "let the mouse select and drag cards (off: keeps text selection)"),
        OptionSpec("version", "print the version"),
    ]

    /// Pulls the global flags out of the words, wherever they stand before a `--`.
    static func extract(_ arguments: [String]) throws -> GlobalOptions {
        var options = GlobalOptions()
        var index = 0
        var passthrough = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if passthrough { options.words.append(word); continue }
            if word == "--" { passthrough = true; options.words.append(word); continue }
            func value(_ name: String) throws -> String? {
                if word == "--\(name)" {
                    guard index < arguments.count else { throw CommandFailure.usage("--\(name) needs a value") }
                    index += 1
                    return arguments[index - 1]
                }
                if word.hasPrefix("--\(name)=") { return String(word.dropFirst(name.count + 3)) }
                return nil
            }
            if let dir = try value("data-dir") { options.dataDir = dir }
            else if options.words.isEmpty, let theme = try value("theme") { options.theme = theme }
            else if options.words.isEmpty && word == "--mouse" { options.mouse = true }
            else if options.words.isEmpty && word == "--demo" { options.demo = true }
            else if word == "--help" || word == "-h" { options.help = true }
            else if options.words.isEmpty && (word == "--version" || word == "-V") { options.version = true }
            else { options.words.append(word) }
        }
        return options
    }
}

/// The `funnel` program: the board without a subcommand, otherwise the subcommand.
enum FunnelMain {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        TerminalLocale.prepare()
        do {
            let options = try GlobalOptions.extract(arguments)
            if options.version {
                print("funnel \(funnelVersion)")
                return ExitCode.success.rawValue
            }
            guard let name = options.words.first else {
                if options.help {
                    print(overview)
                    return ExitCode.success.rawValue
                }
                return try BoardCommand.run(options: options, environment: environment)
            }
            if name.hasPrefix("-") {
                var message = "funnel: unknown option \(name)"
                if let guess = Suggest.closest(String(name.drop(while: { $0 == "-" })), among: GlobalOptions.board.map(\.name)) {
                    message += "; did you mean --\(guess)?"
                }
                throw CommandFailure.usage(message + "\nsee: funnel --help")
            }
            if name == "help" {
                if let topic = options.words.dropFirst().first, let command = findCommand(named: topic) {
                    print(command.spec.help)
                } else {
                    print(overview)
                }
                return ExitCode.success.rawValue
            }
            guard let command = findCommand(named: name) else {
                var message = "funnel: no command called “\(name)”"
                if let guess = Suggest.closest(name, among: allCommands.map { $0.spec.name }) { message += "; did you mean “\(guess)”?" }
                throw CommandFailure.usage(message + "\nsee: funnel --help")
            }
            if options.help {
                print(command.spec.help)
                return ExitCode.success.rawValue
            }
            let parsed = try ArgumentParser.parse(Array(options.words.dropFirst()), spec: command.spec)
            let session = try Session(dataDir: options.dataDir, environment: environment)
            try command.run(parsed, session: session)
            return ExitCode.success.rawValue
        } catch let failure as CommandFailure {
            let text = Sanitize.lines(failure.message).joined(separator: "\n")
            printError(text.hasPrefix("funnel") ? text : "funnel: " + text)
            return failure.code.rawValue
        } catch let error as StoreError {
            printError("funnel: " + error.description)
            return ExitCode.data.rawValue
        } catch {
            printError("funnel: unexpected error: \(error)")
            return ExitCode.internalError.rawValue
        }
    }

    static func findCommand(named name: String) -> (any Command.Type)? {
        allCommands.first { $0.spec.name == name.lowercased() }
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
        lines.append("exit codes: 0 ok, 2 usage, 3 refused by a rule, 4 data error, 5 deal not found")
        return lines.joined(separator: "\n")
    }
}
