import Foundation

/// A subcommand: its spec (flags, help) and what it does.
protocol Command: Sendable {
    /// The command's options, declared once (`spec.options` is `Option.specs`).
    associatedtype Option: OptionKey = NoOptions
    static var spec: CommandSpec { get }
    static func run(_ arguments: Arguments<Option>, session: Session) throws
}

extension Command {
    /// Runs the command on words the parser read with its spec. A spec whose options are not
    /// `Option`'s (a flag parsed that the command never reads, or read and never parsed) is a bug:
    /// exit 1, before anything is done.
    static func run(parsed: ParsedArguments, session: Session) throws {
        guard spec.options.map(\.name) == Option.specs.map(\.name) else {
            throw CommandFailure(code: .internalError, message: "funnel \(spec.name): its spec does not declare its options (Option.specs)")
        }
        try run(Arguments<Option>(parsed), session: session)
    }
}

/// Every subcommand, in the order `funnel --help` lists them.
let allCommands: [any Command.Type] = [
    InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self, MoveCommand.self,
    EditCommand.self, AssignCommand.self, LogCommand.self, BillCommand.self, ProductsCommand.self, LinesCommand.self, QuoteCommand.self,
    QuotesCommand.self, MailCommand.self, TodayCommand.self,
    CaptureCommand.self, ImportCommand.self, ExportCommand.self, AcceptCommand.self,
    RejectCommand.self, ReportCommand.self, GoalsCommand.self, DoctorCommand.self, StagesCommand.self, LostReasonsCommand.self, PipelinesCommand.self,
    TeamInitCommand.self, TeamCommand.self, DemoCommand.self, KeysCommand.self,
    VersionCommand.self, ConfigCommand.self, SyncCommand.self, MergeDealCommand.self, ManCommand.self, InstallManCommand.self,
    CompletionsCommand.self, ScreenshotCommand.self,
]

/// Commands that work but are not listed (`--help`, man pages): what shell completion calls, and
/// the journal's fold (`JournalFoldLauncher`).
let hiddenCommands: [any Command.Type] = [CompleteWordsCommand.self, FoldJournalCommand.self]
