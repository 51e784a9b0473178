import Foundation
import FunnelCore
import FunnelStore

/// `funnel` with no command: the board.
enum BoardCommand {
    static func run(options: GlobalOptions, environment: [String: String]) throws -> Int32 {
        throw CommandFailure.usage("the board is not built yet")
    }
}
