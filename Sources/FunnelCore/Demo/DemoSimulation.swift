import Foundation

/// The life of each demo lead, event by event: it arrives in the inbox on a working day, a
/// rep accepts it and calls it (R9, R10, R11), and it moves on or is lost at each stage with
/// the chances the stages' probabilities imply, staying within their stuck limits unless it
/// stalls. Events after `now` do not happen: the deal stays where it is, with the next step
/// planned. Times are local whole seconds (see `WorkWeek`).
struct DemoSimulation {
    let pipeline: Pipeline
    let parameters: DemoParameters
    let now: Int
    let utcOffset: Int
    /// Open stages, then the won stage.
    let path: [Stage]
    /// Chance to move on from each open stage of `path`.
    let advance: [Double]
    let lostStage: Stage?
    let churnStage: Stage?
    let reasons: [String]
    /// How long a lead waits in the inbox, in seconds.
    let acceptDelay: ClosedRange<Int>
    var rng: SeededGenerator
    var tally = DemoTally()

    var week: WorkWeek { parameters.week }

    init(pipeline: Pipeline, parameters: DemoParameters, now: Int, utcOffset: Int, leadsPerSecond: Double, seed: UInt64) {
        self.pipeline = pipeline
        self.parameters = parameters
        self.now = now
        self.utcOffset = utcOffset
        let path = pipeline.stages.filter { $0.kind == .open } + pipeline.stages.filter { $0.kind == .won }.prefix(1)
        self.path = path
        advance = path.indices.dropLast().map { i in
            // Winning from stage i is p(i); moving on keeps p(i) = advance(i) × p(i + 1).
            let here = Double(path[i].probability ?? 50), next = Double(path[i + 1].probability ?? 100)
            return min(0.9, max(0.2, next > 0 ? here / next : 0.5))
        }
        let lost = pipeline.stages.filter { $0.kind == .lost }
        lostStage = lost.first
        churnStage = lost.count > 1 ? lost[1] : nil
        let churnReason = churnStage == nil ? nil : pipeline.lostReasons.last
        let rest = pipeline.lostReasons.filter { $0 != pipeline.work.unreachableReason && $0 != churnReason }
        reasons = rest.isEmpty ? pipeline.lostReasons : rest
        // A lead waits a minute or two in a busy team's inbox, up to ten minutes in a small one's.
        let longest = Int(min(600, max(60, 2 / max(leadsPerSecond, 1e-9))))
        acceptDelay = 30...longest
        rng = SeededGenerator(seed: seed)
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    func day(_ local: Int) -> Day { Day(daysSinceEpoch: WorkWeek.floorDiv(local, 86_400)) }

    /// When a rep calls on the first working day on or after `day`, in the order of today's
    /// list (R9): new leads nobody has spoken to first thing in the morning; follow-ups due
    /// after them, larger deals first (a deal of ₪100,000 or more in the first hour of them).
    mutating func callTime(on day: Day, newLead: Bool = false, value: Decimal? = nil) -> Int {
        let working = week.workingDay(onOrAfter: day)
        if newLead { return week.moment(working, offset: int(300...3_600)) }
        let share = min(1, NSDecimalNumber(decimal: value ?? 0).doubleValue / 100_000)
        let span = max(1, week.dayLength - 3 * 3_600)
        return week.moment(working, offset: 3_600 + Int((1 - share) * Double(span)) + int(0...1_800))
    }

    mutating func nextStep(_ pathIndex: Int) -> String {
        DemoWords.nextSteps[min(pathIndex, DemoWords.nextSteps.count - 1)].randomElement(using: &rng)!
    }

    /// One lead's life from its arrival at `arrival` (local seconds) until now.
    mutating func life(of deal: Deal, arrival: Int) -> Deal {
        var record = DemoRecorder(deal: deal, created: arrival, utcOffset: utcOffset)
        tally.created += 1
        var entered = arrival
        if let inbox = pipeline.inboxStage {
            record.deal.history = [StageChange(at: record.date(arrival), by: "capture", from: nil, to: inbox.id)]
            record.deal.stage = inbox.id
            tally.entered[inbox.id, default: 0] += 1
            entered = arrival + int(acceptDelay)
            // Still waiting for a rep to accept it (R4).
            guard entered <= now, let first = path.first else { return record.finished() }
            enter(first, index: 0, at: entered, record: &record, by: DemoRecorder.owner)
        } else if let first = path.first {
            record.deal.history = [StageChange(at: record.date(arrival), by: DemoRecorder.owner, from: nil, to: first.id)]
            record.deal.stage = first.id
            tally.entered[first.id, default: 0] += 1
        }
        var index = 0
        var next = workNewLead(&record, from: entered)
        while let at = next {
            index += 1
            next = workStage(&record, index: index, entered: at)
        }
        return record.finished()
    }

    /// Records entering path stage `index`, with what the stage brings along.
    mutating func enter(_ stage: Stage, index: Int, at local: Int, record: inout DemoRecorder, by: String = DemoRecorder.owner) {
        if index > 0 { tally.movedOn[path[index - 1].id, default: 0] += 1 }
        tally.entered[stage.id, default: 0] += 1
        record.move(to: stage.id, at: local, by: by)
        if index >= 2, record.deal.value == nil { record.deal.value = value() }
        record.deal.callSteps = Set(CallStep.allCases.prefix(min(index, 3)))
    }

    mutating func value() -> Decimal {
        // Mostly modest deals, a few large ones.
        let base = int(10...400) * 100
        return Decimal(chance(0.15) ? base * int(3...6) : base)
    }

    /// Closes the deal as lost from its current stage.
    mutating func lose(_ record: inout DemoRecorder, at local: Int, in stage: Stage, reason: String) {
        let from = record.deal.stage
        record.close(in: stage.id, at: local, reason: reason)
        tally.entered[stage.id, default: 0] += 1
        if record.deal.history.dropLast().contains(where: { pipeline.stage(id: $0.to)?.kind.isClosed == true }) {
            tally.won -= 1
        }
        tally.lost += 1
        tally.lostFrom[from, default: 0] += 1
        tally.reasons[reason, default: 0] += 1
    }
}
