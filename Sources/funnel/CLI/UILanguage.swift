import Foundation
import FunnelBoard
import FunnelCore
import FunnelTUI

/// The language of everything the command line prints for people, read once per process from
/// the environment and the config file (`LanguageChoice`). `--json` keys and exit codes never
/// depend on it.
enum UI {
    static let locale: BoardLocale = {
        let environment = ProcessInfo.processInfo.environment
        return LanguageChoice.locale(environment: environment, config: try? ConfigFile.load(environment: environment))
    }()

    static var language: Language { locale.language }

    /// How dates are written for people (day before month in Hebrew and Arabic).
    static var dates: DateStyle { DateStyle.of(language) }

    /// A catalogue text in the UI's language.
    static func text(_ key: TextKey, _ args: [String: String] = [:], count: Int? = nil) -> String {
        language.text(key, args, count: count)
    }
}

extension Message {
    /// The text in the UI's language.
    var localized: String { text(in: UI.language) }
}
