import Foundation

/// What each `DealChange` does to a deal, before the rules look at it (`Funnel.apply`).
extension Funnel {
    /// The next version of `deal` under `change`, without revision, time or rule checks.
    func compute(_ change: DealChange, on deal: Deal, by actor: User, now: Date) -> Result<Deal, Refusal> {
        var next = deal
        switch change {
        case .move(let target, let reason, let nextAction, let value):
            return moved(deal, to: target, reason: reason, nextAction: nextAction, value: value, by: actor, now: now)
        case .edit(let edit):
            return .success(edited(deal, edit))
        case .assign(let owner):
            return assigned(deal, to: owner, by: actor, now: now)
        case .log(let entry, let note, let nextAction):
            switch entry {
            case .call(let outcome): next.activities.append(Activity(at: now, by: actor.account, kind: .call, outcome: outcome, note: note))
            case .other(let kind): next.activities.append(Activity(at: now, by: actor.account, kind: kind, note: note))
            }
            if let nextAction { next.nextAction = nextAction }
        case .callStep(let step, let done):
            if done { next.callSteps.insert(step) } else { next.callSteps.remove(step) }
        case .paymentTerms(let terms):
            next.paymentTerms = terms  // installments: PaymentTermsAreValid
        case .accept, .reject:
            return fromInbox(deal, change, by: actor, now: now)
        case .attachLead(let note, let source):
            next.activities.append(
                Activity(
                    at: now, by: actor.account, kind: .lead,
                    note: [source, note].filter { !$0.isEmpty }.joined(separator: ": ")))
        case .restore(let earlier):
            next = earlier
            next.id = deal.id
            // The logs stay as they are: history, owners, billed modules; the timeline goes back
            // only where one version continues the other (undo of a logged call, or its redo).
            next.history = deal.history
            next.activities = Funnel.restoredActivities(deal.activities, earlier: earlier.activities)
            next.assignments = deal.assignments
            next.modules = deal.modules
            next.quotes = deal.quotes
            next.stage = deal.stage
            next.stageEntered = deal.stageEntered
            next.pipeline = deal.pipeline  // an undo stays in the pipeline the deal is in
            if earlier.stage != deal.stage {
                enter(earlier.stage, deal: &next, by: actor, now: now)
                // Back in the stage as it was: its days there (stuck, archived) count from then;
                // the history keeps both moves.
                if earlier.pipeline == deal.pipeline { next.stageEntered = earlier.stageEntered }
            }
        case .training(let module, let note):  // a name: ModuleIsNamed
            next.activities.append(Activity(at: now, by: actor.account, kind: .training, note: note, module: BilledModule.clean(module)))
        case .bill(let module):  // ModuleIsNamed, ModuleBilledOnce, TrainingBeforeBilling
            next.modules.append(BilledModule(module: BilledModule.clean(module), at: now, by: actor.account))
        case .addLine, .removeLine, .issueQuote:
            return quoted(deal, change, by: actor, now: now)
        }
        return .success(next)
    }

    /// To another stage, with what the target stage may need (R6, R7, R8).
    func moved(
        _ deal: Deal, to target: String, reason: String?, nextAction: NextAction?, value: Decimal?,
        by actor: User, now: Date
    ) -> Result<Deal, Refusal> {
        guard let stage = pipeline.findStage(target) else {
            return .failure(Refusal(.unknownStage(text: target, known: pipeline.stages.map(\.id))))
        }
        var next = deal  // to another stage: MoveChangesStage
        if let nextAction { next.nextAction = nextAction }
        if let value { next.value = value }
        next.lostReason = stage.kind == .lost ? reason.map { pipeline.findLostReason($0) ?? $0 } : nil
        if next.owner == nil, stage.kind != .inbox { next.owner = actor.account }
        enter(stage.id, deal: &next, by: actor, now: now)
        return .success(next)
    }

    /// The fields of `edit` set. What must still hold afterwards is the rules' (`EditKeepsNextAction`,
    /// `EditKeepsWonValue`, `QuoteLinesKeepTheirCurrency`).
    func edited(_ deal: Deal, _ edit: DealEdit) -> Deal {
        var next = deal
        if let v = edit.title { next.title = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let v = edit.company { next.company = v }
        if let v = edit.contact { next.contact = v }
        if let v = edit.phone { next.phone = v }
        if let v = edit.email { next.email = v }
        if let v = edit.value { next.value = v }
        if let v = edit.currency { next.currency = v.uppercased() }
        if let v = edit.nextAction { next.nextAction = v }
        if let v = edit.notes { next.notes = v }
        if let v = edit.priority { next.priority = v }
        if let v = edit.probability { next.probability = v }
        if let v = edit.expectedClose { next.expectedClose = v }
        return next
    }

    /// Gives the deal to `owner` (R16; who may: `OnlyManagersAssign`). An inbox lead given to
    /// someone leaves Unsorted for the first open stage, recorded in the stage history; giving a
    /// deal to nobody is for the inbox only (`OwnerIsOnTeam`).
    func assigned(_ deal: Deal, to owner: String?, by actor: User, now: Date) -> Result<Deal, Refusal> {
        var next = deal
        next.owner = owner
        if owner != nil, pipeline.stage(id: deal.stage)?.kind == .inbox {
            enter(pipeline.firstOpenStage.id, deal: &next, by: actor, now: now)
        }
        return .success(next)
    }

    /// Accepting (R4: the rep owns it, it enters the first open stage) or rejecting (closed as
    /// lost with any reason, R4, R7) an inbox lead (`AcceptOnlyFromInbox`, `RejectNeedsReason`).
    func fromInbox(_ deal: Deal, _ change: DealChange, by actor: User, now: Date) -> Result<Deal, Refusal> {
        var next = deal
        guard case .reject(let reason) = change else {
            next.owner = deal.owner ?? actor.account
            enter(pipeline.firstOpenStage.id, deal: &next, by: actor, now: now)
            return .success(next)
        }
        guard let lost = pipeline.stages.first(where: { $0.kind == .lost }) else {
            return .failure(Refusal(.unknownStage(text: "lost", known: pipeline.stages.map(\.id))))
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        next.lostReason = pipeline.findLostReason(trimmed) ?? trimmed
        if next.owner == nil { next.owner = actor.account }
        enter(lost.id, deal: &next, by: actor, now: now)
        return .success(next)
    }
}
