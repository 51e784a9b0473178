import Foundation
import FunnelBoard
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// Runs `funnel sync --json` (this very funnel) on a thread of its own, so the board's loop never
/// waits for the network; the loop picks the outcome up (`take`). A child process, not a call:
/// the sync takes the data lock like any other writer, and the board's own saves wait for it.
final class SyncRunner: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: SyncOutcome?
    let root: String
    let account: String
    let environment: [String: String]

    init(root: String, account: String, environment: [String: String]) {
        self.root = root
        self.account = account
        self.environment = environment
    }

    /// Whether the data directory is synced: a git repository with a remote.
    static func isAvailable(root: String) -> Bool {
        guard let config = try? AtomicFile.readFile(root + "/.git/config", limit: 1 << 20)?.data else { return false }
        return String(decoding: config, as: UTF8.self).contains("[remote \"origin\"]")
    }

    /// Starts a sync; its outcome is there for `take` when it ends.
    func start() {
        let runner = self
        Thread.detachNewThread { runner.finish(runner.run()) }
    }

    /// The outcome of the sync that ended since the last call, if any.
    func take() -> SyncOutcome? {
        lock.lock()
        defer { lock.unlock() }
        defer { outcome = nil }
        return outcome
    }

    private func finish(_ result: SyncOutcome) {
        lock.lock()
        outcome = result
        lock.unlock()
    }

    private func run() -> SyncOutcome {
        guard let funnel = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return .failed("cannot find the funnel executable")
        }
        var env = environment
        env["FUNNEL_USER"] = account
        env["FUNNEL_DATA_DIR"] = root
        let child = Git(directory: root, environment: env, executable: funnel)
        guard let output = try? child.run(["sync", "--json"]) else { return .failed("cannot run funnel sync") }
        return Self.outcome(status: output.status, stdout: output.stdout, stderr: output.reason)
    }

    /// The outcome of `funnel sync --json` from its exit status and output (docs/cli.md).
    static func outcome(status: Int32, stdout: Data, stderr: String) -> SyncOutcome {
        let object = (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any]
        if status == 0, let object {
            // Files a person counts: deals, settings, templates, PDFs — not the numbers and series
            // that go with quotes (`quotes/numbers/`, `quotes/series/`).
            let count = { (key: String) in
                ((object[key] as? [String]) ?? []).filter { !$0.hasPrefix("quotes/numbers/") && !$0.hasPrefix("quotes/series/") }.count
            }
            return .synced(sent: count("sent"), received: count("received"), attention: count("held") + count("ignored") > 0)
        }
        if object?["status"] as? String == "offline" { return .offline(object?["error"] as? String ?? stderr) }
        return .failed(stderr.hasPrefix("funnel: ") ? String(stderr.dropFirst(8)) : stderr)
    }
}
