import Foundation

/// What a reader can know of a deal without decoding it: who owns it, which pipeline and stage
/// it is in, and since when. The snapshot cache writes it before each deal, so a reader that
/// wants only some deals (a rep's own, one pipeline's open deals, the board's deals not archived)
/// skips the others (`FunnelStore.loadDealSet(where:holding:)`).
public struct DealHead: Hashable, Sendable {
    public let id: String
    /// nil: in the shared inbox.
    public let owner: String?
    /// nil: the first pipeline (`pipeline.json`).
    public let pipeline: String?
    public let stage: String
    /// When the deal entered its stage, in whole seconds since 1970 (rounded down): enough for
    /// the archive's days (`ArchiveRule.isArchived(_:kind:today:utcOffset:)`).
    public let stageEnteredSecond: Int64

    public init(_ deal: Deal) {
        id = deal.id
        owner = deal.owner
        pipeline = deal.pipeline
        stage = deal.stage
        stageEnteredSecond = Self.second(deal.stageEntered)
    }

    public init(id: String, owner: String?, pipeline: String?, stage: String, stageEnteredSecond: Int64) {
        self.id = id
        self.owner = owner
        self.pipeline = pipeline
        self.stage = stage
        self.stageEnteredSecond = stageEnteredSecond
    }

    /// When the deal entered its stage (to the second).
    public var stageEntered: Date { Date(timeIntervalSince1970: TimeInterval(stageEnteredSecond)) }

    /// `date` in whole seconds since 1970, rounded down; a date beyond any calendar's reach is
    /// clamped (the files never hold one: `ValuesWithinLimits`).
    public static func second(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return 0 }
        return Int64(max(Double(secondRange.lowerBound), min(Double(secondRange.upperBound), seconds)))
    }

    /// The seconds a head may hold: thirty million years either way, far inside what a date's
    /// day can be worked out from.
    public static let secondRange: ClosedRange<Int64> = -1_000_000_000_000_000...1_000_000_000_000_000
}
