import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelCore

/// Shared people, times and helpers for the domain tests.
enum Fx {
    static let manager = User(account: "mia", name: "Mia Manager", role: .manager)
    static let rita = User(account: "rita", name: "Rita Rep", role: .rep)
    static let sam = User(account: "sam", name: "Sam Rep", role: .rep)
    static let team = Team(users: [manager, rita, sam])

    /// 2026-11-24T09:00:00Z, the tests' one clock.
    static let now = FixedClock.now
    static let today = Day(year: 2026, month: 11, day: 24)!

    static func later(hours: Double) -> Date { FixedClock.later(hours: hours) }

    static func funnel(_ template: PipelineTemplate = .simple) -> Funnel {
        Funnel(pipeline: template.pipeline, team: team)
    }

    /// A new deal made through the domain's own door; the test fails if it is refused.
    static func create(
        _ title: String = "Solar panels", id: String = "abcd2345", stage: String? = nil,
        owner: String? = nil, value: Decimal? = nil, next: NextAction? = nil,
        reason: String? = nil, by actor: User = rita, at time: Date = now,
        in funnel: Funnel = funnel()
    ) throws -> Deal {
        var draft = NewDeal(title: title)
        draft.stage = stage
        draft.owner = owner
        draft.value = value
        draft.nextAction = next
        draft.lostReason = reason
        return try #require(funnel.create(draft, id: id, by: actor, now: time).success)
    }

    /// A plain deal built field by field (no rules), for queries.
    static func deal(
        _ title: String, id: String, owner: String? = "rita", stage: String = "new",
        created: Date = now, entered: Date? = nil, next: Day? = nil, value: Decimal? = nil
    ) -> Deal {
        Deal(
            id: id, title: title, value: value, currency: "ILS", owner: owner, stage: stage, created: created,
            stageEntered: entered ?? created, nextAction: next.map { NextAction(date: $0, text: "call") })
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func time(_ iso: String) -> Date { Timestamp.parse(iso)! }
}

extension Result {
    var success: Success? { if case .success(let value) = self { return value } else { return nil } }
    var failure: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}

extension Result where Failure == Refusal {
    /// The refusal's message, or nil when the change went through.
    var refusal: Message? { failure?.message }
}
