import Foundation
import FunnelBoard
import FunnelCore
import FunnelText

/// `$XDG_CONFIG_HOME/funnel/config`: `key = value` lines: `theme`, `mouse`, `bidi`,
/// `arabic_shaping` (docs/themes.md, docs/bidi.md), `mailer` (docs/working-the-day.md),
/// `language`, `board_direction` (docs/languages.md).
public struct ConfigFile: Sendable {
    public var theme: String?
    public var mouse: Bool?
    /// The command emails are handed to (`/usr/sbin/sendmail -t`), read by `funnel mail` and the
    /// board's `e` (R11, `Mailer.configured`).
    public var mailer: String?
    /// Who reorders right-to-left text: funnel (`app`) or the terminal (`terminal`).
    public var bidi: BidiMode?
    /// Whether Arabic is shaped into joined presentation forms (default: on in `app` mode).
    public var arabicShaping: Bool?
    /// The UI's language (`he`, `ar`, `en`), over the locale.
    public var language: Language?
    /// Which way the board's columns run (`auto`, `ltr`, `rtl`).
    public var boardDirection: BoardDirection?
    /// Minutes between the board's background syncs (docs/sync.md); 0: only on Ctrl-S.
    public var syncInterval: Int?
    /// Days after which a closed deal leaves the board's columns (`ArchiveRule`); 0: never.
    public var archiveAfter: Int?

    /// The range `sync_interval` may take, in minutes (a day at most).
    public static let syncIntervals = 0...1_440

    public init(theme: String? = nil, mouse: Bool? = nil, bidi: BidiMode? = nil, arabicShaping: Bool? = nil) {
        self.theme = theme
        self.mouse = mouse
        self.bidi = bidi
        self.arabicShaping = arabicShaping
    }

    /// `$XDG_CONFIG_HOME/funnel`, or `~/.config/funnel`.
    public static func directory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/funnel" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/funnel"
    }

    /// Reads the config file; a missing file is an empty config, a bad line is an error naming it.
    public static func load(environment: [String: String]) throws -> ConfigFile {
        let path = directory(environment: environment) + "/config"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ConfigFile() }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        var config = ConfigFile()
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let sides = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2 else { throw ThemeError(message: "\(path) line \(number + 1): expected key = value") }
            let place = "\(path) line \(number + 1)"
            switch sides[0] {
            case "theme": config.theme = sides[1]
            case "mailer": config.mailer = sides[1]
            case "mouse": config.mouse = try onOff(sides[1], "mouse", at: place)
            case "arabic_shaping": config.arabicShaping = try onOff(sides[1], "arabic_shaping", at: place)
            case "language": config.language = try choice(sides[1], "language is he, ar or en", at: place)
            case "board_direction": config.boardDirection = try choice(sides[1], "board_direction is auto, ltr or rtl", at: place)
            case "sync_interval":
                guard let minutes = Int(sides[1]), syncIntervals.contains(minutes) else {
                    throw ThemeError(message: "\(place): sync_interval is a number of minutes, 0 to 1440 (0: only on Ctrl-S)")
                }
                config.syncInterval = minutes
            case "archive_after":
                guard let days = Int(sides[1]), ArchiveRule.allowedDays.contains(days) else {
                    throw ThemeError(message: "\(place): archive_after is a number of days, 0 to 36500 (0: closed deals stay on the board)")
                }
                config.archiveAfter = days
            case "bidi": config.bidi = try choice(sides[1], "bidi is app or terminal", at: place)
            default:
                throw ThemeError(
                    message:
                        "\(place): unknown setting “\(sides[0])” (known: theme, mouse, bidi, arabic_shaping, mailer, language, board_direction, sync_interval, archive_after)"
                )
            }
        }
        return config
    }

    /// One of a setting's named values, in any case; `expected` says which there are.
    static func choice<Value: RawRepresentable>(_ value: String, _ expected: String, at place: String) throws -> Value
    where Value.RawValue == String {
        guard let chosen = Value(rawValue: value.lowercased()) else { throw ThemeError(message: "\(place): \(expected)") }
        return chosen
    }

    /// An on/off value (also true/false, yes/no).
    static func onOff(_ value: String, _ key: String, at place: String) throws -> Bool {
        guard let on = ["on": true, "true": true, "yes": true, "off": false, "false": false, "no": false][value.lowercased()] else {
            throw ThemeError(message: "\(place): \(key) is on or off")
        }
        return on
    }

    /// How text reaches the terminal: `FUNNEL_BIDI` (app or terminal) over the `bidi` setting
    /// (default app); `arabic_shaping` as set, else on in app mode.
    public func textDisplay(environment: [String: String]) throws -> TextDisplay {
        var mode = bidi ?? .app
        if let value = environment["FUNNEL_BIDI"], !value.isEmpty {
            guard let chosen = BidiMode(rawValue: value.lowercased()) else {
                throw ThemeError(message: "FUNNEL_BIDI is app or terminal, not “\(value)”")
            }
            mode = chosen
        }
        return TextDisplay(mode: mode, arabicShaping: arabicShaping)
    }
}
