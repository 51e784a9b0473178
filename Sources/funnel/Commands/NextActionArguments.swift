import Foundation
import FunnelCore

/// `--next DATE [--what TEXT]`, shared by add, move and edit.
enum NextActionArguments {
    /// `--what TEXT`.
    static let whatOption = OptionSpec(value: "TEXT", "what the next action is")

    static func parse<Key: NextActionOptionKey>(_ arguments: Arguments<Key>, session: Session) throws -> NextAction? {
        guard let next = arguments[.next] else {
            if arguments[.what] != nil { throw CommandFailure.usage(UI.text(.cliWhatNeedsNext)) }
            return nil
        }
        return try session.nextAction(next, what: arguments[.what])
    }
}

/// The options of a command that takes `--next` and `--what`.
protocol NextActionOptionKey: OptionKey {
    static var next: Self { get }
    static var what: Self { get }
}
