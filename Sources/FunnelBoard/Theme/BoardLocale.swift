import FunnelCore

/// Which way the board's columns run (`board_direction` in the config file).
public enum BoardDirection: String, CaseIterable, Sendable {
    /// Right to left for a Hebrew or Arabic UI, left to right for English.
    case auto
    case ltr
    case rtl
}

/// The board's language, direction and date style, chosen once by the executable
/// (`LanguageChoice`) and handed to the state.
public struct BoardLocale: Sendable, Hashable {
    public var language: Language
    public var direction: BoardDirection

    public init(language: Language = .en, direction: BoardDirection = .auto) {
        self.language = language
        self.direction = direction
    }

    /// Whether the columns run right to left: `rtl`, or `auto` with a Hebrew or Arabic UI.
    public var rightToLeft: Bool {
        switch direction {
        case .auto: return language.isRightToLeft
        case .ltr: return false
        case .rtl: return true
        }
    }

    /// Puts the language, the direction and the date style on a board.
    public func apply(to state: inout BoardState) {
        state.language = language
        state.rightToLeft = rightToLeft
        state.dates = DateStyle.of(language)
    }
}
