import Foundation
import FunnelCore

/// `funnel team` lists the team; `funnel team add USER --role rep|manager` adds someone;
/// `funnel team email USER ADDRESS` sets the address their emails are sent from (R11).
enum TeamCommand: Command {
    static let spec = CommandSpec(
        name: "team", summary: "List the team, or add someone to it (managers).",
        options: Option.specs,
        subcommands: [TeamListCommand.self, TeamAddCommand.self, TeamEmailCommand.self])

    typealias Option = JSONArrayOption

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try list(arguments, session: session)
    }

    /// Adds `user` to the team (unless someone has that account); also what the welcome screen does.
    static func add(_ user: User, session: Session) throws {
        _ = try session.data {
            try session.store.updateTeam { team in
                if team.user(user.account) == nil { team.users.append(user) }
            }
        }
        Console.line("added \(user.account) as \(user.role.rawValue)")
    }

    static func list(_ arguments: Arguments<Option>, session: Session) throws {
        let team = try session.data { try session.store.loadTeam() }
        if arguments.flag(.json) {
            Console.block(
                JSONOut.array(
                    team.users.map {
                        .object([
                            ("account", .string($0.account)), ("name", .string($0.name)), ("role", .string($0.role.rawValue)),
                            ("email", .optional($0.email)),
                        ])
                    }
                ).render())
            return
        }
        if team.users.contains(where: { $0.email != nil }) {
            Console.block(
                TextTable.render(
                    header: ["ACCOUNT", "NAME", "ROLE", "EMAIL"],
                    rows: team.users.map { [$0.account, $0.name, $0.role.rawValue, $0.email ?? "—"] },
                    maxWidths: [32, 40, 8, 40]))
            return
        }
        Console.block(
            TextTable.render(
                header: ["ACCOUNT", "NAME", "ROLE"],
                rows: team.users.map { [$0.account, $0.name, $0.role.rawValue] }, maxWidths: [32, 40, 8]))
    }
}
