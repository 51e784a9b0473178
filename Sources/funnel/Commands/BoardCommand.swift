import Foundation
import FunnelBoard
import FunnelCore
import FunnelStore
import FunnelTUI
import FunnelText

/// `funnel` with no command: the board. `funnel --demo`: the board on fresh demo data.
enum BoardCommand {
    /// Leads in `funnel --demo`: a team of two reps, each with a day's work on their list, quick to write and remove.
    static let demoLeads = 1_500

    static func run(options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        // The board runs all day, its deals decoded on other threads and freed on its own: one
        // heap for all of them, set before any thread starts (`ProcessHeap`).
        ProcessHeap.useOneArena()
        if options.demo { return try openDemo(options: options, environment: environment) }
        let session = try Session(dataDir: options.dataDir, environment: environment)
        // No data yet, in a terminal: the welcome screen (without one, open's error as before).
        if !session.store.isInitialized, isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 {
            return try welcome(session: session, options: options, environment: environment)
        }
        return try open(session: session, options: options, environment: environment)
    }

    /// `funnel --demo`, or `d` on the welcome screen: demo data in a temporary directory, as its manager.
    static func openDemo(options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        var environment = environment
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        environment["FUNNEL_DATA_DIR"] = directory
        environment["FUNNEL_USER"] = DemoData.manager
        let session = try Session(dataDir: directory, environment: environment)
        try DemoCommand.fill(session: session, deals: demoLeads, template: .simple, seed: UInt64.random(in: 0...UInt64.max))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try open(session: session, options: options, environment: environment)
    }

    /// The welcome screen (issue #20): start a real funnel, open the demo, or quit.
    static func welcome(session: Session, options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        let look = try Look(options: options, environment: environment)
        let state = WelcomeState(root: session.store.root, account: session.account, language: look.locale.language)
        switch WelcomeApp.run(state, theme: look.theme, display: look.display) {
        case .ended(let ending): return ending.exitStatus
        case .chose(.quit): return ExitCode.success.rawValue
        case .chose(.demo): return try openDemo(options: options, environment: environment)
        case .chose(.start(let template, let language, let members)):
            // The same calls as `funnel init --template T --language L` and `funnel team add`.
            try InitCommand.create(template.pipeline(in: language), session: session)
            for member in members { try TeamCommand.add(member, session: session) }
            return try open(session: session, options: options, environment: environment)
        }
    }

    static func open(session: Session, options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        // An unknown pipeline is told before the terminal is needed.
        let pipeline = try options.pipeline.map { try session.pipelineEntry($0, in: try session.pipelines()).id }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw CommandFailure.usage("the board needs a terminal; for scripts use the commands (see: funnel --help)")
        }
        let look = try Look(options: options, environment: environment)
        let (config, theme, display) = (look.config, look.theme, look.display)
        // The board's loop waits on a save: a short wait, and no message on a screen curses owns.
        session.store.lock.onWait = nil
        session.store.lock.timeout = min(session.store.lock.timeout, 5)
        // The board runs all day: a journal its saves fill is folded while it goes on.
        JournalFoldLauncher.foldsAtOnce()
        var boardOptions = BoardOptions(
            theme: theme, mouse: options.mouse || (config.mouse ?? false),
            fixedNow: environment["FUNNEL_NOW"].flatMap { $0.isEmpty ? nil : session.now }, utcOffset: session.utcOffset,
            inotify: session.inotify, display: display, environment: environment,
            locale: look.locale)
        boardOptions.syncInterval = config.syncInterval ?? boardOptions.syncInterval
        if let days = config.archiveAfter { boardOptions.archive = ArchiveRule(days: days) }
        if let pipeline { boardOptions.pipeline = pipeline }
        let app = BoardApp(store: session.store, account: session.account, options: boardOptions)
        let state: BoardState
        do {
            state = try session.data { try app.prepare(frameWidth: Terminal.widthBeforeStart()) }
        } catch let error as BoardError {
            throw CommandFailure.refused(error.message)
        }
        // Curses owns the screen from here: no progress of a read of every file on stderr under it.
        session.store.onReadingFiles = nil
        return app.run(state).exitStatus
    }
}

/// How the board and the welcome screen look: the config file, the theme, the text display, the language.
struct Look {
    let config: ConfigFile
    let theme: Theme
    let display: TextDisplay
    let locale: BoardLocale

    init(options: GlobalOptions, environment: [String: String]) throws {
        do {
            config = try ConfigFile.load(environment: environment)
            display = try config.textDisplay(environment: environment)
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            theme = try Theme.load(noColor ? "mono" : (options.theme ?? config.theme ?? "dark"), environment: environment)
        } catch let error as ThemeError {
            throw CommandFailure.usage(error.message)
        }
        locale = LanguageChoice.locale(environment: environment, config: config)
    }
}
