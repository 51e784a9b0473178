import Foundation

/// The domain's one door for changes. Every change — from a key, a form or the command line —
/// is computed here and checked against every rule; a refusal changes nothing.
public struct Funnel: Sendable {
    public var pipeline: Pipeline
    public var team: Team
    /// The rules every change must pass, in the order their refusals are reported.
    public var rules: [any DealRule]

    public static let standardRules: [any DealRule] = [
        FieldsAreValid(), ValuesWithinLimits(), OnlyOwnerOrManagerChanges(), OwnerIsOnTeam(),
        EnteringStageNeedsNextAction(), LostNeedsReason(), WonNeedsValue(), WonNeedsPaymentTerms(),
    ]

    public init(pipeline: Pipeline, team: Team, rules: [any DealRule] = Funnel.standardRules) {
        self.pipeline = pipeline
        self.team = team
        self.rules = rules
    }

    /// The team member acting, or a refusal saying how to join.
    public func member(_ account: String) -> Result<User, Refusal> {
        team.user(account).map { .success($0) } ?? .failure(Refusal(.notOnTeam(account: account)))
    }

    /// A new deal with id `id`, created by `actor` at `now`.
    public func create(_ draft: NewDeal, id: String, by actor: User, now: Date, utcOffset: Int = 0) -> Result<Deal, Refusal> {
        let now = Timestamp.wholeSeconds(now)
        let stage: Stage
        if let wanted = draft.stage {
            guard let found = pipeline.findStage(wanted) else {
                return .failure(Refusal(.unknownStage(text: wanted, known: pipeline.stages.map(\.id))))
            }
            stage = found
        } else {
            stage = pipeline.firstOpenStage
        }
        let owner = draft.owner ?? (stage.kind == .inbox ? nil : actor.account)
        let deal = Deal(
            id: id, title: draft.title.trimmingCharacters(in: .whitespacesAndNewlines),
            company: draft.company, contact: draft.contact, phone: draft.phone, email: draft.email,
            value: draft.value, currency: (draft.currency ?? pipeline.defaultCurrency).uppercased(),
            owner: owner, stage: stage.id, created: now, stageEntered: now, nextAction: draft.nextAction,
            lostReason: stage.kind == .lost ? draft.lostReason.flatMap(pipeline.findLostReason) ?? draft.lostReason : nil,
            notes: draft.notes,
            history: [StageChange(at: now, by: actor.account, from: nil, to: stage.id)],
            revision: 1, updated: now)
        return check(before: nil, after: deal, change: nil, by: actor, now: now, utcOffset: utcOffset)
    }

    /// `deal` with `change` applied by `actor` at `now`, or why not.
    public func apply(_ change: DealChange, to deal: Deal, by actor: User, now: Date, utcOffset: Int = 0) -> Result<Deal, Refusal> {
        let now = Timestamp.wholeSeconds(now)
        var next = deal
        switch change {
        case .move(let target, let reason, let nextAction, let value):
            guard let stage = pipeline.findStage(target) else {
                return .failure(Refusal(.unknownStage(text: target, known: pipeline.stages.map(\.id))))
            }
            guard stage.id != deal.stage else { return .failure(Refusal(.alreadyInStage(stage: stage.name))) }
            if let nextAction { next.nextAction = nextAction }
            if let value { next.value = value }
            next.lostReason = stage.kind == .lost ? reason.map { pipeline.findLostReason($0) ?? $0 } : nil
            if next.owner == nil, stage.kind != .inbox { next.owner = actor.account }
            enter(stage.id, deal: &next, by: actor, now: now)
        case .edit(let edit):
            if let v = edit.title { next.title = v.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let v = edit.company { next.company = v }
            if let v = edit.contact { next.contact = v }
            if let v = edit.phone { next.phone = v }
            if let v = edit.email { next.email = v }
            if let v = edit.value { next.value = v }
            if let v = edit.currency { next.currency = v.uppercased() }
            if let v = edit.nextAction { next.nextAction = v }
            if let v = edit.notes { next.notes = v }
            if let stage = pipeline.stage(id: next.stage), stage.entryRequirements.contains(.nextAction),
               next.nextAction == nil {
                let proposed = Day(now, utcOffset: utcOffset).adding(days: pipeline.followUpDays)
                return .failure(Refusal(.needsNextAction(stage: stage.name, proposed: proposed)))
            }
            if let stage = pipeline.stage(id: next.stage), stage.kind == .won, next.value == nil {
                return .failure(Refusal(.needsValue(stage: stage.name)))
            }
        case .assign(let owner):
            if actor.role != .manager, owner != actor.account { return .failure(Refusal(.onlyManagersAssign)) }
            next.owner = owner
        case .log(let entry, let note, let nextAction):
            switch entry {
            case .call(let outcome): next.activities.append(Activity(at: now, by: actor.account, kind: .call, outcome: outcome, note: note))
            case .other(let kind): next.activities.append(Activity(at: now, by: actor.account, kind: kind, note: note))
            }
            if let nextAction { next.nextAction = nextAction }
        case .callStep(let step, let done):
            if done { next.callSteps.insert(step) } else { next.callSteps.remove(step) }
        case .paymentTerms(let terms):
            next.paymentTerms = terms  // installments: ValuesWithinLimits
        case .accept:
            guard pipeline.stage(id: deal.stage)?.kind == .inbox else {
                return .failure(Refusal(.notInInbox(dealTitle: deal.title)))
            }
            next.owner = deal.owner ?? actor.account
            enter(pipeline.firstOpenStage.id, deal: &next, by: actor, now: now)
        case .reject(let reason):
            guard pipeline.stage(id: deal.stage)?.kind == .inbox else {
                return .failure(Refusal(.notInInbox(dealTitle: deal.title)))
            }
            guard let lost = pipeline.stages.first(where: { $0.kind == .lost }) else {
                return .failure(Refusal(.unknownStage(text: "lost", known: pipeline.stages.map(\.id))))
            }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .failure(Refusal(.needsLostReason(stage: lost.name, reasons: pipeline.lostReasons))) }
            next.lostReason = pipeline.findLostReason(trimmed) ?? trimmed
            if next.owner == nil { next.owner = actor.account }
            enter(lost.id, deal: &next, by: actor, now: now)
        case .attachLead(let note, let source):
            next.activities.append(Activity(at: now, by: actor.account, kind: .lead,
                                            note: [source, note].filter { !$0.isEmpty }.joined(separator: ": ")))
        case .restore(let earlier):
            next = earlier
            next.id = deal.id
            next.history = deal.history
            next.activities = Self.restoredActivities(deal.activities, earlier: earlier.activities)
            next.stage = deal.stage
            next.stageEntered = deal.stageEntered
            if earlier.stage != deal.stage { enter(earlier.stage, deal: &next, by: actor, now: now) }
        }
        // Past the limit, ValuesWithinLimits refuses; the arithmetic itself never overflows.
        next.revision = min(deal.revision, Limits.maximumRevision) + 1
        next.updated = now
        return check(before: deal, after: next, change: change, by: actor, now: now, utcOffset: utcOffset)
    }

    /// Runs every rule on a proposed change.
    func check(before: Deal?, after: Deal, change: DealChange? = nil, by actor: User, now: Date, utcOffset: Int) -> Result<Deal, Refusal> {
        let context = RuleContext(before: before, after: after, actor: actor, pipeline: pipeline, team: team,
                                  today: Day(now, utcOffset: utcOffset), change: change)
        for rule in rules {
            if let refusal = rule.check(context) { return .failure(refusal) }
        }
        return .success(after)
    }

    /// The timeline after putting back an earlier version: when one timeline continues the
    /// other (undo of a logged call, or its redo), the earlier one; otherwise the current one is
    /// kept whole, so a restore never rewrites the middle of a timeline.
    static func restoredActivities(_ current: [Activity], earlier: [Activity]) -> [Activity] {
        if current.starts(with: earlier) || earlier.starts(with: current) { return earlier }
        return current
    }

    /// Records entering a stage: the stage, the time, and a history line (R8).
    private func enter(_ stageID: String, deal: inout Deal, by actor: User, now: Date) {
        deal.history.append(StageChange(at: now, by: actor.account, from: deal.stage, to: stageID))
        deal.stage = stageID
        deal.stageEntered = now
    }
}
