import Foundation
import FunnelCore
import FunnelStore
import FunnelText
import FunnelTUI

/// `funnel` with no command: the board. `funnel --demo`: the board on fresh demo data.
enum BoardCommand {
    static func run(options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        var environment = environment
        if options.demo {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
            environment["FUNNEL_DATA_DIR"] = directory
            environment["FUNNEL_USER"] = DemoData.manager
            let session = try Session(dataDir: directory, environment: environment)
            _ = try DemoCommand.fill(session: session, deals: 60, template: .simple, seed: UInt64.random(in: 0...UInt64.max))
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try open(session: session, options: options, environment: environment)
        }
        let session = try Session(dataDir: options.dataDir, environment: environment)
        return try open(session: session, options: options, environment: environment)
    }

    static func open(session: Session, options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw CommandFailure.usage("the board needs a terminal; for scripts use the commands (see: funnel --help)")
        }
        let config: ConfigFile
        let theme: Theme
        let display: TextDisplay
        do {
            config = try ConfigFile.load(environment: environment)
            display = try config.textDisplay(environment: environment)
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            theme = try Theme.load(noColor ? "mono" : (options.theme ?? config.theme ?? "dark"), environment: environment)
        } catch let error as ThemeError {
            throw CommandFailure.usage(error.message)
        }
        // The board's loop waits on a save: a short wait, and no message on a screen curses owns.
        session.store.lock.onWait = nil
        session.store.lock.timeout = min(session.store.lock.timeout, 5)
        var boardOptions = BoardOptions(
            theme: theme, mouse: options.mouse || (config.mouse ?? false),
            fixedNow: environment["FUNNEL_NOW"].flatMap { $0.isEmpty ? nil : session.now }, utcOffset: session.utcOffset,
            inotify: session.inotify, display: display, environment: environment,
            locale: LanguageChoice.locale(environment: environment, config: config))
        boardOptions.syncInterval = config.syncInterval ?? boardOptions.syncInterval
        let app = BoardApp(store: session.store, account: session.account, options: boardOptions)
        let state: BoardState
        do {
            state = try session.data { try app.prepare() }
        } catch let error as BoardError {
            throw CommandFailure.refused(error.message)
        }
        return app.run(state).exitStatus
    }
}
