import Foundation
import FunnelCore
import FunnelStore
import FunnelTestSupport
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// A rep's board reads only what the rep may see (R15): their own deals and the inbox's, from
/// the JSON files and from the snapshot cache alike; a manager's board reads every deal.
@Suite struct RepBoardReadsTests {
    static let owners: [String?] = ["yossi", "layla", nil, "dana"]

    /// A data directory of `count` deals spread over the fixtures' team and the inbox.
    static func store(_ folder: TemporaryFolder, count: Int) throws -> FunnelStore {
        let store = FunnelStore(root: folder.path + "/data")
        try store.initialize(pipeline: PipelineTemplate.simple.pipeline, team: BoardFixtures.team)
        let deals = (0..<count).map { i in
            BoardFixtures.deal(String(format: "d%07x", i), "Deal \(i)", owner: owners[i % owners.count])
        }
        try store.insertBulk(deals)
        return store
    }

    static func prepared(_ store: FunnelStore, as account: String) throws -> BoardState {
        let theme = try Theme.parse(BuiltinThemes.files["mono"]!, name: "mono")
        let options = BoardOptions(theme: theme, mouse: false, fixedNow: BoardFixtures.now, utcOffset: 0, inotify: false)
        return try BoardApp(store: store, account: account, options: options).prepare()
    }

    // 100 deals are read from their files; 600 (over `FunnelStore.cacheThreshold`) from the
    // snapshot once the first opening has written it.
    @Test(arguments: [100, 600])
    func aRepsBoardHoldsTheirDealsAndTheInboxOnly(count: Int) throws {
        let folder = try TemporaryFolder("funnel-rep-board")
        defer { folder.remove() }
        let store = try Self.store(folder, count: count)
        for _ in 0..<2 {
            let rep = try Self.prepared(store, as: "yossi")
            #expect(rep.deals.count == count / 2)
            #expect(rep.deals.values.allSatisfy { $0.owner == nil || $0.owner == "yossi" })
            #expect(rep.columns.joined().count == count / 2)
            let manager = try Self.prepared(store, as: "dana")
            #expect(manager.deals.count == count)
            #expect(manager.columns.joined().count == count)
        }
    }

    @Test func aDealGivenToATeammateLeavesTheRepsBoard() {
        var state = BoardFixtures.state(actor: "yossi", boss: false)
        #expect(state.deals["aaaa1111"] != nil)
        var given = state.deals["aaaa1111"]!
        given.owner = "layla"
        var inbox = state.deals["ffff6666"]!
        inbox.title = "Inbox lead, renamed"
        _ = BoardUpdate.apply(.changedElsewhere(changed: [given, inbox], removed: []), &state)
        #expect(state.deals["aaaa1111"] == nil)
        #expect(!state.columns.joined().contains { $0.id == "aaaa1111" })
        #expect(state.deals["ffff6666"]?.title == "Inbox lead, renamed")
    }

    /// The other pipelines' deals (goals count them) lose it too: given away, or its file gone.
    @Test func aDealOfAnotherPipelineGivenAwayOrGoneLeavesWhatGoalsCount() {
        var state = BoardFixtures.state(actor: "yossi", boss: false)
        var given = BoardFixtures.deal("gggg7777", "Elsewhere, given", stage: "won", owner: "yossi")
        given.pipeline = "b2b"
        let gone = BoardFixtures.deal("hhhh8888", "Elsewhere, gone", stage: "won", owner: "yossi")
        state.dealsElsewhere = [given, gone]
        given.owner = "layla"
        _ = BoardUpdate.apply(.changedElsewhere(changed: [given], removed: ["hhhh8888"]), &state)
        #expect(state.dealsElsewhere.isEmpty)
    }

    @Test func aManagerKeepsADealGivenToARep() {
        var state = BoardFixtures.state(actor: "dana")
        var given = state.deals["aaaa1111"]!
        given.owner = "layla"
        _ = BoardUpdate.apply(.changedElsewhere(changed: [given], removed: []), &state)
        #expect(state.deals["aaaa1111"]?.owner == "layla")
    }
}
