import Foundation

/// The domain's one door for changes. Every change — from a key, a form or the command line —
/// is computed here and checked against every rule; a refusal changes nothing.
public struct Funnel: Sendable {
    public var pipeline: Pipeline
    /// The id of `pipeline` among the data directory's (`PipelineSet`): deals created here are
    /// in it, and a deal from another pipeline moved here enters it.
    public var pipelineID: String = PipelineSet.firstID
    public var team: Team
    /// The rules every change must pass, in the order their refusals are reported.
    public var rules: [any DealRule]

    /// Every rule of `Rules/`: first those about what a change asks for (who may assign, whether
    /// a move goes anywhere, what an edit leaves), then those about the deal it makes.
    public static let standardRules: [any DealRule] = [
        OnlyManagersAssign(), AcceptOnlyFromInbox(), RejectNeedsReason(), MoveChangesStage(), ModuleIsNamed(), ModuleBilledOnce(),
        IssuedQuoteMatchesLines(), QuoteLinesKeepTheirCurrency(), EditKeepsNextAction(), EditKeepsWonValue(),
        FieldsAreValid(), ValuesWithinLimits(), OnlyOwnerOrManagerChanges(), OwnerIsOnTeam(), InboxOnlyForNewLeads(),
        EnteringStageNeedsNextAction(), EnteringStageNeedsQuote(), LostNeedsReason(), WonNeedsValue(), WonNeedsPaymentTerms(),
        PaymentTermsAreValid(), TrainingBeforeBilling(), QuoteLinesAreValid(),
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
        var deal = Deal(
            id: id, title: draft.title.trimmingCharacters(in: .whitespacesAndNewlines),
            company: draft.company, contact: draft.contact, phone: draft.phone, email: draft.email,
            value: draft.value, currency: (draft.currency ?? pipeline.defaultCurrency).uppercased(),
            owner: owner, stage: stage.id, created: now, stageEntered: now, nextAction: draft.nextAction,
            lostReason: stage.kind == .lost ? draft.lostReason.flatMap(pipeline.findLostReason) ?? draft.lostReason : nil,
            notes: draft.notes,
            history: [StageChange(at: now, by: actor.account, from: nil, to: stage.id)],
            revision: 1, updated: now)
        deal.priority = draft.priority ?? .default
        deal.pipeline = pipelineID == PipelineSet.firstID ? nil : pipelineID
        deal.probability = draft.probability
        deal.expectedClose = draft.expectedClose
        return check(before: nil, after: deal, change: nil, by: actor, now: now, utcOffset: utcOffset)
    }

    /// `deal` with `change` applied by `actor` at `now`, or why not. A change of owner, whatever
    /// the change that made it, is recorded in the deal's `assignments` (R16).
    public func apply(_ change: DealChange, to deal: Deal, by actor: User, now: Date, utcOffset: Int = 0) -> Result<Deal, Refusal> {
        let now = Timestamp.wholeSeconds(now)
        var next: Deal
        switch compute(change, on: deal, by: actor, now: now) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let computed): next = computed
        }
        if next.owner != deal.owner {
            next.assignments.append(Assignment(at: now, by: actor.account, from: deal.owner, to: next.owner))
        }
        // Past the limit, ValuesWithinLimits refuses; the arithmetic itself never overflows.
        next.revision = min(deal.revision, Limits.maximumRevision) + 1
        next.updated = now
        return check(before: deal, after: next, change: change, by: actor, now: now, utcOffset: utcOffset)
    }

    /// `deal` with every change of `changes` applied in order by `actor` at `now`, as one new
    /// revision: all of them pass their rules or the first refusal is returned and nothing
    /// changes. Each change is checked as the one revision they make together. No changes: `deal`.
    public func apply(_ changes: [DealChange], to deal: Deal, by actor: User, now: Date, utcOffset: Int = 0) -> Result<Deal, Refusal> {
        var result = deal
        for change in changes {
            var base = result
            base.revision = deal.revision
            switch apply(change, to: base, by: actor, now: now, utcOffset: utcOffset) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let next): result = next
            }
        }
        return .success(result)
    }

    /// Runs every rule on a proposed change.
    func check(before: Deal?, after: Deal, change: DealChange? = nil, by actor: User, now: Date, utcOffset: Int) -> Result<Deal, Refusal> {
        let context = RuleContext(
            before: before, after: after, actor: actor, pipeline: pipeline, team: team,
            today: Day(now, utcOffset: utcOffset), change: change)
        for rule in rules {
            if let refusal = rule.check(context) { return .failure(refusal) }
        }
        return .success(after)
    }

    /// The timeline after putting back an earlier version: when one timeline continues the
    /// other (undo of a logged call, or its redo), the earlier one; otherwise the current one is
    /// kept whole, so a restore never rewrites the middle of a timeline. Only calls are ever taken
    /// away: an email that was sent, a training a billed module rests on (R21), a captured lead
    /// happened and stay.
    static func restoredActivities(_ current: [Activity], earlier: [Activity]) -> [Activity] {
        guard current.starts(with: earlier) || earlier.starts(with: current) else { return current }
        if current.count > earlier.count, current[earlier.count...].contains(where: { $0.kind != .call }) { return current }
        return earlier
    }

    /// The same funnel working on the pipeline `entry` (its stages, rules and id).
    public func on(_ entry: PipelineEntry) -> Funnel {
        var other = self
        other.pipeline = entry.pipeline
        other.pipelineID = entry.id
        return other
    }

    /// Whether `deal` is in another pipeline than this funnel's (a move brings it here).
    func isForeign(_ deal: Deal) -> Bool { (deal.pipeline ?? PipelineSet.firstID) != pipelineID }

    /// Records entering a stage: the stage, the time, and a history line (R8); a deal from another
    /// pipeline enters this one, and the history line names it.
    func enter(_ stageID: String, deal: inout Deal, by actor: User, now: Date) {
        let crossing = isForeign(deal)
        if crossing { deal.pipeline = pipelineID == PipelineSet.firstID ? nil : pipelineID }
        deal.history.append(
            StageChange(
                at: now, by: actor.account, from: deal.stage, to: stageID,
                pipeline: crossing ? pipelineID : nil))
        deal.stage = stageID
        deal.stageEntered = now
    }
}
