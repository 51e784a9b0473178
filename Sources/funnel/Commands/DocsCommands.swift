import Foundation
import FunnelCore
import FunnelStore

/// `funnel man [COMMAND]`: a manual page in roff, from the command specs.
enum ManCommand: Command {
    static let spec = CommandSpec(
        name: "man", summary: "Print the manual page of funnel or of one command (roff).",
        arguments: [
            ArgumentSpec(name: "COMMAND", required: false, help: "the command (default: funnel(1) itself)"),
            ArgumentSpec(name: "ACTION", required: false, help: "one of its actions (funnel man goals set): the command's page, which has them all"),
        ],
        details: "Read one with: funnel man add | man -l -   (the pages are also in docs/man/).")

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        guard let name = arguments.positionals.first else {
            Console.document(ManPage.main(commands: documented))
            return
        }
        guard let command = FunnelMain.findCommand(named: name), documented.contains(where: { $0.name == command.spec.name }) else {
            var message = "funnel man: no command called “\(name)”"
            if let guess = Suggest.closest(name, among: documented.map(\.name)) { message += "; did you mean “\(guess)”?" }
            throw CommandFailure.usage(message)
        }
        // An action is checked as `funnel help` checks it (did you mean …?); its page is its command's.
        _ = try CommandDispatch.topic(command, words: Array(arguments.positionals.dropFirst()), asker: "man")
        Console.document(ManPage.page(command.spec))
    }

    /// The commands with pages: every listed command.
    static var documented: [CommandSpec] { allCommands.map { $0.spec } }

    /// Every page, by file name: funnel.1, funnel-add.1, …
    static var pages: [(name: String, text: String)] {
        [("funnel.1", ManPage.main(commands: documented))] + documented.map { ("funnel-\($0.name).1", ManPage.page($0)) }
    }
}

/// `funnel install-man DIR`: writes every page into DIR/man1 (e.g. DIR=/usr/local/share/man).
enum InstallManCommand: Command {
    static let spec = CommandSpec(
        name: "install-man", summary: "Write the manual pages into DIR/man1 (e.g. /usr/local/share/man).",
        arguments: [ArgumentSpec(name: "DIR", required: true, help: "a man directory; pages go into DIR/man1")])

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        // An empty DIR (an unset variable in `funnel install-man "$DIR"`) would mean /man1.
        guard !arguments.positionals[0].isBlank else {
            throw CommandFailure.usage("funnel install-man: DIR is empty; give the folder that holds man1/, e.g. /usr/local/share/man")
        }
        let directory = arguments.positionals[0] + "/man1"
        try session.data {
            try AtomicFile.makeDirectory(directory)
            for page in ManCommand.pages {
                try AtomicFile.write(Data(page.text.utf8), to: directory + "/" + page.name, mode: 0o644)
            }
        }
        Console.error("wrote \(ManCommand.pages.count) pages into \(directory)")
    }
}

/// `funnel completions bash|zsh|fish`: a completion script generated from the command specs.
enum CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions", summary: "Print a shell completion script (bash, zsh or fish).",
        arguments: [ArgumentSpec(name: "SHELL", required: true, help: "bash, zsh or fish")],
        details: "bash and zsh: source <(funnel completions bash). fish: funnel completions fish > ~/.config/fish/completions/funnel.fish")

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let commands = ManCommand.documented
        switch arguments.positionals[0].lowercased() {
        case "bash": Console.document(BashCompletion.script(commands: commands))
        case "zsh": Console.document(ZshCompletion.script(commands: commands))
        case "fish": Console.document(FishCompletion.script(commands: commands))
        default: throw CommandFailure.usage("funnel completions: “\(arguments.positionals[0])” is not a shell; use bash, zsh or fish")
        }
    }
}

/// `funnel complete-words KIND` (hidden): the words shell completion offers: `stages`, `accounts`,
/// `deals` (the ids the acting user may see). Prints nothing when the data cannot be read.
enum CompleteWordsCommand: Command {
    static let spec = CommandSpec(
        name: "complete-words", summary: "Words for shell completion (stages, accounts, deals, products).",
        arguments: [ArgumentSpec(name: "KIND", required: true, help: "stages, accounts, deals or products")])

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        switch arguments.positionals[0] {
        case "stages":
            let pipeline = try session.data { try session.store.loadPipeline() }
            Console.block(pipeline.stages.map(\.id).joined(separator: "\n"))
        case "accounts":
            let team = try session.data { try session.store.loadTeam() }
            Console.block(team.users.map(\.account).joined(separator: "\n"))
        case "deals":
            let funnel = try session.funnel()
            let actor = try session.actor(in: funnel)
            let set = try session.data { try session.store.loadDealSet() }
            Console.block(set.deals.values.filter { Visibility.canSee($0, actor: actor) }.map(\.id).sorted().joined(separator: "\n"))
        case "products":
            let catalogue = try session.data { try session.store.loadProducts() }
            Console.block(catalogue.products.map(\.code).joined(separator: "\n"))
        default:
            throw CommandFailure.usage("funnel complete-words: use stages, accounts, deals or products")
        }
    }
}
