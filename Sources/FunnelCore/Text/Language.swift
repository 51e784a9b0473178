import Foundation

/// A language funnel speaks: the board and the command line read from the catalogue in it.
/// Chosen by the executable (environment, config file) and handed to the core as a value.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case en, he, ar

    /// The language when nothing chooses one.
    public static let fallback = Language.en

    /// Whether the language is written right to left (Hebrew, Arabic): the board then runs
    /// right to left unless a setting says otherwise.
    public var isRightToLeft: Bool { self != .en }

    /// The language a locale name stands for (`he_IL.UTF-8`, `ar_EG`, `iw`, `en_US`, `he`),
    /// nil for one funnel does not speak (`C`, `POSIX`, `fr_FR`).
    public init?(locale: String) {
        let code = locale.lowercased().prefix { $0.isLetter }
        switch code {
        case "en": self = .en
        case "he", "iw": self = .he
        case "ar": self = .ar
        default: return nil
        }
    }

    /// The CLDR plural category of `count` in this language: English one/other; Hebrew
    /// one/two/other; Arabic zero/one/two/few (3–10)/many (11–99)/other (100+, by n mod 100).
    public func pluralCategory(_ count: Int) -> PluralCategory {
        let n = abs(count)
        switch self {
        case .en:
            return n == 1 ? .one : .other
        case .he:
            return n == 1 ? .one : n == 2 ? .two : .other
        case .ar:
            let tail = n % 100
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(tail) { return .few }
            if (11...99).contains(tail) { return .many }
            return .other
        }
    }

    /// The plural categories a plural text must have in this language.
    public var pluralCategories: Set<PluralCategory> {
        switch self {
        case .en: return [.one, .other]
        case .he: return [.one, .two, .other]
        case .ar: return [.zero, .one, .two, .few, .many, .other]
        }
    }

    /// Items of a list joined as the language writes them ("a, b"; Arabic "أ، ب").
    public func list(_ items: [String]) -> String {
        items.joined(separator: self == .ar ? "، " : ", ")
    }
}

/// A CLDR plural category (https://cldr.unicode.org/index/cldr-spec/plural-rules).
public enum PluralCategory: String, CaseIterable, Sendable, Hashable {
    case zero, one, two, few, many, other
}
