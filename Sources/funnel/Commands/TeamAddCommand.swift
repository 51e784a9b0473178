import Foundation
import FunnelCore

/// `funnel team add USER --role rep|manager [--name NAME] [--email ADDRESS]` (managers; anyone
/// while the team has no manager).
enum TeamAddCommand: Command {
    static let spec = CommandSpec(
        name: "team add", summary: "Add someone to the team (managers).",
        arguments: [ArgumentSpec(name: "USER", required: true, help: "their account name: a letter, then letters, digits, _ . -")],
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case role
        case name
        case email

        var spec: OptionSpec {
            switch self {
            case .role: OptionSpec(value: "ROLE", "rep or manager (required)", oneOf: Role.self)
            case .name: OptionSpec(value: "NAME", "display name (default: the account)")
            case .email: OptionSpec(value: "ADDRESS", "the address their emails are sent from")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let account = arguments.positionals[0]
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
        let email = try arguments[.email].map(TeamEmailCommand.address)
        try TeamCommand.add(User(account: account, name: name, role: role, email: email), session: session)
    }
}
