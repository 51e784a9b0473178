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
