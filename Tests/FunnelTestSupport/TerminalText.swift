import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reading a captured pane the way the terminal lays it out: display columns per character
/// (the C library's `wcwidth` in a UTF-8 locale, as tmux uses), and the SGR escape sequences of
/// `capture-pane -e`.
public enum TerminalText {
    private typealias WCWidth = @convention(c) (Int32) -> Int32

    /// `wcwidth`, looked up at run time (Swift does not import it from Glibc).
    private static let wcwidth: WCWidth? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: WCWidth.self)
    }()

    /// The display width of each character of `line` in terminal cells (0 for combining marks,
    /// 2 for wide characters), measured in a C.UTF-8 locale for this thread only.
    public static func widths(_ line: String) -> [(Character, Int)] {
        guard let wcwidth else { return line.map { ($0, 1) } }
        let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        let previous = locale.map { uselocale($0) }
        defer {
            if let previous { uselocale(previous) }
            if let locale { freelocale(locale) }
        }
        return line.map { character in
            let width = character.unicodeScalars.reduce(0) { sum, scalar in sum + max(0, Int(wcwidth(Int32(bitPattern: scalar.value)))) }
            return (character, width)
        }
    }

    /// The display columns where `mark` occurs in `line`.
    public static func columns(of mark: Character, in line: String) -> [Int] {
        var column = 0
        var found: [Int] = []
        for (character, width) in widths(line) {
            if character == mark { found.append(column) }
            column += width
        }
        return found
    }

    /// The display width of `line`.
    public static func width(_ line: String) -> Int { widths(line).reduce(0) { $0 + $1.1 } }

    /// The SGR sequences (`ESC [ … m`) written directly before the first `text` in `line`, joined;
    /// empty when `text` keeps the style of what precedes it.
    public static func styleBefore(_ text: String, in line: String) -> String? {
        guard let range = line.range(of: text) else { return nil }
        var prefix = line[..<range.lowerBound]
        var sequences: [Substring] = []
        while prefix.hasSuffix("m"), let start = prefix.range(of: "\u{1b}[", options: .backwards),
            prefix[start.upperBound...].dropLast().allSatisfy({ $0.isNumber || $0 == ";" })
        {
            sequences.insert(prefix[start.lowerBound...], at: 0)
            prefix = prefix[..<start.lowerBound]
        }
        return sequences.joined()
    }
}
