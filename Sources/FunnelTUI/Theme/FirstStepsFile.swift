import Foundation
import FunnelBoard
import FunnelStore

/// Remembers, per user, which first steps they have done: `$XDG_STATE_HOME/funnel/first-steps`
/// (default `~/.local/state/funnel/first-steps`), one step name a line. Per person rather than
/// per data directory, so it holds across funnels and the demo's temporary ones; a missing or
/// unreadable file means nothing is done yet, and a failed write only shows the hints again.
public struct FirstStepsFile: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        let base: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        path = base + "/funnel/first-steps"
    }

    /// The steps done so far.
    public func load() -> Set<FirstStep> {
        guard let data = try? AtomicFile.read(path), let text = String(data: data, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { FirstStep(rawValue: String($0)) })
    }

    /// Records `done` (with what was done before).
    public func save(_ done: Set<FirstStep>) throws {
        let text = FirstStep.allCases.filter(done.contains).map(\.rawValue).joined(separator: "\n") + "\n"
        try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
        try AtomicFile.write(Data(text.utf8), to: path)
    }
}
