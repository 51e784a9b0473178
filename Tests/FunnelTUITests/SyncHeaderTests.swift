import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// The board and sync (docs/sync.md): the header's state, Ctrl-S, the background sync every
/// `sync_interval` minutes, decided by the pure update.
@Suite("Board: sync with the team")
struct SyncHeaderTests {
    func synced(interval: Int = 5) -> BoardState {
        var state = BoardFixtures.state()
        state.sync = SyncStatus(available: true, interval: interval)
        return state
    }

    func header(_ state: BoardState) -> String { BoardRender.render(state).line(0) }

    @Test func aDirectoryThatIsNotSyncedShowsNothingAndCtrlSSaysHowToSetItUp() {
        var state = BoardFixtures.state()
        #expect(!header(state).contains("sync"))
        #expect(BoardFixtures.press([.ctrl("s")], &state).isEmpty)
        #expect(BoardRender.render(state).text.contains("funnel sync init REMOTE"))
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now.addingTimeInterval(3_600)), &state).isEmpty)
    }

    @Test func ctrlSSyncsOnceAndTheHeaderFollowsTheOutcome() {
        var state = synced(interval: 0)
        #expect(header(state).contains("not synced yet"))
        #expect(BoardFixtures.press([.ctrl("s")], &state) == [.sync])
        #expect(header(state).contains("syncing…"))
        #expect(BoardFixtures.press([.ctrl("s")], &state).isEmpty, "one sync at a time")
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 2, received: 5, attention: false)), &state)
        #expect(header(state).contains("↑2 ↓5"))
        _ = BoardFixtures.press([.ctrl("s")], &state)
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 0, received: 0, attention: false)), &state)
        #expect(header(state).contains("in sync"))
    }

    @Test func offlineSinceTheFirstFailureUntilASyncGoesThrough() {
        var state = synced()
        _ = BoardUpdate.apply(.tick(BoardFixtures.now), &state)
        _ = BoardUpdate.apply(.syncFinished(.offline("cannot reach")), &state)
        #expect(header(state).contains("offline since 09:00"))
        state.now = BoardFixtures.now.addingTimeInterval(600)
        _ = BoardFixtures.press([.ctrl("s")], &state)
        _ = BoardUpdate.apply(.syncFinished(.offline("still")), &state)
        #expect(header(state).contains("offline since 09:00"))
        _ = BoardFixtures.press([.ctrl("s")], &state)
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 1, received: 0, attention: false)), &state)
        #expect(header(state).contains("↑1 ↓0") && !header(state).contains("offline"))
    }

    @Test func heldFilesOrAFailureNeedAttention() {
        var state = synced()
        _ = BoardFixtures.press([.ctrl("s")], &state)
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 0, received: 0, attention: true)), &state)
        #expect(header(state).contains("sync needs attention"))
        _ = BoardFixtures.press([.ctrl("s")], &state)
        _ = BoardUpdate.apply(.syncFinished(.failed("git is missing")), &state)
        #expect(header(state).contains("sync needs attention"))
        #expect(BoardRender.render(state).text.contains("sync failed: git is missing"))
    }

    @Test func theClockStartsABackgroundSyncEveryIntervalAndNeverWhenManual() {
        var state = synced(interval: 5)
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now), &state) == [.sync], "a sync when the board opens")
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now.addingTimeInterval(60)), &state).isEmpty, "one runs")
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 0, received: 0, attention: false)), &state)
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now.addingTimeInterval(240)), &state).isEmpty)
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now.addingTimeInterval(300)), &state) == [.sync])
        var manual = synced(interval: 0)
        #expect(BoardUpdate.apply(.tick(BoardFixtures.now.addingTimeInterval(86_400)), &manual).isEmpty)
    }

    @Test func theHeaderStateIsInTheBoardsLanguage() {
        var state = synced()
        state.language = .he
        _ = BoardUpdate.apply(.syncFinished(.synced(sent: 0, received: 0, attention: false)), &state)
        #expect(state.sync.headerText(state) == "מסונכרן")
    }

    @Test func theDriverReadsTheOutcomeFromSyncJSON() {
        let synced = Data(
            #"{"status": "synced", "sent": ["a", "b", "quotes/numbers/Q-2026-A-0001"], "received": ["c", "quotes/series/B"], "held": [], "ignored": ["x"]}"#
                .utf8)
        #expect(SyncRunner.outcome(status: 0, stdout: synced, stderr: "") == .synced(sent: 2, received: 1, attention: true))
        let offline = Data(#"{"status": "offline", "remote": "r", "error": "no route"}"#.utf8)
        #expect(SyncRunner.outcome(status: 4, stdout: offline, stderr: "") == .offline("no route"))
        #expect(SyncRunner.outcome(status: 4, stdout: Data(), stderr: "funnel: not synced") == .failed("not synced"))
    }
}
