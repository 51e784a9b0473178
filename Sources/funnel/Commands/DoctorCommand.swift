import Foundation
import FunnelCore
import FunnelStore
import FunnelText

/// `funnel doctor [--repair]`: checks the data directory and explains each problem.
enum DoctorCommand: Command {
    static let spec = CommandSpec(
        name: "doctor", summary: "Check the data directory; --repair quarantines what cannot be read (never deletes).",
        options: Option.specs,
        details: """
            Exit code 0 when nothing is wrong (advice, such as R1's on the number of stages, is printed as advice: and is not
            a failure), 4 when problems were found (after --repair: when some remain). --repair says "nothing to repair"
            when it changed nothing.
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case repair

        var spec: OptionSpec {
            switch self {
            case .repair: OptionSpec("move unreadable, misplaced and leftover files to quarantine/, rebuild the cache")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let repair = arguments.flag(.repair)
        // doctor names every file, whoever's deal it holds: not for a rep (R15). Root and people
        // off the team (a server's administrator) may run it; so may anyone when team.json
        // cannot be read, which is one of the problems doctor is for.
        // In a copy synced over git the rep holds every file already (docs/sync.md), and only
        // they can see what their own syncs left: there a rep runs it too.
        let synced = SyncRepository(store: session.store, git: Git(directory: session.store.root, environment: [:], executable: "")).isSetUp
        if !synced, let team = try? session.store.loadTeam(), team.user(session.account)?.role == .rep {
            throw CommandFailure.refused("funnel doctor reads every seller's files: it is for managers (R15)")
        }
        let findings = try session.data { try Doctor(store: session.store).run(repair: repair) }
        // How an open board notices other processes' changes here (inotify, or polling and why).
        let watch = LiveWatch(store: session.store, inotify: session.inotify).mode
        Console.line("live reload: \(watch)")
        let problems = findings.filter { !$0.isAdvice }
        for finding in findings where finding.isAdvice {
            Console.block(["advice: " + finding.problem, "  " + finding.action].map { Sanitize.line($0) }.joined(separator: "\n"))
        }
        let repaired = problems.filter(\.outcome.isRepaired)
        if repair && repaired.isEmpty { Console.line("nothing to repair") }
        if problems.isEmpty {
            Console.line("\(session.store.root): no problems found")
            return
        }
        for finding in problems {
            // File names and what was read from the files are a teammate's to choose: each on one line.
            Console.block(
                [
                    finding.path, "  problem: " + finding.problem,
                    "  \(repair ? "done" : "to do"): " + finding.action,
                ].map { Sanitize.line($0) }.joined(separator: "\n"))
        }
        let unresolved = repair ? problems.filter { !$0.outcome.isRepaired } : problems
        if !unresolved.isEmpty {
            throw CommandFailure.data(
                "\(problems.count) problem(s) found" + (repair ? ", \(unresolved.count) need a person" : "; run funnel doctor --repair"))
        }
    }
}
