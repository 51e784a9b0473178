import Foundation
import FunnelCore

/// `--currency CODE` (add, edit, init).
enum CurrencyArgument {
    /// The currency typed, upper case, or a usage error (exit 2) naming ISO 4217 with a "did you mean".
    static func parse(_ text: String) throws -> String {
        guard Money.isValidCurrency(text) else { throw CommandFailure.usage(Message.invalidCurrency(text: text).localized) }
        return text.uppercased()
    }
}

/// A person's account typed on the command line (`--owner`, `assign`, `team email`).
enum AccountArgument {
    /// The account when someone on the team has it, or a usage error (exit 2) naming it.
    static func known(_ account: String, in team: Team) throws -> String {
        guard team.user(account) != nil else { throw CommandFailure.usage(Message.unknownOwner(account: account).localized) }
        return account
    }
}
