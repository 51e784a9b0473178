import Foundation
import FunnelStore

/// `funnel config list`: every setting and its value.
enum ConfigListCommand: Command {
    static let spec = CommandSpec(name: "config list", summary: "Show every setting and its value.")

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let (path, text) = ConfigCommand.file()
        for (key, fallback) in ConfigCommand.defaults {
            Console.line("\(key) = \(try ConfigCommand.value(of: key, in: text, path: path) ?? fallback)")
        }
    }
}

/// `funnel config get KEY`: one setting's value.
enum ConfigGetCommand: Command {
    static let spec = CommandSpec(
        name: "config get", summary: "Show one setting's value.",
        arguments: [ArgumentSpec(name: "KEY", required: true, help: "the setting")])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let (path, text) = ConfigCommand.file()
        let key = try ConfigCommand.known(arguments.positionals[0])
        Console.line(try ConfigCommand.value(of: key, in: text, path: path) ?? ConfigCommand.defaults.first { $0.key == key }!.value)
    }
}

/// `funnel config set KEY VALUE`: checked, then the file replaced atomically.
enum ConfigSetCommand: Command {
    static let spec = CommandSpec(
        name: "config set", summary: "Change one setting; the value is checked before anything is written.",
        arguments: [
            ArgumentSpec(name: "KEY", required: true, help: "the setting"),
            ArgumentSpec(name: "VALUE", required: true, help: "its new value"),
        ])

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        let (path, text) = ConfigCommand.file()
        let key = try ConfigCommand.known(arguments.positionals[0])
        let checked = try ConfigCommand.validate(key: key, value: arguments.positionals[1], environment: ProcessInfo.processInfo.environment)
        let updated = ConfigText.setting(key, to: checked, in: text)
        _ = try ConfigCommand.parse(updated, path: path)
        try session.data {
            try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
            try AtomicFile.write(Data(updated.utf8), to: path)
        }
        Console.error("\(key) = \(checked)")
    }
}
