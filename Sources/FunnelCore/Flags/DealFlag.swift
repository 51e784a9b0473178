import Foundation

/// Something about a deal that needs attention, computed from the deal and the clock.
public enum DealFlag: String, CaseIterable, Sendable, Hashable {
    /// In an open stage with no next action (R12).
    case noNextAction = "no-next-action"
    /// The next action date has passed.
    case overdue
    /// Longer in its stage than the stage's limit (R13): move it on or lower its priority.
    case stuck

    /// A short word for a card.
    public var label: String {
        switch self {
        case .noNextAction: return "no next step"
        case .overdue: return "overdue"
        case .stuck: return "stuck"
        }
    }
}

/// Computes a deal's flags; pure, with the clock passed in.
public enum DealFlags {
    public static func of(_ deal: Deal, pipeline: Pipeline, now: Date, utcOffset: Int) -> [DealFlag] {
        guard let stage = pipeline.stage(id: deal.stage), stage.kind == .open else { return [] }
        var flags: [DealFlag] = []
        if let next = deal.nextAction {
            if next.date < Day(now, utcOffset: utcOffset) { flags.append(.overdue) }
        } else {
            flags.append(.noNextAction)
        }
        if let limit = stage.stuckAfterDays, now.timeIntervalSince(deal.stageEntered) > Double(limit) * 86_400 {
            flags.append(.stuck)
        }
        return flags
    }
}
