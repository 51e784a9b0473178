import Foundation
import FunnelCore
import FunnelStore

/// `funnel demo`: a believable team and deals in an empty data directory.
enum DemoCommand: Command {
    static let spec = CommandSpec(
        name: "demo", summary: "Fill an empty data directory with a demo team and deals.",
        options: Option.specs,
        details: """
            The deals come from a simulation of a sales team over the last 120 days (--days: up to ten \
            years; docs/demo.md): leads arrive on working days, reps call them, deals move on or are lost. The team grows \
            with the number of deals. The demo manager is dana; open the board as her with: FUNNEL_USER=dana funnel
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case deals
        case template
        case seed
        case week
        case days

        var spec: OptionSpec {
            switch self {
            case .deals: OptionSpec(value: "N", "how many deals (default 60; up to 1000000)")
            case .template: OptionSpec(value: "NAME", "pipeline template when the directory is new (default simple)", oneOf: PipelineTemplate.self)
            case .seed: OptionSpec(value: "N", "random seed, for the same deals every time")
            case .week: OptionSpec(value: "DAYS", "the team's working days, e.g. sun-thu (default) or mon-fri")
            case .days: OptionSpec(value: "N", "the days the leads arrive over, up to now (default 120; 7 to 3650)")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let count = try number(arguments[.deals] ?? "60", flag: "deals", range: 0...1_000_000)
        let seed = try number(arguments[.seed] ?? "2026", flag: "seed", range: 0...Int.max)
        var parameters = DemoParameters()
        parameters.days = try number(arguments[.days] ?? "\(parameters.days)", flag: "days", range: 7...3_650)
        if let text = arguments[.week] {
            guard let week = WorkWeek.parse(text) else {
                throw CommandFailure.usage("--week “\(text)” is not a range of weekdays like sun-thu or mon-fri, or a list like sun,mon,tue")
            }
            parameters.week = week
        }
        let made = try fill(
            session: session, deals: count, template: try arguments.choice(.template, as: PipelineTemplate.self) ?? .defaultTemplate,
            seed: UInt64(seed), parameters: parameters)
        Console.line("wrote \(made.deals) demo deals for \(made.people) people to \(session.store.root)")
    }

    /// Initialises (if needed) and fills the store; refuses a directory that already has deals.
    /// Returns how many deals were written and how many people the demo team has.
    @discardableResult
    static func fill(
        session: Session, deals count: Int, template: PipelineTemplate, seed: UInt64,
        parameters: DemoParameters = DemoParameters()
    ) throws -> (deals: Int, people: Int) {
        let store = session.store
        if store.isInitialized {
            let existing = try session.data { try store.dealIDs() }
            guard existing.isEmpty else {
                throw CommandFailure.data("\(store.root) already has \(existing.count) deals; demo fills an empty directory (try --data-dir)")
            }
        }
        let pipeline = store.isInitialized ? try session.data { try store.loadPipeline() } : template.pipeline
        let world = DemoData.world(
            count: count, pipeline: pipeline, now: session.now, seed: seed,
            utcOffset: session.utcOffset, parameters: parameters)
        if !store.isInitialized {
            var users = world.team.users
            if !users.contains(where: { $0.account == session.account }) {
                users.append(User(account: session.account, name: session.account, role: .manager))
            }
            try session.data { try store.initialize(pipeline: template.pipeline, team: Team(users: users)) }
            // The email templates `funnel init` writes, so `e` and `funnel mail` work on the demo too.
            try session.data { try store.writeMailTemplates(DefaultMailTemplates.all) }
            try session.data { try store.writeQuoteTemplates(DefaultQuoteTemplates.all) }
        } else {
            _ = try session.data {
                try store.updateTeam { team in
                    for user in world.team.users where team.user(user.account) == nil { team.users.append(user) }
                }
            }
        }
        try session.data { try store.insertBulk(world.deals) }
        return (world.deals.count, world.team.users.count)
    }

    static func number(_ text: String, flag: String, range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw CommandFailure.usage("--\(flag) “\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
