import Foundation
import FunnelCore
import FunnelStore
import FunnelTestSupport
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// The board opens without the archived deals (`HeldArchive`): their heads count them under
/// their columns; `z`, a text filter, the report and the stage editor read them first; another
/// process's change to one of them brings it in. From the JSON files and from the snapshot alike.
@Suite struct HeldArchiveTests {
    /// 4 open deals, 2 won lately, and `archived` won or lost long ago, over the team.
    static func deals(archived: Int) -> [Deal] {
        let owners: [String?] = ["yossi", "layla", "dana"]
        var deals = (0..<4).map { BoardFixtures.deal(String(format: "a%07x", $0), "Open \($0)", stage: "meeting") }
        deals += (0..<2).map { BoardFixtures.deal(String(format: "b%07x", $0), "Fresh win \($0)", stage: "customer", enteredDaysAgo: 5) }
        for i in 0..<archived {
            let stage = i % 3 == 0 ? "not-relevant" : "customer"
            let company = i == 7 ? "Needle Ltd" : ""
            let daysAgo = Double(120 + i % 50)
            deals.append(
                BoardFixtures.deal(
                    String(format: "c%07x", i), "Old deal \(i)", company: company, stage: stage, owner: owners[i % 3], next: nil,
                    enteredDaysAgo: daysAgo))
        }
        return deals
    }

    static func store(_ folder: TemporaryFolder, archived: Int) throws -> FunnelStore {
        let store = FunnelStore(root: folder.path + "/data")
        try store.initialize(pipeline: PipelineTemplate.simple.pipeline, team: BoardFixtures.team)
        try store.insertBulk(deals(archived: archived))
        return store
    }

    static func app(_ store: FunnelStore, as account: String = "dana") throws -> BoardApp {
        let theme = try Theme.parse(BuiltinThemes.files["mono"]!, name: "mono")
        let options = BoardOptions(theme: theme, mouse: false, fixedNow: BoardFixtures.now, utcOffset: 0, inotify: false)
        return BoardApp(store: store, account: account, options: options)
    }

    static func column(_ state: BoardState, _ stage: String) -> Int { state.stages.firstIndex { $0.id == stage }! }

    // 60 archived deals are read from their files; 700 (over `FunnelStore.cacheThreshold`) from
    // the snapshot once the first opening has written it.
    @Test(arguments: [60, 700])
    func theBoardOpensWithoutTheArchivedDealsAndCountsThem(archived: Int) throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        let store = try Self.store(folder, archived: archived)
        for _ in 0..<2 {
            var state = try Self.app(store).prepare()
            state.scope = .everyone
            state.recompute(keeping: nil)
            #expect(state.deals.count == 6, "only the deals not archived are decoded")
            #expect(state.held.count == archived)
            let won = Self.column(state, "customer"), lost = Self.column(state, "not-relevant")
            #expect(state.archivedCount(won) == archived - (archived + 2) / 3)
            #expect(state.archivedCount(lost) == (archived + 2) / 3)
            #expect(state.columnIDs[won].count == 2)
            // A rep's board counts only the rep's own.
            let rep = try Self.app(store, as: "yossi").prepare()
            #expect(rep.held.allSatisfy { $0.owner == "yossi" })
            #expect(rep.held.count == (archived + 2) / 3)
            #expect(rep.stages.indices.reduce(0) { $0 + rep.archivedCount($1) } == rep.held.count)
        }
    }

    @Test func theKeysThatNeedTheArchiveReadItFirst() throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        let store = try Self.store(folder, archived: 30)
        let app = try Self.app(store)
        for key in [KeyPress.char("z"), .char("/"), .char("r"), .char("S")] {
            var state = try app.prepare()
            state.width = 160
            let action = KeyTable.action(for: key, in: .board)!
            #expect(BoardUpdate.key(key, &state) == [.readArchive(then: action)], "\(key)")
            #expect(state.focus == .board && !state.showArchived, "nothing changed before the archive is read")
        }
        // A card held down with the mouse takes the board's keys: they read the archive first too.
        var pressing = try app.prepare()
        pressing.focus = .pressing(dealID: "a0000001")
        #expect(BoardUpdate.key(.char("r"), &pressing) == [.readArchive(then: .report)])
        // Keys that need no archive go on at once.
        var state = try app.prepare()
        #expect(BoardUpdate.key(.down, &state) == [])
        #expect(BoardUpdate.key(.char("s"), &state) == [])
    }

    @Test func readTheArchiveThenTheKeyShowsTheArchivedCards() throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        let store = try Self.store(folder, archived: 30)
        var state = try Self.app(store).prepare()
        state.width = 160
        // A card the board holds, changed since the opening: the archive's older copy does not undo it.
        var renamed = try #require(state.deals["a0000001"])
        renamed.title = "Renamed on the board"
        state.replace(renamed)
        // What the app does for `.readArchive(then:)`: the held deals read, then the key.
        let everything = try store.loadDealSet()
        _ = BoardUpdate.apply(.archiveRead(Array(everything.deals.values), warning: nil), &state)
        #expect(!state.holdsArchive && state.deals.count == 36)
        #expect(state.deals["a0000001"]?.title == "Renamed on the board")
        _ = BoardUpdate.apply(.toggleArchived, &state)
        #expect(state.showArchived)
        #expect(state.columnIDs[Self.column(state, "customer")].count == 2 + 20)
        #expect(state.status?.text.contains("showing 30 closed deals") == true, "\(String(describing: state.status))")
        // Hidden again: counted again, from the cards now on the board.
        _ = BoardUpdate.apply(.toggleArchived, &state)
        #expect(state.archivedCount(Self.column(state, "customer")) == 20)
        // The text filter finds an archived card.
        _ = BoardUpdate.key(.char("/"), &state)
        BoardFixtures.type("needle", &state)
        #expect(state.columns.joined().map(\.title) == ["Old deal 7"])
    }

    @Test func anotherProcessesChangeToAHeldDealBringsItIn() throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        let store = try Self.store(folder, archived: 30)
        var state = try Self.app(store).prepare()
        let won = Self.column(state, "customer")
        let before = state.archivedCount(won)
        // Reopened elsewhere: no longer held, on the board in its new stage.
        var reopened = try #require(try store.loadDealSet().deals["c0000001"])
        reopened.stage = "meeting"
        reopened.stageEntered = BoardFixtures.now
        _ = BoardUpdate.apply(.changedElsewhere(changed: [reopened], removed: ["c0000002"]), &state)
        #expect(!state.held.contains { $0.id == "c0000001" || $0.id == "c0000002" })
        #expect(state.archivedCount(won) == before - 2)
        #expect(state.columnIDs[Self.column(state, "meeting")].contains("c0000001"))
        // A scope of one seller counts only theirs.
        state.scope = .seller("layla")
        state.recompute(keeping: nil)
        #expect(state.stages.indices.reduce(0) { $0 + state.archivedCount($1) } == state.held.filter { $0.owner == "layla" }.count)
    }

    @Test func goalsThatCannotBeReadHoldNothingBack() throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        let app = try Self.app(try Self.store(folder, archived: 3))
        let pipelines = PipelineSet(first: PipelineTemplate.simple.pipeline)
        #expect(app.holding(pipelines: pipelines, goals: []) != nil)
        #expect(app.holding(pipelines: pipelines, goals: nil) == nil, "a goal of activities may be shown")
    }

    @Test func aNewMonthWhoseGoalCountsActivitiesReadsTheArchive() throws {
        let folder = try TemporaryFolder("funnel-held")
        defer { folder.remove() }
        var state = try Self.app(try Self.store(folder, archived: 30)).prepare()
        let next = Month(state.today).firstDay.adding(days: 40)
        state.goals = [Goal(month: Month(next), seller: nil, kind: .activities, target: 50)]
        let sameMonth = BoardUpdate.apply(.tick(state.now.addingTimeInterval(60)), &state)
        #expect(!sameMonth.contains(.readArchive(then: nil)))
        let later = Date(timeIntervalSince1970: TimeInterval(next.daysSinceEpoch * 86_400 + 3_600))
        #expect(BoardUpdate.apply(.tick(later), &state).contains(.readArchive(then: nil)))
    }

    @Test func whatMayBeHeldBack() {
        let pipelines = PipelineSet(first: PipelineTemplate.simple.pipeline)
        let today = Day(BoardFixtures.now, utcOffset: 0)
        func head(_ stage: String, daysAgo: Double) -> DealHead {
            DealHead(BoardFixtures.deal("x0000001", "X", stage: stage, enteredDaysAgo: daysAgo))
        }
        let test = HeldArchive.test(pipelines: pipelines, archive: ArchiveRule(), goals: [], today: today, utcOffset: 0)
        #expect(test?(head("customer", daysAgo: 120)) == true)
        #expect(test?(head("not-relevant", daysAgo: 91.5)) == true)
        #expect(test?(head("customer", daysAgo: 10)) == false)
        #expect(test?(head("meeting", daysAgo: 400)) == false, "an open deal is never archived")
        #expect(test?(head("no-such-stage", daysAgo: 400)) == false, "a stage the pipeline lacks is shown")
        // Off: nothing held.
        #expect(HeldArchive.test(pipelines: pipelines, archive: ArchiveRule(days: 0), goals: [], today: today, utcOffset: 0) == nil)
        // A goal of this month's activities counts calls logged on old deals: nothing held.
        let calls = Goal(month: Month(today), seller: nil, kind: .activities, target: 100)
        #expect(HeldArchive.test(pipelines: pipelines, archive: ArchiveRule(), goals: [calls], today: today, utcOffset: 0) == nil)
        // Archived after a week, a deal won this month is still read: the header's goal counts it.
        let week = HeldArchive.test(pipelines: pipelines, archive: ArchiveRule(days: 7), goals: [], today: today, utcOffset: 0)
        let monthDay = today.daysSinceEpoch - Month(today).firstDay.daysSinceEpoch
        if monthDay >= 9 { #expect(week?(head("customer", daysAgo: Double(monthDay) - 0.5)) == false) }
        #expect(week?(head("customer", daysAgo: Double(monthDay) + 10)) == true)
    }
}
