import Foundation
import FunnelCore
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
        var out: [UInt8] = []
        write(to: &out, level: 0, pretty: indent != nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// `.array(items.map(element)).render()`, byte for byte (UTF-8), handed to `emit` in pieces as it is
    /// made: `list --all --json` at 100,000 deals never holds the whole document (or every
    /// element's value) in memory at once. The elements are made and written on every core, a
    /// window of `piece` items at a time, each window's text emitted in order before the next.
    static func streamArray<Item: Sendable>(
        _ items: [Item], piece: Int = 256, _ element: @Sendable (Item) -> JSONOut, emit: ([UInt8]) -> Void
    ) {
        guard !items.isEmpty else { return emit(Array("[]".utf8)) }
        let window = piece * 8
        for windowStart in stride(from: 0, to: items.count, by: window) {
            let starts = Array(stride(from: windowStart, to: min(items.count, windowStart + window), by: piece))
            let parts = parallelMap(starts, chunk: 1) { start -> [UInt8] in
                var out: [UInt8] = []
                for i in start..<min(items.count, start + piece) {
                    out.append(contentsOf: i == 0 ? Self.openFirst : Self.openNext)
                    element(items[i]).write(to: &out, level: 1, pretty: true)
                }
                return out
            }
            for part in parts { emit(part) }
        }
        emit(Array("\n]".utf8))
    }

    private static let openFirst = Array("[\n  ".utf8), openNext = Array(",\n  ".utf8)

    /// A line break and `level` indents, made once per level (not once per value written).
    private static let breaks = (0..<16).map { Array(("\n" + String(repeating: "  ", count: $0)).utf8) }

    private static func lineBreak(_ level: Int, _ pretty: Bool, into out: inout [UInt8]) {
        guard pretty else { return }
        if level < breaks.count {
            out.append(contentsOf: breaks[level])
        } else {
            out.append(contentsOf: ("\n" + String(repeating: "  ", count: level)).utf8)
        }
    }

    /// The UTF-8 of the value, written at the end of `out` (bytes: appending to a `String`
    /// took a third of `list --all --json`).
    private func write(to out: inout [UInt8], level: Int, pretty: Bool) {
        switch self {
        case .string(let s): JSONOut.escape(s, into: &out)
        case .number(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.lineBreak(level + 1, pretty, into: &out)
                item.write(to: &out, level: level + 1, pretty: pretty)
            }
            Self.lineBreak(level, pretty, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.lineBreak(level + 1, pretty, into: &out)
                JSONOut.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, level: level + 1, pretty: pretty)
            }
            Self.lineBreak(level, pretty, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON string escaping: quotes, backslashes, and every control character (C0, DEL, C1,
    /// and the bidi overrides) as \u escapes, so output never carries a raw escape sequence.
    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most values need nothing escaped: appended whole (a tenth of the time of `list --all --json`),
        // their bytes copied at once where the string holds them in one piece.
        if isPlain(text) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) }
            if copied == nil { out.append(contentsOf: text.utf8) }
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            default:
                if Sanitize.isUnsafe(scalar) {
                    out.append(contentsOf: String(format: "\\u%04x", scalar.value).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
    }

    /// Whether `text` goes into a JSON string as it is: no quote, backslash or character that
    /// `escape` writes as an escape.
    static func isPlain(_ text: String) -> Bool {
        !Sanitize.mayHoldUnsafe(text, quotes: true)
    }
}
