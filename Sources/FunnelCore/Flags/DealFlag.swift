import Foundation

/// Something about a deal that needs attention, computed from the deal and the clock.
public enum DealFlag: String, CaseIterable, Sendable, Hashable {
    /// A new lead nobody has spoken to, older than the speed-to-lead limit (R10: 10 minutes).
    case speedToLead = "speed-to-lead"
    /// A lead longer than the limit in the first stage (R10: a day).
    case leadOverdue = "lead-overdue"
    /// A lead that arrived today with fewer attempts today than the minimum (R11: 3).
    case fewAttempts = "few-attempts"
    /// As many unanswered attempts as the limit (R11: 6): propose closing as lost, unreachable.
    case unreachable
    /// The last call went unanswered and no email followed it (R11).
    case emailDue = "email-due"
    /// In an open stage with no next action (R12).
    case noNextAction = "no-next-action"
    /// The next action date has passed.
    case overdue
    /// Longer in its stage than the stage's limit (R13): move it on or lower its priority.
    case stuck
    /// In a stage the pipeline does not have (removed from pipeline.json by hand): shown in its own
    /// column, never hidden; move it to a stage of the pipeline.
    case stageMissing = "stage-missing"
    /// In a stage whose rule it does not meet (won without a value, lost without a reason): left so
    /// by a merge of two people's changes (`funnel sync`), never silently changed; fix it.
    case breaksRule = "breaks-rule"

    /// A short word for a card.
    public var label: String { label(in: .en) }

    /// What the person should do about it.
    public var advice: String { advice(in: .en) }
}

/// Computes a deal's flags; pure, with the clock passed in.
public enum DealFlags {
    public static func of(_ deal: Deal, pipeline: Pipeline, now: Date, utcOffset: Int) -> [DealFlag] {
        guard let stage = pipeline.stage(id: deal.stage) else { return [.stageMissing] }
        var flags: [DealFlag] = breaksRule(deal, in: stage) ? [.breaksRule] : []
        guard !stage.kind.isClosed else { return flags }
        let rules = pipeline.work
        let today = Day(now, utcOffset: utcOffset)
        if isNewLead(deal, pipeline: pipeline) {
            let age = now.timeIntervalSince(deal.created)
            if age > Double(rules.speedToLeadMinutes) * 60 { flags.append(.speedToLead) }
            if now.timeIntervalSince(deal.stageEntered) > Double(rules.firstStageMaxHours) * 3_600 { flags.append(.leadOverdue) }
            if Day(deal.created, utcOffset: utcOffset) == today,
                Attempts.calls(deal, on: today, utcOffset: utcOffset) < rules.firstDayAttempts
            {
                flags.append(.fewAttempts)
            }
        }
        if Attempts.unanswered(deal) >= rules.maxAttempts { flags.append(.unreachable) }
        if Attempts.emailDue(deal) { flags.append(.emailDue) }
        if stage.kind == .open {
            if let next = deal.nextAction {
                if next.date < today { flags.append(.overdue) }
            } else {
                flags.append(.noNextAction)
            }
            if isStuck(deal, in: stage, now: now) { flags.append(.stuck) }
        }
        return flags
    }

    /// In `stage` without what its kind demands: a won deal without a value (R8), a lost one
    /// without a reason (R7). Only a merge of two people's changes leaves a deal so.
    public static func breaksRule(_ deal: Deal, in stage: Stage) -> Bool {
        (stage.kind == .won && deal.value == nil)
            || (stage.kind == .lost && (deal.lostReason ?? "").isBlank)
    }

    /// Longer in `stage` than its limit in days (R13).
    public static func isStuck(_ deal: Deal, in stage: Stage, now: Date) -> Bool {
        isStuck(entered: deal.stageEntered, in: stage, now: now)
    }

    /// Longer in `stage`, entered at `entered`, than its limit in days.
    static func isStuck(entered: Date, in stage: Stage, now: Date) -> Bool {
        guard let limit = stage.stuckAfterDays else { return false }
        return now.timeIntervalSince(entered) > Double(limit) * 86_400
    }

    /// A lead nobody has spoken to yet, in the inbox or the first open stage (R9, R10).
    public static func isNewLead(_ deal: Deal, pipeline: Pipeline) -> Bool {
        guard let stage = pipeline.stage(id: deal.stage) else { return false }
        let first = stage.kind == .inbox || stage.id == pipeline.firstOpenStage.id
        return first && !Attempts.spokenTo(deal)
    }

    /// "7 min", "3 h", "2 d": a lead's age for its card (R10).
    public static func age(of deal: Deal, now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(deal.created) / 60))
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 48 * 60 { return "\(minutes / 60) h" }
        return "\(minutes / 1_440) d"
    }
}
