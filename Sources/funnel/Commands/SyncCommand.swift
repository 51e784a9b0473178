import Foundation
import FunnelCore
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// `funnel sync init REMOTE` and `funnel sync [--json]`: a team across machines through git
/// (docs/sync.md).
enum SyncCommand: Command {
    static let spec = CommandSpec(
        name: "sync", summary: "Share the data with the team through git: sync init REMOTE once, then sync.",
        options: Option.specs,
        details: """
            init REMOTE in a data directory with data makes it a git repository and pushes it to REMOTE (a bare
            repository over ssh, a path, a private hosting repository); in an empty or missing one it clones REMOTE.
            sync commits local changes, fetches, merges deal by deal and field by field (funnel merge-deal), and pushes.
            Exit 4 when the remote cannot be reached: local data is unchanged and the next sync sends it.
            Needs the git command. Every clone holds every deal of the team. See docs/sync.md.
            """,
        subcommands: [SyncInitCommand.self])

    /// The options, declared once.
    enum Option: String, OptionKey {
        case json

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print a JSON object: remote, branch, committed, sent, received, conflicts, held, ignored, attempts")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try sync(initializing: nil, json: arguments.flag(.json), session: session)
    }

    /// Syncs now, or first (`initializing`) shares the data with REMOTE or clones it.
    static func sync(initializing remote: String?, json: Bool, session: Session) throws {
        umask(0o077)
        guard let executable = Git.find(environment: session.environment) else { throw failure(SyncError.noGit) }
        let email = (try? session.store.loadTeam())?.user(session.account)?.email ?? "\(session.account)@funnel.invalid"
        let environment = Git.environment(base: session.environment, author: session.account, email: email)
        let repository = SyncRepository(
            store: session.store,
            git: Git(
                directory: session.store.root, environment: environment,
                executable: executable))
        let report: SyncReport
        do {
            if let remote {
                report = try session.data { try initialize(repository, remote: remote, session: session) }
            } else {
                report = try session.data { try repository.sync(author: session.account) }
            }
        } catch let error as SyncError {
            if json, case .offline(let remote, let detail) = error {
                Console.block(
                    JSONOut.object([
                        ("status", .string("offline")), ("remote", .string(remote)),
                        ("error", .string(detail)),
                    ]).render())
            }
            throw failure(error)
        }
        if json { Console.block(render(report)) } else { show(report, initialized: remote != nil) }
    }

    static func initialize(_ repository: SyncRepository, remote: String, session: Session) throws -> SyncReport {
        // A clone holds every deal: it would undo what the team server's permissions protect.
        if session.store.isShared {
            throw SyncError.refused(
                "\(session.store.root) is a team's shared directory (docs/team.md): its deals stay on the server; sync a data directory of your own (docs/sync.md)"
            )
        }
        if session.store.isInitialized { return try repository.share(to: remote, author: session.account) }
        let root = session.store.root
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard entries.isEmpty else {
            throw SyncError.refused("\(root) is not empty and holds no funnel data: choose an empty --data-dir to clone \(remote) into")
        }
        return try repository.join(remote, account: session.account)
    }

    static func failure(_ error: SyncError) -> CommandFailure {
        if case .refused = error { return CommandFailure.refused(error.description) }
        return CommandFailure.data(error.description)
    }

    static func render(_ report: SyncReport) -> String {
        func list(_ items: [String]) -> JSONOut { .array(items.map { .string($0) }) }
        return JSONOut.object([
            ("status", .string("synced")), ("remote", .string(report.remote)), ("branch", .string(report.branch)),
            ("committed", list(report.committed)), ("sent", list(report.sent)), ("received", list(report.received)),
            ("conflicts", list(report.conflicts)), ("held", list(report.held)), ("ignored", list(report.ignored)),
            ("attempts", .number(report.attempts)), ("quote_series", .optional(report.quoteSeries)),
        ]).render()
    }

    static func show(_ report: SyncReport, initialized: Bool) {
        func summary(_ paths: [String]) -> String {
            let deals = Set(paths.compactMap(SyncFiles.dealID)).count
            var parts = deals > 0 ? ["\(deals) deal\(deals == 1 ? "" : "s")"] : []
            parts += ["pipeline.json", "team.json", "products.json"].filter(paths.contains).map { String($0.dropLast(5)) }
            let pdfs = paths.filter { $0.hasPrefix("quotes/") && $0.hasSuffix(".pdf") }.count
            if pdfs > 0 { parts.append("\(pdfs) quote PDF\(pdfs == 1 ? "" : "s")") }
            return parts.isEmpty ? "\(paths.count) file\(paths.count == 1 ? "" : "s")" : parts.joined(separator: ", ")
        }
        Console.line("\(initialized ? "synced, set up with" : "synced with") \(report.remote) (\(report.branch))")
        Console.line(report.sent.isEmpty ? "↑ nothing to send" : "↑ sent \(summary(report.sent))")
        Console.line(report.received.isEmpty ? "↓ nothing new" : "↓ received \(summary(report.received))")
        if let series = report.quoteSeries {
            let example = QuoteNumber(year: Calendar(identifier: .gregorian).component(.year, from: Date()), series: series, sequence: 1)
            Console.line("quotes from this copy are numbered \(example), … (" + (series.isEmpty ? "the first copy's series)" : "series \(series))"))
        }
        for conflict in report.conflicts { Console.line("merged: " + conflict) }
        for held in report.held { Console.error("funnel: not sent, cannot be read (funnel doctor): " + held) }
        for path in report.ignored { Console.error("funnel: ignored, not a funnel file: " + path) }
    }
}

/// `funnel sync init REMOTE [--json]`: once, shares this data with REMOTE, or clones the team's.
enum SyncInitCommand: Command {
    static let spec = CommandSpec(
        name: "sync init", summary: "Share this data through REMOTE, or clone the team's into an empty data directory.",
        arguments: [ArgumentSpec(name: "REMOTE", required: true, help: "a bare git repository: over ssh, a path, a private hosting repository")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case json

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print a JSON object, as funnel sync --json")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try SyncCommand.sync(initializing: arguments.positionals[0], json: arguments.flag(.json), session: session)
    }
}
