import Foundation
import FunnelText

/// A JSON value written with keys in the order given, so `--json` output is stable and exact.
enum JSONOut {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONOut])
    case object([(String, JSONOut)])

    static func optional(_ text: String?) -> JSONOut { text.map { .string($0) } ?? .null }
    static func optional(_ number: Int?) -> JSONOut { number.map { .number($0) } ?? .null }

    /// Compact when `indent` is nil, otherwise pretty with two-space indentation.
    func render(indent: Int? = 0) -> String {
        var out = ""
        write(to: &out, level: 0, pretty: indent != nil)
        return out
    }

    /// `.array(items.map(element)).render()`, byte for byte, handed to `emit` in pieces of
    /// about `piece` bytes as it is made: `list --all --json` at 100,000 deals never holds the
    /// whole document (or every element's value) in memory at once.
    static func streamArray<S: Sequence>(
        _ items: S, piece: Int = 1 << 16, _ element: (S.Element) -> JSONOut, emit: (String) -> Void
    ) {
        var out = "["
        var first = true
        for item in items {
            out += first ? "\n  " : ",\n  "
            first = false
            element(item).write(to: &out, level: 1, pretty: true)
            if out.utf8.count >= piece {
                emit(out)
                out = ""
            }
        }
        out += first ? "]" : "\n]"
        emit(out)
    }

    /// A line break and `level` indents, made once per level (not once per value written).
    private static let breaks = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    private static func lineBreak(_ level: Int, _ pretty: Bool) -> String {
        guard pretty else { return "" }
        return level < breaks.count ? breaks[level] : "\n" + String(repeating: "  ", count: level)
    }

    private func write(to out: inout String, level: Int, pretty: Bool) {
        switch self {
        case .string(let s): JSONOut.escape(s, into: &out)
        case .number(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let pad = Self.lineBreak(level + 1, pretty), close = Self.lineBreak(level, pretty)
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                out += pad
                item.write(to: &out, level: level + 1, pretty: pretty)
            }
            out += close + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            let pad = Self.lineBreak(level + 1, pretty), close = Self.lineBreak(level, pretty)
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += "," }
                out += pad
                JSONOut.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, level: level + 1, pretty: pretty)
            }
            out += close + "}"
        }
    }

    /// JSON string escaping: quotes, backslashes, and every control character (C0, DEL, C1,
    /// and the bidi overrides) as \u escapes, so output never carries a raw escape sequence.
    static func escape(_ text: String, into out: inout String) {
        out += "\""
        // Most values need nothing escaped: appended whole (a tenth of the time of `list --all --json`).
        if isPlain(text) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Sanitize.isUnsafe(scalar) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether `text` goes into a JSON string as it is: no quote, backslash or character that
    /// `escape` writes as an escape.
    static func isPlain(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || !text.unicodeScalars.contains(where: Sanitize.isUnsafe)
    }
}
