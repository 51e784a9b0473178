import Foundation

/// A demo team and its deals, from a simulation of the team's last months (`DemoSimulation`,
/// docs/demo.md): every date follows from simulated events, so the flags, today's list and
/// the reports tell a true story. The same seed and clock give the same team and deals.
public enum DemoData {
    /// The demo team's first members: one manager and four reps. A demo's team starts with
    /// them and grows with its size (`world`).
    public static let team = Team(users: [
        User(account: "dana", name: "Dana Levi", role: .manager, email: "dana@example.com"),
        User(account: "yossi", name: "יוסי כהן", role: .rep, email: "yossi@example.com"),
        User(account: "layla", name: "ليلى حداد", role: .rep, email: "layla@example.com"),
        User(account: "omar", name: "Omar Nasser", role: .rep, email: "omar@example.com"),
        User(account: "sarah", name: "Sarah Miller", role: .rep, email: "sarah@example.com"),
    ])

    /// The manager the demo board opens as.
    public static let manager = "dana"

    /// A simulated team: its people, its deals, and the simulation's own count of events.
    public struct World: Sendable {
        public var team: Team
        public var deals: [Deal]
        public var tally: DemoTally
    }

    /// `count` leads arriving over `parameters.days` working days before `now`, worked by a team
    /// of about one rep per `parameters.openDealsPerRep` open deals (at least two).
    public static func world(
        count: Int, pipeline: Pipeline, now: Date, seed: UInt64 = 2026, utcOffset: Int = 0,
        parameters: DemoParameters = DemoParameters()
    ) -> World {
        let localNow = Int(now.timeIntervalSince1970.rounded(.down)) + utcOffset
        let (arrivals, workingDays) = arrivalTimes(count: count, now: localNow, parameters: parameters, seed: seed)
        let workSeconds = max(1, workingDays * parameters.week.dayLength)
        var simulation = DemoSimulation(
            pipeline: pipeline, parameters: parameters, now: localNow, utcOffset: utcOffset,
            leadsPerSecond: Double(count) / Double(workSeconds), seed: seed &+ 1)
        var ids = Set<String>()
        ids.reserveCapacity(count)
        var deals: [Deal] = []
        deals.reserveCapacity(count)
        for (index, arrival) in arrivals.enumerated() {
            var id = DealID.make(using: &simulation.rng)
            while !ids.insert(id).inserted { id = DealID.make(using: &simulation.rng) }
            var deal = Deal(
                id: id, title: DemoWords.products.randomElement(using: &simulation.rng)!,
                company: DemoWords.companies.randomElement(using: &simulation.rng)!,
                contact: DemoWords.contacts.randomElement(using: &simulation.rng)!,
                phone: "05\(simulation.int(0...9))-\(simulation.int(1_000_000...9_999_999))",
                email: "contact\(index)@example.com", currency: pipeline.defaultCurrency, owner: nil,
                stage: pipeline.firstOpenStage.id, created: Date(timeIntervalSince1970: Double(arrival - utcOffset)))
            if simulation.chance(parameters.valueAtArrival) { deal.value = simulation.value() }
            deals.append(simulation.life(of: deal, arrival: arrival))
        }
        let open = deals.filter { pipeline.stage(id: $0.stage)?.kind == .open }.count
        func atLeast(_ n: Int, per: Int) -> Int { (n + max(1, per) - 1) / max(1, per) }
        let reps = max(
            2, atLeast(open, per: parameters.openDealsPerRep),
            atLeast(count, per: parameters.leadsPerRepPerDay * max(1, workingDays)))
        let team = DemoTeam.make(reps: reps)
        assign(&deals, to: team.reps.map(\.account))
        return World(team: team, deals: deals, tally: simulation.tally)
    }

    /// The deals of `world(count:…)`, for benchmarks and tests that need no team.
    public static func deals(count: Int, pipeline: Pipeline, now: Date, seed: UInt64 = 2026) -> [Deal] {
        world(count: count, pipeline: pipeline, now: now, seed: seed).deals
    }

    /// `count` arrival times (local seconds), in order, spread evenly over the working hours of
    /// the working days of the last `parameters.days` days up to `now`; and how many working days there were.
    static func arrivalTimes(count: Int, now: Int, parameters: DemoParameters, seed: UInt64) -> (times: [Int], workingDays: Int) {
        let week = parameters.week
        let today = Day(daysSinceEpoch: WorkWeek.floorDiv(now, 86_400))
        var starts: [Int] = [], lengths: [Int] = []
        for back in stride(from: parameters.days - 1, through: 0, by: -1) {
            let day = today.adding(days: -back)
            guard week.isWorking(day) else { continue }
            let open = week.moment(day, offset: 0)
            let length = min(week.dayLength, now - open)
            if length > 0 { starts.append(open); lengths.append(length) }
        }
        let total = lengths.reduce(0, +)
        guard count > 0, total > 0 else { return ([], starts.count) }
        var rng = SeededGenerator(seed: seed)
        let offsets = (0..<count).map { _ in Int.random(in: 0..<total, using: &rng) }.sorted()
        var result: [Int] = []
        result.reserveCapacity(count)
        var slot = 0, before = 0
        for offset in offsets {
            while offset - before >= lengths[slot] { before += lengths[slot]; slot += 1 }
            result.append(starts[slot] + offset - before)
        }
        return (result, starts.count)
    }

    /// Gives the accepted deals to the reps in turn, in the order they arrived.
    static func assign(_ deals: inout [Deal], to reps: [String]) {
        var turn = 0
        for index in deals.indices where deals[index].history.contains(where: { $0.by == DemoRecorder.owner }) {
            let rep = reps[turn % reps.count]
            turn += 1
            deals[index].owner = rep
            for h in deals[index].history.indices where deals[index].history[h].by == DemoRecorder.owner {
                deals[index].history[h].by = rep
            }
            for a in deals[index].activities.indices { deals[index].activities[a].by = rep }
        }
    }
}
