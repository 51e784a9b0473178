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
        var writer = JSONWriter(pretty: indent != nil)
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The value, written by `writer` (which lays out every JSON funnel prints).
    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let s): writer.string(s)
        case .number(let n): writer.number(n)
        case .bool(let b): writer.bool(b)
        case .null: writer.null()
        case .array(let items):
            writer.openArray()
            for item in items {
                writer.element()
                item.write(to: &writer)
            }
            writer.closeArray()
        case .object(let fields):
            writer.openObject()
            for (key, value) in fields {
                writer.key(escaping: key)
                value.write(to: &writer)
            }
            writer.closeObject()
        }
    }

    /// An array of `items`, each written by `element`, pretty, byte for byte what rendering the
    /// array as one value gives (UTF-8), handed to `emit` in pieces as it is made: `list --all
    /// --json` at 100,000 deals never holds the whole document in memory at once. The elements
    /// are written on every core, a window of `piece` items at a time, each window's bytes
    /// emitted in order before the next; each piece checked there (`Console.SafeJSON`).
    static func streamArray<Item: Sendable>(
        _ items: [Item], piece: Int = 256, _ element: @Sendable (Item, inout JSONWriter) -> Void, emit: (Console.SafeJSON) -> Void
    ) {
        guard !items.isEmpty else { return emit(Console.SafeJSON(Array("[]".utf8))) }
        let window = piece * 8
        for windowStart in stride(from: 0, to: items.count, by: window) {
            let starts = Array(stride(from: windowStart, to: min(items.count, windowStart + window), by: piece))
            let parts = parallelMap(starts, chunk: 1) { start -> Console.SafeJSON in
                var writer = JSONWriter(pretty: true, level: 1)
                for i in start..<min(items.count, start + piece) {
                    writer.raw(i == 0 ? Self.openFirst : Self.openNext)
                    element(items[i], &writer)
                }
                return Console.SafeJSON(writer.bytes)
            }
            for part in parts { emit(part) }
        }
        emit(Console.SafeJSON(Array("\n]".utf8)))
    }

    private static let openFirst = Array("[\n  ".utf8), openNext = Array(",\n  ".utf8)

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
