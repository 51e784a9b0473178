import Foundation
import FunnelCore

/// How a background `funnel sync` ended, as the board's driver reports it.
public enum SyncOutcome: Hashable, Sendable {
    /// Done: files sent and received; `attention` when files were held back or ignored.
    case synced(sent: Int, received: Int, attention: Bool)
    /// The remote could not be reached (local data untouched).
    case offline(String)
    /// Anything else went wrong, and why.
    case failed(String)
}

/// The board's view of sync (docs/sync.md): whether the data directory is synced, how often, and
/// how the last sync went; the header shows it (`headerText`).
public struct SyncStatus: Equatable, Sendable {
    /// Whether the data directory has a remote to sync with.
    public var available = false
    /// Minutes between background syncs; 0: only on Ctrl-S.
    public var interval = 0
    public var running = false
    /// When the last sync started (background syncs count from it).
    public var lastStarted: Date?
    public var lastSynced: Date?
    /// Since when the remote could not be reached; nil when the last sync reached it.
    public var offlineSince: Date?
    /// The last sync held back or ignored a file, or failed for another reason than the network.
    public var needsAttention = false
    public var lastSent = 0
    public var lastReceived = 0

    public init(available: Bool = false, interval: Int = 0) {
        self.available = available
        self.interval = interval
    }

    /// Whether a background sync is due at `now`.
    public func isDue(at now: Date) -> Bool {
        guard available, interval > 0, !running else { return false }
        guard let lastStarted else { return true }
        return now.timeIntervalSince(lastStarted) >= Double(interval) * 60
    }

    /// The header's words: "syncing…", "offline since 14:05", "sync needs attention", "↑2 ↓5",
    /// "in sync"; nil when the data directory is not synced.
    func headerText(_ state: BoardState) -> String? {
        guard available else { return nil }
        if running { return state.text(.headerSyncRunning) }
        if let offlineSince {
            let minutes = ((Int(offlineSince.timeIntervalSince1970) + state.utcOffset) / 60) % 1_440
            let time = String(format: "%02d:%02d", (minutes + 1_440) % 1_440 / 60, (minutes + 1_440) % 60)
            return state.text(.headerSyncOffline, ["time": time])
        }
        if needsAttention { return state.text(.headerSyncAttention) }
        guard lastSynced != nil else { return state.text(.headerSyncNever) }
        if lastSent > 0 || lastReceived > 0 {
            return state.text(.headerSyncCounts, ["sent": String(lastSent), "received": String(lastReceived)])
        }
        return state.text(.headerSyncInSync)
    }
}
