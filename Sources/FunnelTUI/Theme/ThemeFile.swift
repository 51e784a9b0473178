import Foundation
import FunnelBoard

/// Reading a theme: from a file, the user's themes folder, or the built-in ones.
extension Theme {
    /// Finds a theme by name or path: a file path, `$XDG_CONFIG_HOME/funnel/themes/NAME.theme`,
    /// or one of the built-in themes (the files in Themes/).
    public static func load(_ nameOrPath: String, environment: [String: String]) throws -> Theme {
        if nameOrPath.contains("/") {
            guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
                throw ThemeError(message: "cannot read the theme file \(nameOrPath)")
            }
            return try parse(text, name: nameOrPath)
        }
        let userFile = ConfigFile.directory(environment: environment) + "/themes/\(nameOrPath).theme"
        if let text = try? String(contentsOfFile: userFile, encoding: .utf8) { return try parse(text, name: userFile) }
        guard let builtin = BuiltinThemes.files[nameOrPath] else {
            throw ThemeError(
                message: "no theme called “\(nameOrPath)”; built in: "
                    + BuiltinThemes.files.keys.sorted().joined(separator: ", "))
        }
        return try parse(builtin, name: nameOrPath)
    }
}
