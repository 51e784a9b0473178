import Foundation
import FunnelCore
import FunnelStore
import FunnelTestSupport
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// The board paints its first frame, then watches the data directory: whatever another process
/// wrote between the board's reading and its watching is read again (`BoardApp.caughtUp`).
@Suite struct BoardCatchUpTests {
    static func opened(_ folder: TemporaryFolder) throws -> (FunnelStore, BoardApp, BoardState) {
        let store = try RepBoardReadsTests.store(folder, count: 8)
        // File times tick coarsely: the change below must fall in a later tick than the writes above.
        Thread.sleep(forTimeInterval: 0.05)
        let theme = try Theme.parse(BuiltinThemes.files["mono"]!, name: "mono")
        let options = BoardOptions(theme: theme, mouse: false, fixedNow: BoardFixtures.now, utcOffset: 0, inotify: false)
        let app = BoardApp(store: store, account: "dana", options: options)
        return (store, app, try app.prepare())
    }

    @Test func aChangeMadeWhileTheBoardOpenedIsReadAgain() throws {
        let folder = try TemporaryFolder("funnel-catch-up")
        defer { folder.remove() }
        var (store, app, state) = try Self.opened(folder)
        let id = String(format: "d%07x", 1)
        #expect(state.deals[id]?.title == "Deal 1")
        let outcome = try store.update(id: id) { deal in
            var deal = deal
            deal.title = "Renamed by a teammate"
            return .success(deal)
        }
        guard case .saved = outcome else { throw CaughtUpFailure.notSaved }
        #expect(app.caughtUp(store.fingerprint(), &state))
        #expect(state.deals[id]?.title == "Renamed by a teammate")
        #expect(state.columns.joined().contains { $0.title == "Renamed by a teammate" })
        #expect(!app.caughtUp(store.fingerprint(), &state))
    }

    @Test func nothingChangedNothingIsReadAgain() throws {
        let folder = try TemporaryFolder("funnel-catch-up")
        defer { folder.remove() }
        var (store, app, state) = try Self.opened(folder)
        let before = state.deals
        #expect(!app.caughtUp(store.fingerprint(), &state))
        #expect(state.deals == before)
    }

    struct CaughtUpFailure: Error {
        static let notSaved = CaughtUpFailure()
    }
}
