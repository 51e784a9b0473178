import Foundation
import FunnelCore

/// `funnel team email USER ADDRESS|none`: the address USER's emails are sent from (R11).
enum TeamEmailCommand: Command {
    static let spec = CommandSpec(
        name: "team email", summary: "Set the address someone's emails are sent from (none clears it).",
        arguments: [
            ArgumentSpec(name: "USER", required: true, help: "an account on the team (a rep sets their own)"),
            ArgumentSpec(name: "ADDRESS", required: true, help: "the address, or none"),
        ])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let account = arguments.positionals[0], typed = arguments.positionals[1]
        let email = typed.lowercased() == "none" ? nil : try address(typed)
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        _ = try AccountArgument.known(account, in: funnel.team)
        guard actor.role == .manager || actor.account == account else {
            throw CommandFailure.refused("only a manager sets someone else's email address")
        }
        _ = try session.data {
            try session.store.updateTeam { team in
                if let index = team.users.firstIndex(where: { $0.account == account }) { team.users[index].email = email }
            }
        }
        Console.line(email.map { "\(account) sends email as \($0)" } ?? "\(account) has no email address now")
    }

    /// An address as typed, checked (`MailAddress`), or a usage error.
    static func address(_ text: String) throws -> String {
        guard MailAddress.isValid(text) else {
            throw CommandFailure.usage(Message.mailBadAddress(whose: "the address", address: text).localized)
        }
        return text
    }
}
