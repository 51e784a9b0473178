import Foundation
import FunnelCore

/// The board's sync decisions, pure: when to start one (Ctrl-S, every `sync_interval` minutes)
/// and what its outcome changes. The driver runs `funnel sync` off the main loop; the files it
/// brings in reach the board like any other outside change.
enum SyncFlow {
    /// Ctrl-S: a sync now, unless one runs or the data directory is not synced (then say how).
    static func request(_ state: inout BoardState) -> [Effect] {
        guard state.sync.available else {
            state.status = StatusMessage(text: state.text(.statusSyncNotSetUp), isError: true)
            return []
        }
        guard !state.sync.running else { return [] }
        return start(&state)
    }

    /// The clock: a background sync when one is due.
    static func tick(_ state: inout BoardState) -> [Effect] {
        state.sync.isDue(at: state.now) ? start(&state) : []
    }

    static func start(_ state: inout BoardState) -> [Effect] {
        state.sync.running = true
        state.sync.lastStarted = state.now
        return [.sync]
    }

    static func finished(_ outcome: SyncOutcome, _ state: inout BoardState) -> [Effect] {
        state.sync.running = false
        switch outcome {
        case .synced(let sent, let received, let attention):
            state.sync.lastSynced = state.now
            state.sync.offlineSince = nil
            state.sync.needsAttention = attention
            state.sync.lastSent = sent
            state.sync.lastReceived = received
        case .offline:
            state.sync.offlineSince = state.sync.offlineSince ?? state.now
        case .failed(let why):
            state.sync.needsAttention = true
            state.status = StatusMessage(text: state.text(.statusSyncFailed, ["why": why]), isError: true)
        }
        return []
    }
}
