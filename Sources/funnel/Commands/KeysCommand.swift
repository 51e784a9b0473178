import Foundation
import FunnelBoard

/// `funnel keys`: the board's keys as Markdown, from the same table the help overlay uses.
enum KeysCommand: Command {
    static let spec = CommandSpec(name: "keys", summary: "Print the board's keys (Markdown, from the key table).")

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        Console.block(KeyTable.markdown, terminator: "")
    }
}
