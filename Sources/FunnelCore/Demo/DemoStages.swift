import Foundation

/// How a simulated rep works a deal in each stage.
extension DemoSimulation {
    /// The first stage: call the new lead within minutes (R10), at least three times on its
    /// first day, then once a working day, up to the attempt limit (R11); an email follows most
    /// unanswered calls. Returns when the deal entered the next open stage, nil otherwise.
    mutating func workNewLead(_ record: inout DemoRecorder, from start: Int) -> Int? {
        let rules = pipeline.work
        var t = start + (chance(0.85) ? int(60...540) : int(600...5_400))
        for attempt in 1...max(1, rules.maxAttempts) {
            t = week.snap(t)
            if t > now {
                record.plan(day(t), nextStep(0))
                return nil
            }
            if chance(parameters.firstReach) {
                record.log(.call, at: t, outcome: .reached, note: DemoWords.reachedNotes.randomElement(using: &rng)!)
                let decided = t + int(60...900)
                if decided > now {
                    record.plan(day(t), nextStep(1))
                    return nil
                }
                // Moving on from here keeps the first stage's share of the chance to win.
                let reach = 1 - pow(1 - parameters.firstReach, Double(max(1, rules.maxAttempts)))
                guard chance(min(0.95, advance[0] / reach)) else {
                    lose(&record, at: decided, reason: reasons.randomElement(using: &rng)!)
                    return nil
                }
                return moveOn(&record, from: 0, at: decided)
            }
            record.log(.call, at: t, outcome: [.noAnswer, .noAnswer, .busy, .leftMessage].randomElement(using: &rng)!)
            let email = t + int(60...600)
            if chance(parameters.emailAfterNoAnswer), email <= now { record.log(.email, at: email) }
            if attempt < rules.firstDayAttempts {
                t = email + int(3_600...9_000)
            } else {
                t = callTime(on: week.workingDay(1, after: day(t)), newLead: true)
            }
        }
        // Unreachable after the last attempt: closed within a working day (R11).
        let close = week.snap(t + int(1_800...28_800))
        if close > now {
            record.plan(day(close), nextStep(0))
            return nil
        }
        lose(&record, at: close, reason: rules.unreachableReason)
        return nil
    }

    /// A later open stage: the rep follows up every few days until the deal moves on or is
    /// lost, within the stage's limit; a stalled deal is left alone past it, its next step overdue.
    mutating func workStage(_ record: inout DemoRecorder, index: Int, entered: Int) -> Int? {
        let limit = path[index].stuckAfterDays ?? 30
        let stalled = chance(parameters.stall)
        let exit: Int
        if stalled {
            tally.stalled += 1
            exit = entered + int((limit * 86_400 * 11 / 10)...(limit * 86_400 * 5 / 2))
        } else {
            // Back to working hours, never forward, so a weekend never pushes a stay past the limit.
            exit = max(entered + 3_600, week.snapBack(entered + int((limit * 86_400 * 35 / 100)...(limit * 86_400 * 9 / 10))))
        }
        let cadence = max(3, limit / 2)
        let stopTouching = stalled ? entered + limit * 86_400 / 3 : Int.max
        var touch = callTime(on: record.deal.nextAction?.date ?? day(entered).adding(days: pipeline.followUpDays), value: record.deal.value)
        var first = true
        while touch < exit, touch <= now, touch <= stopTouching {
            let reached = chance(parameters.laterReach)
            if first && index >= 2 && reached {
                record.log(.meeting, at: touch, note: DemoWords.reachedNotes.randomElement(using: &rng)!)
            } else {
                let outcome: CallOutcome = reached ? .reached : [.noAnswer, .busy, .leftMessage].randomElement(using: &rng)!
                record.log(.call, at: touch, outcome: outcome, note: reached && chance(0.3) ? DemoWords.reachedNotes.randomElement(using: &rng)! : "")
                let email = touch + int(60...600)
                if !reached, chance(parameters.emailAfterNoAnswer), email < exit, email <= now { record.log(.email, at: email) }
            }
            first = false
            touch = callTime(on: reached ? day(touch).adding(days: cadence) : week.workingDay(1, after: day(touch)), value: record.deal.value)
        }
        record.plan(day(touch), nextStep(index))
        guard exit <= now else { return nil }
        guard chance(advance[index]) else {
            lose(&record, at: exit, reason: reasons.randomElement(using: &rng)!)
            return nil
        }
        return moveOn(&record, from: index, at: exit)
    }

    /// Into the next stage on the path: a new open stage with its first step planned, or won.
    mutating func moveOn(_ record: inout DemoRecorder, from index: Int, at local: Int) -> Int? {
        let target = path[index + 1]
        enter(target, index: index + 1, at: local, record: &record)
        guard target.kind == .won else {
            // The follow-up the pipeline proposes on entering a stage (R6).
            record.plan(week.workingDay(onOrAfter: day(local).adding(days: max(1, pipeline.followUpDays))), nextStep(index + 1))
            return local
        }
        win(&record, at: local)
        return nil
    }

    /// Won (R8, R20): a value, payment terms, every call step; a few customers leave later.
    mutating func win(_ record: inout DemoRecorder, at local: Int) {
        tally.won += 1
        if record.deal.value == nil { record.deal.value = value() }
        record.deal.nextAction = nil
        record.deal.callSteps = Set(CallStep.allCases)
        record.deal.paymentTerms = PaymentTerms(method: pipeline.work.paymentMethods.randomElement(using: &rng) ?? .creditCard)
        guard let churnStage, let reason = pipeline.lostReasons.last, chance(parameters.churn) else { return }
        let leaves = week.snap(local + int((30 * 86_400)...(90 * 86_400)))
        guard leaves <= now else { return }
        lose(&record, at: leaves, in: churnStage, reason: reason)
    }

    /// Lost from an open stage, to the pipeline's first lost stage.
    mutating func lose(_ record: inout DemoRecorder, at local: Int, reason: String) {
        guard let lostStage else { return }
        lose(&record, at: local, in: lostStage, reason: reason)
    }
}
