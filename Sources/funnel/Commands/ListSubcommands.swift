import Foundation

/// `funnel team list`: the team, as `funnel team` lists it (as `goals`, `pipelines` and `config`
/// take `list` too).
enum TeamListCommand: Command {
    static let spec = CommandSpec(name: "team list", summary: "List the team (the same as funnel team).", options: Option.specs)

    typealias Option = TeamCommand.Option

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try TeamCommand.list(arguments, session: session)
    }
}

/// `funnel stages list`: the pipeline's stages, as `funnel stages` lists them.
enum StagesListCommand: Command {
    static let spec = CommandSpec(
        name: "stages list", summary: "List the pipeline's stages (the same as funnel stages).", options: Option.specs)

    typealias Option = StagesCommand.Option

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        try StagesCommand.list(arguments, session: session)
    }
}
