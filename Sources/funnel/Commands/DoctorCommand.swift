import Foundation
import FunnelCore
import FunnelStore
import FunnelText

/// `funnel doctor [--repair]`: checks the data directory and explains each problem.
enum DoctorCommand: Command {
    static let spec = CommandSpec(
        name: "doctor", summary: "Check the data directory; --repair quarantines what cannot be read (never deletes).",
        options: [OptionSpec("repair", "move unreadable and leftover files to quarantine/, refile misplaced deals, rebuild the cache")],
        details: "Exit code 0 when nothing is wrong, 4 when problems were found (after --repair: when some remain).")

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let repair = arguments.has("repair")
        let findings = try session.data { try Doctor(store: session.store).run(repair: repair) }
        if findings.isEmpty {
            print("\(Sanitize.line(session.store.root)): no problems found")
            return
        }
        for finding in findings {
            // Paths, ids and owners come from the files: shown sanitised.
            print("\(Sanitize.line(finding.path))\n  problem: \(Sanitize.line(finding.problem))\n"
                  + "  \(repair ? "done" : "to do"): \(Sanitize.line(finding.action))")
        }
        let unresolved = repair ? findings.filter { !$0.action.hasPrefix("moved") && !$0.action.hasPrefix("filed") && !$0.action.hasPrefix("made") } : findings
        if !unresolved.isEmpty {
            throw CommandFailure.data("\(findings.count) problem(s) found" + (repair ? ", \(unresolved.count) need a person" : "; run funnel doctor --repair"))
        }
    }
}
