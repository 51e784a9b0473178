import FunnelBoard
import FunnelCore

/// Chooses the UI's language and the board's direction from the environment and the config
/// file, in this order: `FUNNEL_LANG`, the config file's `language`, then the locale (the first
/// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, as POSIX reads them); English otherwise.
/// The direction: `FUNNEL_BOARD_DIRECTION`, the config file's `board_direction`, else `auto`.
public enum LanguageChoice {
    /// The language funnel speaks, given the environment and the config file (nil: none read).
    public static func language(environment: [String: String], config: ConfigFile?) -> Language {
        if let chosen = environment["FUNNEL_LANG"], let language = Language(locale: chosen) { return language }
        if let language = config?.language { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(locale: value) ?? .fallback
        }
        return .fallback
    }

    /// The board's language and direction.
    public static func locale(environment: [String: String], config: ConfigFile?) -> BoardLocale {
        let direction =
            environment["FUNNEL_BOARD_DIRECTION"].flatMap { BoardDirection(rawValue: $0.lowercased()) }
            ?? config?.boardDirection ?? .auto
        return BoardLocale(language: language(environment: environment, config: config), direction: direction)
    }
}
