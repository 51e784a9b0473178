import Foundation
import FunnelCore
import FunnelTestSupport
import Testing

@testable import FunnelBoard
@testable import FunnelStore
@testable import FunnelTUI

#if canImport(Glibc)
import Glibc
#endif

/// The board draws its first frame from the deals of the columns it shows, the others put off
/// and read right after it (`DeferredColumns`): the frame is the whole board's, cell for cell.
@Suite struct DeferredColumnsTests {
    /// The simple pipeline's stages, and one it lacks (its deals get a column of their own at the end).
    static let stages = [
        "unsorted", "new", "follow-up", "meeting", "onboarding", "customer", "not-relevant", "former-customer", "retired",
    ]

    /// `count` deals over every stage and the team: open ones due on a few days, closed ones
    /// lately (this month and the last) and long ago (archived).
    static func deals(_ count: Int) -> [Deal] {
        let owners: [String?] = ["yossi", "layla", "dana"]
        return (0..<count).map { i in
            let stage = stages[i % stages.count]
            let closed = (5...7).contains(i % stages.count)
            let daysAgo: Double = closed ? [0.5, 5, 30, 150][i / stages.count % 4] : Double(i % 11)
            return BoardFixtures.deal(
                String(format: "d%07x", i), "Deal \(i % 37)", company: "Company \(i % 13)", stage: stage,
                owner: stage == "unsorted" ? nil : owners[i % 3], value: Decimal(100 * (i % 17 + 1)), next: closed ? nil : i % 5 - 2,
                enteredDaysAgo: daysAgo)
        }
    }

    static func store(_ folder: TemporaryFolder, deals: Int, goal: GoalKind? = nil) throws -> FunnelStore {
        let store = FunnelStore(root: folder.path + "/data")
        try store.initialize(pipeline: PipelineTemplate.simple.pipeline, team: BoardFixtures.team)
        try store.insertBulk(Self.deals(deals))
        if let goal {
            let month = Month(Day(BoardFixtures.now, utcOffset: 0))
            _ = try store.updateGoals { $0.setting(Goal(month: month, seller: nil, kind: goal, target: 5)) }
        }
        return store
    }

    /// 700 deals (over `FunnelStore.cacheThreshold`) and the snapshot a first opening wrote, so
    /// the next openings read from it and put columns off.
    static func cachedStore(_ folder: TemporaryFolder, goal: GoalKind? = nil) throws -> FunnelStore {
        let store = try Self.store(folder, deals: 700, goal: goal)
        _ = try HeldArchiveTests.app(store).prepare(frameWidth: nil)
        return store
    }

    /// The board read whole (nothing put off) at `width` × 30.
    static func whole(_ store: FunnelStore, width: Int) throws -> BoardState {
        var whole = try HeldArchiveTests.app(store).prepare(frameWidth: nil)
        _ = BoardUpdate.apply(.resize(width: width, height: 30), &whole)
        return whole
    }

    /// The board `app` opens at `width` × 30, as its first frame shows it.
    static func opened(_ app: BoardApp, width: Int) throws -> BoardState {
        var state = try app.prepare(frameWidth: width)
        _ = BoardUpdate.apply(.resize(width: width, height: 30), &state)
        return state
    }

    // 700 deals: over `FunnelStore.cacheThreshold`, read from the snapshot the first opening wrote.
    @Test(arguments: [GoalKind?.none, .wonDeals, .wonValue])
    func theFirstFrameIsTheWholeBoards(goal: GoalKind?) throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        let store = try Self.cachedStore(folder, goal: goal)
        for width in [80, 120] {
            let whole = try Self.whole(store, width: width)
            let app = try HeldArchiveTests.app(store)
            var state = try Self.opened(app, width: width)
            let deferred = try #require(app.deferred?.columns, "the columns past \(width) columns are put off")
            #expect(!deferred.shows(state))
            #expect(state.deals.count < whole.deals.count)
            let first = BoardRender.render(state).text
            #expect(first == BoardRender.render(whole).text)
            if goal != nil { #expect(state.headerGoal?.actual == whole.headerGoal?.actual && whole.headerGoal?.actual ?? 0 > 0) }
            app.readDeferred(&state)
            #expect(app.deferred?.columns.firstColumn == nil)
            #expect(state.deals.keys.sorted() == whole.deals.keys.sorted())
            #expect(state.columnIDs == whole.columnIDs)
            #expect(state.stages.indices.map(state.archivedCount) == whole.stages.indices.map(whole.archivedCount))
            #expect(BoardRender.render(state).text == first)
        }
    }

    /// While the columns put off are read on their own thread, the keys that move within the
    /// columns shown are answered; once read, the board is the one those keys make of the whole.
    @Test func keysWithinTheColumnsShownAreAnsweredWhileTheRestIsRead() throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        let store = try Self.cachedStore(folder)
        let keys: [KeyPress] = [.down, .down, .char("j"), .end, .up, .pageUp, .pageDown, .home, .char("k")]
        for width in [80, 120] {
            var whole = try Self.whole(store, width: width)
            let app = try HeldArchiveTests.app(store)
            var state = try Self.opened(app, width: width)
            let reading = try #require(app.startDeferred(&state) { _ in Issue.record("nothing to say") })
            for key in keys {
                #expect(DeferredColumns.answers(key, before: state), "\(key)")
                #expect(BoardUpdate.key(key, &state).isEmpty && BoardUpdate.key(key, &whole).isEmpty)
                #expect(BoardRender.render(state).text == BoardRender.render(whole).text, "after \(key) at \(width)")
            }
            var ready = pollfd(fd: reading.descriptor, events: Int16(POLLIN), revents: 0)
            #expect(poll(&ready, 1, 10_000) == 1 && reading.isDone)
            app.takeDeferred(try #require(reading.wait()), &state)
            #expect(app.deferred == nil)
            #expect(state.deals.keys.sorted() == whole.deals.keys.sorted())
            #expect(state.selectedDeal?.id == whole.selectedDeal?.id)
            #expect(BoardRender.render(state).text == BoardRender.render(whole).text)
        }
    }

    /// What reads a deal, changes one or shows another column waits for the columns put off.
    @Test func everyOtherKeyWaitsForThem() throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        let store = try Self.cachedStore(folder)
        var state = try Self.opened(try HeldArchiveTests.app(store), width: 80)
        let waiting: [KeyPress] = [
            .right, .left, .char("l"), .tab, .shiftRight, .shiftLeft, .enter, .char("/"), .char("s"), .char("z"), .char("r"),
            .char("n"), .char("b"), .char("o"), .char("f"), .char(" "), .char("?"), .char("u"), .ctrl("s"), .escape, .char("S"),
        ]
        for key in waiting { #expect(!DeferredColumns.answers(key, before: state), "\(key)") }
        #expect(DeferredColumns.answers(.char("q"), before: state))
        #expect(BoardApp.waitsForDeferred(.resize(width: 200, height: 30), state))
        #expect(BoardApp.waitsForDeferred(.mousePress(x: 3, y: 3), state))
        #expect(!BoardApp.waitsForDeferred(.idle, state))
        #expect(!BoardApp.waitsForDeferred(.key(.down), state))
        // Anywhere but the board's own keys (a card's details open), every key waits.
        _ = BoardUpdate.key(.enter, &state)
        #expect(!DeferredColumns.answers(.down, before: state))
    }

    @Test func aSnapshotReplacedSinceTheOpeningHasEverythingReadAgain() throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        let store = try Self.cachedStore(folder)
        let app = try HeldArchiveTests.app(store)
        var state = try Self.opened(app, width: 80)
        #expect(app.deferred?.columns != nil)
        // Another process folds the journal meanwhile: a snapshot of another generation.
        try store.cache.write(try store.loadDealSet().deals.values, fingerprint: store.fingerprint())
        var painted: [String] = []
        app.readDeferred(&state) { painted.append(BoardRender.render($0).text) }
        #expect(painted.count == 1 && painted[0].contains("reading the deals…"))
        let whole = try Self.whole(store, width: 80)
        #expect(state.deals.keys.sorted() == whole.deals.keys.sorted())
        #expect(BoardRender.render(state).text == BoardRender.render(whole).text)
    }

    @Test func aTerminalWiderThanItSaidReadsThemBeforeTheFrame() throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        let store = try Self.cachedStore(folder)
        let app = try HeldArchiveTests.app(store)
        var state = try app.prepare(frameWidth: 80)
        _ = BoardUpdate.apply(.resize(width: 200, height: 30), &state)
        #expect(app.deferred?.columns.shows(state) == true)
    }

    @Test func nothingIsPutOffWhenItSavesNothingOrCouldShow() throws {
        let folder = try TemporaryFolder("funnel-deferred")
        defer { folder.remove() }
        // From the files (under the cache's threshold) every deal is decoded anyway.
        let small = try Self.store(folder, deals: 120)
        let app = try HeldArchiveTests.app(small)
        _ = try app.prepare(frameWidth: 80)
        #expect(app.deferred?.columns.firstColumn == nil)
        // Every column fits; a goal counting activities (an old deal's call today counts).
        let pipelines = PipelineSet(first: PipelineTemplate.simple.pipeline)
        let today = Day(BoardFixtures.now, utcOffset: 0)
        func opening(width: Int, goals: [Goal] = []) -> DeferredColumns? {
            DeferredColumns.opening(pipelines: pipelines, pipeline: PipelineSet.firstID, width: width, goals: goals, today: today, utcOffset: 0)
        }
        #expect(opening(width: 200)?.firstColumn == nil)
        #expect(opening(width: 80)?.firstColumn == 3)
        #expect(opening(width: 80, goals: [Goal(month: Month(today), seller: nil, kind: .activities, target: 3)])?.firstColumn == nil)
        // A goal of this month puts off only what entered its stage before the month.
        let goal = Goal(month: Month(today), seller: nil, kind: .wonDeals, target: 3)
        let test = try #require(opening(width: 80, goals: [goal])).test
        let won = Self.deals(9)[5]
        #expect(test(DealHead(won)) == false, "won this month: the header counts it")
        let old = BoardFixtures.deal("e0000001", "Old", stage: "customer", enteredDaysAgo: 40)
        #expect(test(DealHead(old)) == true)
        #expect(test(DealHead(BoardFixtures.deal("e0000002", "Open", stage: "new"))) == false, "a column of the first frame")
    }
}

/// Work on a thread of its own beside the board's loop (`OffLoop`).
@Suite struct OffLoopTests {
    @Test func theAnswerComesWithTheDescriptorReadable() throws {
        let gate = DispatchSemaphore(value: 0)
        let work = try #require(
            OffLoop<Int> {
                gate.wait()
                return 42
            })
        var ready = pollfd(fd: work.descriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 50) == 0 && !work.isDone, "not before the work is done")
        gate.signal()
        #expect(poll(&ready, 1, 10_000) == 1)
        #expect(work.isDone && work.wait() == 42)
    }

    /// A quit signal's wake-up ends the wait at once: the board does not wait for a read to quit.
    @Test func aStopEndsTheWait() throws {
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        let work = try #require(
            OffLoop<Int> {
                gate.wait()
                return 1
            })
        var wake: [Int32] = [-1, -1]
        #expect(pipe(&wake) == 0)
        defer { for fd in wake { close(fd) } }
        let writeEnd = wake[1]
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
        // Not yet when first asked; stopped once woken.
        var asked = 0
        let answer = work.wait(wakingOn: wake[0]) {
            asked += 1
            return asked > 1
        }
        #expect(answer == nil && asked == 2)
    }

    @Test func waitingWaitsForTheAnswer() throws {
        let work = try #require(
            OffLoop<[String]?> {
                usleep(20_000)
                return ["read"]
            })
        #expect(work.wait() == ["read"])
    }
}
