import Foundation
import FunnelStore

/// `funnel version [--json]`: the version, the kind of build and the data schema.
enum VersionCommand: Command {
    static let spec = CommandSpec(
        name: "version", summary: "Print funnel's version, build and data schema.",
        options: Option.specs)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case json

        var spec: OptionSpec {
            switch self {
            case .json: OptionSpec("print {\"version\", \"build\", \"data_schema\"}")
            }
        }
    }

    /// `release` or `debug`: how this binary was compiled.
    static var build: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        if arguments.flag(.json) {
            Console.block(
                JSONOut.object([
                    ("version", .string(funnelVersion)), ("build", .string(build)), ("data_schema", .number(DataSchema.current)),
                ]).render())
            return
        }
        Console.line("funnel \(funnelVersion) (\(build) build, data schema \(DataSchema.current))")
    }
}
