import Foundation
import FunnelCore

/// `funnel team` lists the team; `funnel team add USER --role rep|manager` adds someone;
/// `funnel team email USER ADDRESS` sets the address their emails are sent from (R11).
enum TeamCommand: Command {
    static let spec = CommandSpec(
        name: "team", summary: "List the team, or add someone to it (managers).",
        arguments: [
            ArgumentSpec(
                name: "add USER | email USER ADDRESS", required: false,
                help: "add USER to the team, or set (none: clear) the address USER's emails are sent from")
        ],
        options: Option.specs,
        acceptsRest: true)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case role
        case name
        case email
        case json

        var spec: OptionSpec {
            switch self {
            case .role: OptionSpec(value: "ROLE", "rep or manager (with add)", oneOf: Role.self)
            case .name: OptionSpec(value: "NAME", "display name (with add)")
            case .email: OptionSpec(value: "ADDRESS", "the address their emails are sent from (with add)")
            case .json: OptionSpec("print a JSON array")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let words = arguments.positionals + arguments.rest
        guard let verb = words.first else { return try list(arguments, session: session) }
        if verb == "email" { return try setEmail(words, arguments: arguments, session: session) }
        guard verb == "add" else {
            var message = "funnel team: unknown action “\(verb)”; use: funnel team add USER --role rep|manager"
            if let guess = Suggest.closest(verb, among: ["add", "email"]) { message += " (did you mean \(guess)?)" }
            throw CommandFailure.usage(message)
        }
        guard words.count == 2 else { throw CommandFailure.usage("usage: funnel team add USER --role rep|manager [--name NAME]") }
        let account = words[1]
        guard User.isValidAccount(account) else {
            throw CommandFailure.usage("“\(account)” is not an account name: a letter, then letters, digits, _ . -")
        }
        guard let role = try arguments.choice(.role, as: Role.self) else {
            throw CommandFailure.usage("funnel team add: --role rep|manager is required")
        }
        let funnel = try session.funnel()
        if !funnel.team.managers.isEmpty {
            let actor = try session.actor(in: funnel)
            guard actor.role == .manager else { throw CommandFailure.refused("only a manager can add people to the team") }
        }
        guard funnel.team.user(account) == nil else { throw CommandFailure.usage("\(account) is already on the team") }
        let name = arguments[.name] ?? account
        let email = try arguments[.email].map(address)
        try add(User(account: account, name: name, role: role, email: email), session: session)
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
        if arguments[.role] != nil || arguments[.name] != nil || arguments[.email] != nil {
            throw CommandFailure.usage("--role, --name and --email go with: funnel team add USER")
        }
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
