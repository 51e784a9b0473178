import Foundation
import FunnelBoard
import FunnelCore
import FunnelStore
import FunnelTUI
import FunnelText

/// `funnel config get|set|list`: the board's settings file, `$XDG_CONFIG_HOME/funnel/config`
/// (docs/themes.md). Values are checked before anything is written; the file is replaced atomically.
enum ConfigCommand: Command {
    static let spec = CommandSpec(
        name: "config", summary: "Show or change the settings (theme, mouse, language, board_direction, bidi, arabic_shaping, mailer, ...).",
        details: """
            Keys: theme (dark, light, high-contrast, mono, a theme in $XDG_CONFIG_HOME/funnel/themes, or a path),
            mouse (on or off), bidi (app or terminal: docs/bidi.md), arabic_shaping (on or off), mailer (the
            sendmail -t command funnel mail hands emails to, as one quoted word), language (he, ar or en),
            board_direction (auto, ltr or rtl), sync_interval (minutes between the board's background syncs when the data
            is synced, 0 to 1440; 0: only on Ctrl-S; docs/sync.md), archive_after (days after which a won or lost deal
            leaves the board's columns, 0 to 36500; 0: never; z on the board shows them; docs/themes.md).
            The file is $XDG_CONFIG_HOME/funnel/config (default ~/.config/funnel/config).
            """,
        subcommands: [ConfigListCommand.self, ConfigGetCommand.self, ConfigSetCommand.self])

    /// The settings and what each is when the file does not say.
    static let defaults: [(key: String, value: String)] = [
        ("theme", "dark"), ("mouse", "off"), ("bidi", "app"), ("arabic_shaping", "on"),
        ("mailer", "/usr/sbin/sendmail -t (when installed)"), ("language", "from the locale, else en"),
        ("board_direction", "auto"), ("sync_interval", "5"), ("archive_after", "90"),
    ]
    static let themes = ["dark", "light", "high-contrast", "mono"]

    static func run(_ arguments: Arguments<NoOptions>, session: Session) throws {
        throw spec.missingSubcommand
    }

    /// The settings file's path and text (empty when there is none).
    static func file() -> (path: String, text: String) {
        let path = ConfigFile.directory(environment: ProcessInfo.processInfo.environment) + "/config"
        return (path, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// A key funnel knows, or a usage error with a did-you-mean.
    static func known(_ key: String) throws -> String {
        let keys = defaults.map(\.key)
        guard keys.contains(key.lowercased()) else {
            var message = "funnel config: unknown setting “\(key)”; settings are: \(keys.joined(separator: ", "))"
            if let guess = Suggest.closest(key, among: keys) { message += "; did you mean \(guess)?" }
            throw CommandFailure.usage(message)
        }
        return key.lowercased()
    }

    /// The value as it will be written, or a usage error saying what is allowed.
    static func validate(key: String, value: String, environment: [String: String]) throws -> String {
        switch key {
        case "mouse", "arabic_shaping":
            guard let on = ["on": true, "true": true, "yes": true, "off": false, "false": false, "no": false][value.lowercased()] else {
                throw CommandFailure.usage("funnel config: \(key) is on or off, not “\(value)”")
            }
            return on ? "on" : "off"
        case "bidi":
            guard let mode = BidiMode(rawValue: value.lowercased()) else {
                var message = "funnel config: bidi is app or terminal, not “\(value)”"
                if let guess = Suggest.closest(value, among: ["app", "terminal"]) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            return mode.rawValue
        case "language", "board_direction":
            let allowed = key == "language" ? ["he", "ar", "en"] : BoardDirection.allCases.map(\.rawValue)
            guard allowed.contains(value.lowercased()) else {
                var message = "funnel config: \(key) is one of \(allowed.joined(separator: ", ")), not “\(value)”"
                if let guess = Suggest.closest(value, among: allowed) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            return value.lowercased()
        case "sync_interval":
            guard let minutes = Int(value), ConfigFile.syncIntervals.contains(minutes) else {
                throw CommandFailure.usage("funnel config: sync_interval is a number of minutes, 0 to 1440 (0: only on Ctrl-S), not “\(value)”")
            }
            return String(minutes)
        case "archive_after":
            guard let days = Int(value), ArchiveRule.allowedDays.contains(days) else {
                throw CommandFailure.usage(
                    "funnel config: archive_after is a number of days, 0 to 36500 (0: closed deals stay on the board), not “\(value)”")
            }
            return String(days)
        case "mailer":
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isNewline }) else {
                throw CommandFailure.usage("funnel config: mailer is a command such as “/usr/sbin/sendmail -t”")
            }
            return trimmed
        default:
            do {
                _ = try Theme.load(value, environment: environment)
            } catch let error as ThemeError {
                var message = "funnel config: \(error.message)"
                if !value.contains("/"), let guess = Suggest.closest(value, among: themes) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            return value
        }
    }

    /// The value the file gives `key`, or nil; a file that cannot be read is a usage error naming its line.
    static func value(of key: String, in text: String, path: String) throws -> String? {
        let config = try parse(text, path: path)
        switch key {
        case "mouse": return config.mouse.map { $0 ? "on" : "off" }
        case "arabic_shaping": return config.arabicShaping.map { $0 ? "on" : "off" }
        case "bidi": return config.bidi?.rawValue
        case "mailer": return config.mailer
        case "language": return config.language?.rawValue
        case "board_direction": return config.boardDirection?.rawValue
        case "sync_interval": return config.syncInterval.map(String.init)
        case "archive_after": return config.archiveAfter.map(String.init)
        default: return config.theme
        }
    }

    static func parse(_ text: String, path: String) throws -> ConfigFile {
        do {
            return try ConfigFile.parse(text, path: path)
        } catch let error as ThemeError {
            throw CommandFailure.usage(error.message)
        }
    }
}

/// Editing the config file's text: one `key = value` line replaced (or added); comments and
/// other lines kept as they are.
enum ConfigText {
    static func setting(_ key: String, to value: String, in text: String) -> String {
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let index = lines.firstIndex { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.hasPrefix("#")
                && trimmed.split(separator: "=", maxSplits: 1).first?
                    .trimmingCharacters(in: .whitespaces) == key
        }
        if let index { lines[index] = "\(key) = \(value)" } else { lines.append("\(key) = \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
