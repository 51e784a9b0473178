import Foundation
import FunnelCore
import FunnelStore

/// `funnel demo`: a believable team and deals in an empty data directory.
enum DemoCommand: Command {
    static let spec = CommandSpec(
        name: "demo", summary: "Fill an empty data directory with a demo team and deals.",
        options: [
            OptionSpec("deals", value: "N", "how many deals (default 60; up to 1000000)"),
            OptionSpec("template", value: "NAME", "pipeline template when the directory is new (default simple)", choices: PipelineTemplate.allCases.map(\.rawValue)),
            OptionSpec("seed", value: "N", "random seed, for the same deals every time"),
        ],
        details: "The demo manager is dana; open the board as her with: FUNNEL_USER=dana funnel")

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        let count = try number(arguments.value("deals") ?? "60", flag: "deals", range: 0...1_000_000)
        let seed = try number(arguments.value("seed") ?? "2026", flag: "seed", range: 0...Int.max)
        let made = try fill(session: session, deals: count, template: try InitCommand.template(arguments.value("template")),
                            seed: UInt64(seed))
        Console.line("wrote \(made) demo deals for \(DemoData.team.users.count) people to \(session.store.root)")
    }

    /// Initialises (if needed) and fills the store; refuses a directory that already has deals.
    static func fill(session: Session, deals count: Int, template: PipelineTemplate, seed: UInt64) throws -> Int {
        let store = session.store
        if !store.isInitialized {
            var users = DemoData.team.users
            if !users.contains(where: { $0.account == session.account }) {
                users.append(User(account: session.account, name: session.account, role: .manager))
            }
            try session.data { try store.initialize(pipeline: template.pipeline, team: Team(users: users)) }
            // The email templates `funnel init` writes, so `e` and `funnel mail` work on the demo too.
            try session.data { try store.writeMailTemplates(DefaultMailTemplates.all) }
            try session.data { try store.writeQuoteTemplates(DefaultQuoteTemplates.all) }
        } else {
            let existing = try session.data { try store.dealIDs() }
            guard existing.isEmpty else {
                throw CommandFailure.data("\(store.root) already has \(existing.count) deals; demo fills an empty directory (try --data-dir)")
            }
            _ = try session.data {
                try store.updateTeam { team in
                    for user in DemoData.team.users where team.user(user.account) == nil { team.users.append(user) }
                }
            }
        }
        let pipeline = try session.data { try store.loadPipeline() }
        let deals = DemoData.deals(count: count, pipeline: pipeline, now: session.now, seed: seed)
        try session.data { try store.insertBulk(deals) }
        return deals.count
    }

    static func number(_ text: String, flag: String, range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw CommandFailure.usage("--\(flag) “\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
