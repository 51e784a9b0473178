import Foundation
import FunnelCore

/// `--probability P|none` and `--expected-close DATE|none` (add, edit): a deal's own chance of
/// winning and when it is expected to close (the forecast, docs/reports.md).
enum ForecastArguments {
    /// `--probability`, as add and edit declare it.
    static let probabilityOption = OptionSpec(
        value: "P", "the deal's own chance of winning, 0-100 % (default: its stage's; none clears)")
    /// `--expected-close`, as add and edit declare it.
    static let expectedCloseOption = OptionSpec(
        value: "DATE", "when the deal is expected to close: 2026-12-15, +3w… (none clears)")

    /// `--probability`: nil when absent, `.some(nil)` for none; anything but a whole number from 0
    /// to 100 (a trailing % allowed) is a usage error (exit 2).
    static func probability<Key: ForecastOptionKey>(_ arguments: Arguments<Key>) throws -> Int?? {
        guard let text = arguments[.probability] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "none" { return .some(nil) }
        let digits = trimmed.hasSuffix("%") ? String(trimmed.dropLast()) : trimmed
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let percent = Int(digits), Limits.probability.contains(percent) else {
            throw CommandFailure.usage("--probability “\(text)” is not a probability; use a whole number from 0 to 100, or none")
        }
        return .some(percent)
    }

    /// `--expected-close`: nil when absent, `.some(nil)` for none; a date as `--next` takes it.
    static func expectedClose<Key: ForecastOptionKey>(_ arguments: Arguments<Key>, session: Session) throws -> Day?? {
        guard let text = arguments[.expectedClose] else { return nil }
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "none" { return .some(nil) }
        return .some(try session.day(text, flag: "expected-close"))
    }
}

/// The options of a command that takes `--probability` and `--expected-close`.
protocol ForecastOptionKey: OptionKey {
    static var probability: Self { get }
    static var expectedClose: Self { get }
}
