import Foundation
import FunnelCore

/// `--priority high|normal|low` (add, edit, list).
enum PriorityArgument {
    static let names = Priority.allCases.map(\.rawValue)

    /// The priority typed, or a usage error (exit 2) listing the three with a "did you mean".
    static func parse(_ text: String, flag: String = "priority") throws -> Priority {
        if let priority = Priority(text: text) { return priority }
        var message = "--\(flag) “\(text)” is not a priority; use one of \(names.joined(separator: ", "))"
        if let guess = Suggest.closest(text, among: names) { message += "; did you mean \(guess)?" }
        throw CommandFailure.usage(message)
    }
}

/// `--currency CODE` (add, edit, init).
enum CurrencyArgument {
    /// The currency typed, upper case, or a usage error (exit 2) naming ISO 4217 with a "did you mean".
    static func parse(_ text: String) throws -> String {
        guard Money.isValidCurrency(text) else { throw CommandFailure.usage(Message.invalidCurrency(text: text).localized) }
        return text.uppercased()
    }
}
