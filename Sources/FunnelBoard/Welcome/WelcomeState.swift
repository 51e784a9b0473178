import FunnelCore
import FunnelText

/// The welcome screen `funnel` opens in a terminal when there is no data directory yet:
/// start a real funnel (template, language, the team's first members), open the demo, or quit.
public struct WelcomeState: Sendable, Equatable {
    /// Where the screen is.
    public enum Step: Sendable, Equatable {
        /// What funnel is, and i / d / q.
        case menu
        /// Which pipeline template.
        case template
        /// The language of the stage names and lost reasons.
        case language
        /// The team's first members, after the user (its manager).
        case members
    }

    public var step: Step = .menu
    /// The data directory that does not exist yet.
    public var root: String
    /// Who is starting: the new funnel's first manager.
    public var account: String
    /// The language of the screen's words.
    public var language: Language
    public var templateIndex = 0
    /// The highlighted choice of language for the names; the screen's language at first.
    public var nameLanguageIndex: Int
    /// Members added so far, in order.
    public var members: [User] = []
    /// The account being typed.
    public var editor = LineEditor()
    /// The role the typed account gets (Tab switches).
    public var role: Role = .rep
    /// Why the last Enter was refused, shown until the next key.
    public var problem: String?
    public var width = 80
    public var height = 24
    public var display: TextDisplay = .app

    public init(root: String, account: String, language: Language) {
        self.root = root
        self.account = account
        self.language = language
        nameLanguageIndex = Language.allCases.firstIndex(of: language) ?? 0
    }

    /// The template highlighted.
    public var template: PipelineTemplate { PipelineTemplate.allCases[templateIndex] }

    /// The language highlighted for the stage names.
    public var nameLanguage: Language { Language.allCases[nameLanguageIndex] }

    /// A catalogue text in the screen's language.
    func text(_ key: TextKey, _ args: [String: String] = [:]) -> String { language.text(key, args) }

    /// How each language calls itself, for the language list.
    static func autonym(_ language: Language) -> String {
        switch language {
        case .en: return "English"
        case .he: return "עברית"
        case .ar: return "العربية"
        }
    }
}

/// How the welcome screen ends.
public enum WelcomeOutcome: Sendable, Equatable {
    case quit
    /// Open the board on demo data, as `funnel --demo` does.
    case demo
    /// Create the data directory with this template, its names in `language`, and these
    /// members besides the user (its manager), then open the board.
    case start(template: PipelineTemplate, language: Language, members: [User])
}
