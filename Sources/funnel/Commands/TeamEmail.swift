import Foundation
import FunnelCore

/// `funnel team email USER ADDRESS|none`: the address USER's emails are sent from (R11).
extension TeamCommand {
    static func setEmail(_ words: [String], arguments: Arguments<TeamCommand.Option>, session: Session) throws {
        guard words.count == 3 else { throw CommandFailure.usage("usage: funnel team email USER ADDRESS|none") }
        if arguments[.role] != nil || arguments[.name] != nil || arguments[.email] != nil {
            throw CommandFailure.usage("--role, --name and --email go with: funnel team add USER")
        }
        let account = words[1]
        let email = words[2].lowercased() == "none" ? nil : try address(words[2])
        let funnel = try session.funnel()
        let actor = try session.actor(in: funnel)
        guard funnel.team.user(account) != nil else { throw CommandFailure.usage(Message.unknownOwner(account: account).localized) }
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
