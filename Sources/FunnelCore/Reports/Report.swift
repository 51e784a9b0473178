import Foundation

/// Figures for one stage right now (R17).
public struct StageFigures: Hashable, Sendable {
    public var stage: Stage
    public var openDeals: Int
    /// Sum of values in the pipeline's currency.
    public var totalValue: Decimal
    /// Average over the deals that have a value; nil when none has.
    public var averageValue: Decimal?
    /// Sum of value × probability (the deal's own, else the stage's) / 100; nil when the stage has
    /// no probability and none of its deals has its own.
    public var weightedValue: Decimal?
}

/// Of the deals that entered `from` in the period, how many later reached `to` or beyond (R17).
public struct Conversion: Hashable, Sendable {
    public var from: Stage
    public var to: Stage
    public var entered: Int
    public var reached: Int
    /// reached / entered, nil when nobody entered.
    public var rate: Double? { entered == 0 ? nil : Double(reached) / Double(entered) }
}

/// Lost deals by the stage they were lost from (R17: the limping stage).
public struct StageLoss: Hashable, Sendable {
    public var stage: Stage
    public var lost: Int
    /// This stage's share of all losses in the period.
    public var share: Double
}

/// Days in a stage (R17: which stage is slow).
public struct StageVelocity: Hashable, Sendable {
    public var stage: Stage
    /// Completed stays (entered, then left) that ended in the period.
    public var stays: Int
    public var medianDays: Double?
    public var p90Days: Double?
}

/// One seller's load and results (R18).
public struct SellerFigures: Hashable, Sendable {
    public var user: User
    /// Open deals per open stage id (every open stage has an entry).
    public var openByStage: [String: Int]
    public var open: Int
    public var won: Int
    public var lost: Int
    public var winRate: Double?
    public var overdueNextActions: Int
    public var stuck: Int
    /// How many open stages the seller has deals in.
    public var stagesInPlay: Int
    /// More open deals than the team's average by the overload factor (see docs/reports.md).
    public var overloaded: Bool
    /// The weighted value of their open deals; nil when no probability applies to any open deal.
    public var weightedValue: Decimal? = nil
}

/// A problem with the funnel's health (R1, R12, R17).
public enum HealthWarning: Hashable, Sendable {
    case tooManyStages(count: Int, limit: Int)
    /// New leads this period well below the trailing average of the periods before.
    case topRunningDry(new: Int, trailingAverage: Double)
    case openWithoutNextAction(count: Int)

    public var text: String {
        switch self {
        case .tooManyStages(let count, let limit):
            return Message.tooManyStages(count: count, limit: limit).text
        case .topRunningDry(let new, let average):
            return "the top of the funnel is running dry: \(new) new deals this period against \(String(format: "%.1f", average)) on average before"
        case .openWithoutNextAction(let count):
            return "\(count) open deal\(count == 1 ? " has" : "s have") no next action (R12)"
        }
    }

    public var code: String {
        switch self {
        case .tooManyStages: return "too-many-stages"
        case .topRunningDry: return "top-running-dry"
        case .openWithoutNextAction: return "open-without-next-action"
        }
    }
}

/// Where the funnel leaks: every figure of docs/reports.md, computed from stage histories.
public struct FunnelReport: Hashable, Sendable {
    public var period: ReportPeriod
    public var currency: String
    public var stages: [StageFigures]
    public var conversions: [Conversion]
    /// Of the deals closed in the period, the share won; nil when none closed.
    public var winRate: Double?
    public var won: Int
    public var lost: Int
    public var losses: [StageLoss]
    /// The stage that leaked the most deals, lost or kept past its limit (`leaks`); nil when none did.
    public var limpingStage: Stage?
    public var lostReasons: [ReasonCount]
    public var velocity: [StageVelocity]
    /// Median days from creation to won, over deals won in the period.
    public var medianDaysToWon: Double?
    public var newDeals: Int
    public var team: [SellerFigures]
    public var warnings: [HealthWarning]
    /// Each stage's leaks in the period: lost from it, kept past its limit (the limping stage's measure).
    public var leaks: [StageLeak] = []
    /// The weighted value of every open deal; nil when no probability applies to any.
    public var weightedValue: Decimal? = nil
    /// Open deals by month of expected close (the overdue row first).
    public var forecast: [ForecastRow] = []
    /// The goals of the current month and their progress; filled by the caller (goals.json is not the pipeline's).
    public var goals: [GoalStatus] = []
}

/// How often a lost reason was given.
public struct ReasonCount: Hashable, Sendable {
    public var reason: String
    public var count: Int
}
