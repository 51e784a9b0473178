import Foundation

/// A colour in a theme: the terminal's default, or a palette index.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    init?(_ text: String) {
        if text == "default" { self = .terminalDefault; return }
        if let i = ThemeColor.names.firstIndex(of: text) { self = .index(i); return }
        guard let n = Int(text), (0...255).contains(n) else { return nil }
        self = .index(n)
    }

    /// The ncurses colour number (−1 for the default).
    public var curses: Int16 {
        switch self {
        case .terminalDefault: return -1
        case .index(let n): return Int16(n)
        }
    }
}

/// How one role looks: colours for 256- and 8-colour terminals, and attributes.
public struct ThemeEntry: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var foreground8: ThemeColor = .terminalDefault
    public var background8: ThemeColor = .terminalDefault
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
}

/// A theme file parsed: one entry per style role. Format in docs/themes.md.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var entries: [StyleRole: ThemeEntry]

    /// Whether the theme uses colours at all (mono does not).
    public var usesColor: Bool {
        entries.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    public func entry(_ role: StyleRole) -> ThemeEntry { entries[role] ?? entries[.normal] ?? ThemeEntry() }

    /// Parses a theme file; errors say which line is wrong.
    public static func parse(_ text: String, name: String) throws -> Theme {
        var entries: [StyleRole: ThemeEntry] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ why: String) -> ThemeError { ThemeError(message: "\(name) line \(number + 1): \(why)") }
            let sides = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, let role = StyleRole(rawValue: sides[0]) else {
                throw fail(
                    "expected ROLE = FG BG ; FG8 BG8 ; attributes, with a role from: "
                        + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let parts = sides[1].split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.split(separator: " ").map(String.init) }
            var entry = ThemeEntry()
            guard parts.count >= 1, parts[0].count == 2, let fg = ThemeColor(parts[0][0]), let bg = ThemeColor(parts[0][1]) else {
                throw fail("expected two colours before the first ;")
            }
            entry.foreground = fg
            entry.background = bg
            entry.foreground8 = fg
            entry.background8 = bg
            if parts.count >= 2, !parts[1].isEmpty {
                guard parts[1].count == 2, let fg8 = ThemeColor(parts[1][0]), let bg8 = ThemeColor(parts[1][1]) else {
                    throw fail("expected two 8-colour names after the first ;")
                }
                entry.foreground8 = fg8
                entry.background8 = bg8
            }
            for attribute in parts.count >= 3 ? parts[2] : [] {
                switch attribute {
                case "bold": entry.bold = true
                case "reverse": entry.reverse = true
                case "underline": entry.underline = true
                case "dim": entry.dim = true
                default: throw fail("unknown attribute “\(attribute)”; use bold, reverse, underline, dim")
                }
            }
            entries[role] = entry
        }
        guard entries[.normal] != nil else { throw ThemeError(message: "\(name): no “normal” role") }
        return Theme(name: name, entries: entries)
    }

}

/// A theme that cannot be used, and why.
public struct ThemeError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
