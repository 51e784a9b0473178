import Foundation

/// Writes one simulated deal's events into its `Deal`, in order: each event's time is at
/// least the one before (the clock of one deal never runs backwards).
struct DemoRecorder {
    /// Who the owner is before the team is known; replaced by `DemoData.assign`.
    static let owner = "\u{0}owner"

    var deal: Deal
    let utcOffset: Int
    private(set) var last: Int

    init(deal: Deal, created: Int, utcOffset: Int) {
        self.deal = deal
        self.utcOffset = utcOffset
        last = created
    }

    func date(_ local: Int) -> Date { Date(timeIntervalSince1970: Double(local - utcOffset)) }

    private mutating func tick(_ local: Int) -> Date {
        last = max(last, local)
        return date(last)
    }

    /// The deal enters `stage`.
    mutating func move(to stage: String, at local: Int, by: String = owner) {
        let at = tick(local)
        deal.history.append(StageChange(at: at, by: by, from: deal.stage, to: stage))
        deal.stage = stage
        deal.stageEntered = at
    }

    /// A call, a meeting, an email…
    mutating func log(_ kind: ActivityKind, at local: Int, outcome: CallOutcome? = nil, note: String = "") {
        deal.activities.append(Activity(at: tick(local), by: Self.owner, kind: kind, outcome: outcome, note: note))
    }

    /// What the owner plans to do next, on `day`.
    mutating func plan(_ day: Day, _ text: String) { deal.nextAction = NextAction(date: day, text: text) }

    /// Closes the deal in `stage` (won or lost): no next action from then on.
    mutating func close(in stage: String, at local: Int, reason: String?) {
        move(to: stage, at: local)
        deal.lostReason = reason
        deal.nextAction = nil
    }

    /// The finished deal: revision and last change follow from its events.
    func finished() -> Deal {
        var result = deal
        result.revision = result.history.count + result.activities.count
        result.updated = date(last)
        return result
    }
}
