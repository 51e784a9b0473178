import Foundation

/// `$XDG_CONFIG_HOME/funnel/config`: `key = value` lines; `theme`, `mouse` and `mailer`.
public struct ConfigFile: Sendable {
    public var theme: String?
    public var mouse: Bool?
    /// The command emails are handed to (`/usr/sbin/sendmail -t`), read by `funnel mail` (R11).
    public var mailer: String?

    public init(theme: String? = nil, mouse: Bool? = nil) {
        self.theme = theme
        self.mouse = mouse
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
            switch sides[0] {
            case "theme": config.theme = sides[1]
            case "mailer": config.mailer = sides[1]
            case "mouse":
                guard let on = ["on": true, "true": true, "yes": true, "off": false, "false": false, "no": false][sides[1].lowercased()] else {
                    throw ThemeError(message: "\(path) line \(number + 1): mouse is on or off")
                }
                config.mouse = on
            default:
                throw ThemeError(message: "\(path) line \(number + 1): unknown setting “\(sides[0])” (known: theme, mouse, mailer)")
            }
        }
        return config
    }
}
