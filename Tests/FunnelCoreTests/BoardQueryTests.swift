import Foundation
import Testing

@testable import FunnelCore

@Suite("Board order and visibility")
struct BoardQueryTests {
    static func titles(_ deals: [Deal], sort: CardOrder, actor: User = Fx.manager, utcOffset: Int = 0) -> [String] {
        BoardQuery(scope: .everyone, sort: sort).run(deals, actor: actor, utcOffset: utcOffset).map(\.title)
    }

    @Test func dueOrderUsesTheNextActionDateElseTheStageTimeEarliestFirst() {
        let deals = [
            Fx.deal("D next 26th", id: "d", entered: Fx.time("2026-11-01T08:00:00Z"), next: Fx.day("2026-11-26")),
            Fx.deal("B entered 20th", id: "b", entered: Fx.time("2026-11-20T10:00:00Z")),
            Fx.deal("C next 25th", id: "c", entered: Fx.time("2026-10-01T08:00:00Z"), next: Fx.day("2026-11-25")),
            Fx.deal("A entered 25th noon", id: "a", entered: Fx.time("2026-11-25T12:00:00Z")),
            Fx.deal("E next 19th", id: "e", entered: Fx.time("2026-11-23T08:00:00Z"), next: Fx.day("2026-11-19")),
        ]
        // Next action dates count from the start of their day: the 25th at 00:00 comes before the 25th at noon.
        #expect(
            Self.titles(deals, sort: .due) == [
                "E next 19th", "B entered 20th", "C next 25th", "A entered 25th noon",
                "D next 26th",
            ])
    }

    @Test func dueOrderTiesAreBrokenByTitle() {
        let next = Fx.day("2026-11-26")
        let deals = [
            Fx.deal("Zeta", id: "a", next: next), Fx.deal("alpha", id: "b", next: next),
            Fx.deal("Mu", id: "c", entered: next.start(utcOffset: 0)), Fx.deal("Beta", id: "d", next: next),
        ]
        #expect(Self.titles(deals, sort: .due) == ["alpha", "Beta", "Mu", "Zeta"])
        // Same title: the id decides, so the order is total and stable across runs.
        let twins = [Fx.deal("Same", id: "zz", next: next), Fx.deal("Same", id: "aa", next: next)]
        #expect(BoardQuery(scope: .everyone).run(twins, actor: Fx.manager, utcOffset: 0).map(\.id) == ["aa", "zz"])
    }

    @Test func dueDatesFollowTheUsersOffset() {
        // Entered at 23:00 UTC on the 25th is the 26th at 01:00 two hours east; a next action on the 26th
        // starts at 00:00 local time, so it comes first there but last in UTC.
        let deals = [
            Fx.deal("Entered", id: "a", entered: Fx.time("2026-11-25T23:00:00Z")),
            Fx.deal("Planned", id: "b", next: Fx.day("2026-11-26")),
        ]
        #expect(Self.titles(deals, sort: .due, utcOffset: 0) == ["Entered", "Planned"])
        #expect(Self.titles(deals, sort: .due, utcOffset: 2 * 3_600) == ["Planned", "Entered"])
    }

    @Test func createdOrderIsNewestFirst() {
        let deals = [
            Fx.deal("Old", id: "a", created: Fx.time("2026-01-01T00:00:00Z")),
            Fx.deal("Newest", id: "b", created: Fx.time("2026-11-01T00:00:00Z")),
            Fx.deal("Middle", id: "c", created: Fx.time("2026-06-01T00:00:00Z")),
            Fx.deal("Also middle", id: "d", created: Fx.time("2026-06-01T00:00:00Z")),
        ]
        #expect(Self.titles(deals, sort: .created) == ["Newest", "Also middle", "Middle", "Old"])
    }

    @Test func valueOrderIsLargestFirstWithoutValueLast() {
        let deals = [
            Fx.deal("No value", id: "a"), Fx.deal("Small", id: "b", value: Decimal(string: "99.99")!),
            Fx.deal("Big", id: "c", value: 100_000), Fx.deal("Cents more", id: "d", value: Decimal(string: "100.01")!),
            Fx.deal("Another big", id: "e", value: 100_000), Fx.deal("A no value", id: "f"),
        ]
        #expect(Self.titles(deals, sort: .value) == ["Another big", "Big", "Cents more", "Small", "A no value", "No value"])
    }

    @Test func titleOrderIsAlphabeticalWithNumbersInOrder() {
        let deals = [
            Fx.deal("deal 10", id: "a"), Fx.deal("Deal 2", id: "b"), Fx.deal("apple", id: "c"),
            Fx.deal("בננה", id: "d"),
        ]
        let sorted = Self.titles(deals, sort: .title)
        #expect(sorted.filter { $0 != "בננה" } == ["apple", "Deal 2", "deal 10"])
        #expect(sorted.count == 4)
    }

    @Test func sortOrdersCycle() {
        #expect(CardOrder.due.next == .created)
        #expect(CardOrder.title.next == .priority, "the board shows priorities, so s sorts by them too")
        #expect(CardOrder.priority.next == .due)
        #expect(Set(CardOrder.allCases.map(\.rawValue)) == ["due", "created", "value", "title", "priority"])
    }

    @Test func stageAndTextFilters() {
        var withPhone = Fx.deal("Kiosk", id: "c", stage: "meeting")
        withPhone.phone = "050-123-4567"
        withPhone.contact = "Ahmad Khoury"
        let deals = [Fx.deal("Solar", id: "a"), Fx.deal("Solar roof", id: "b", stage: "meeting"), withPhone]
        #expect(
            BoardQuery(scope: .everyone, stage: "meeting").run(deals, actor: Fx.manager, utcOffset: 0).map(\.id)
                == ["c", "b"])
        #expect(BoardQuery(scope: .everyone, filter: "SOLAR").run(deals, actor: Fx.manager, utcOffset: 0).count == 2)
        #expect(BoardQuery(scope: .everyone, filter: "khoury").run(deals, actor: Fx.manager, utcOffset: 0).map(\.id) == ["c"])
        #expect(
            BoardQuery(scope: .everyone, filter: "0501234567").run(deals, actor: Fx.manager, utcOffset: 0).map(\.id)
                == ["c"])
        #expect(BoardQuery(scope: .everyone, filter: "nothing").run(deals, actor: Fx.manager, utcOffset: 0).isEmpty)
    }

    static let mixed = [
        Fx.deal("Rita's", id: "r", owner: "rita"), Fx.deal("Sam's", id: "s", owner: "sam"),
        Fx.deal("Inbox", id: "i", owner: nil, stage: "unsorted"), Fx.deal("Mia's", id: "m", owner: "mia"),
    ]

    static func ids(_ scope: Scope, _ actor: User) -> Set<String> {
        Set(BoardQuery(scope: scope).run(mixed, actor: actor, utcOffset: 0).map(\.id))
    }

    @Test func mineIsOwnDealsPlusTheInbox() {
        #expect(Self.ids(.mine, Fx.rita) == ["r", "i"])
        #expect(Self.ids(.mine, Fx.manager) == ["m", "i"])
    }

    @Test func everyoneIsForManagers() {
        #expect(Visibility.allowed(.everyone, for: Fx.manager) == nil)
        #expect(Self.ids(.everyone, Fx.manager) == ["r", "s", "i", "m"])
        #expect(Visibility.allowed(.everyone, for: Fx.rita)?.message == .onlyManagersSeeAll)
        #expect(Self.ids(.everyone, Fx.rita).isEmpty)
    }

    @Test func oneSellerIsForManagersOrThatSeller() {
        #expect(Self.ids(.seller("sam"), Fx.manager) == ["s"])
        #expect(Visibility.allowed(.seller("sam"), for: Fx.manager) == nil)
        #expect(Visibility.allowed(.seller("rita"), for: Fx.rita) == nil)
        #expect(Self.ids(.seller("rita"), Fx.rita) == ["r"])
        #expect(Visibility.allowed(.seller("sam"), for: Fx.rita)?.message == .onlyManagersSeeAll)
        #expect(Self.ids(.seller("sam"), Fx.rita).isEmpty)
    }

    @Test func canSee() {
        #expect(Visibility.canSee(Self.mixed[1], actor: Fx.manager))
        #expect(!Visibility.canSee(Self.mixed[1], actor: Fx.rita))
        #expect(Visibility.canSee(Self.mixed[2], actor: Fx.rita))
        #expect(Visibility.canSee(Self.mixed[0], actor: Fx.rita))
    }

    @Test func columnsHaveEveryStageInBoardOrder() {
        let pipeline = PipelineTemplate.simple.pipeline
        let next = Fx.day("2026-11-30")
        let deals = [
            Fx.deal("Late", id: "a", next: next), Fx.deal("Early", id: "b", next: Fx.day("2026-11-25")),
            Fx.deal("Met", id: "c", stage: "meeting"),
        ]
        let columns = BoardQuery(scope: .everyone).columns(deals, pipeline: pipeline, actor: Fx.manager, utcOffset: 0)
        #expect(Set(columns.keys) == Set(pipeline.stages.map(\.id)))
        #expect(columns["new"]?.map(\.title) == ["Early", "Late"])
        #expect(columns["meeting"]?.map(\.title) == ["Met"])
        #expect(columns["customer"]?.isEmpty == true)
    }
}
