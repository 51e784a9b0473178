import Foundation

/// The import key of a source row: what makes re-running an import create nothing new.
///
/// A key is 16 hex digits of the FNV-1a 64-bit hash of the row's cells (trimmed, joined with
/// U+001F). It is kept at the end of the deal's `source` field as `[import:KEY]`; a row whose
/// cells already carry a marker (a funnel export of imported deals) keeps that key.
public enum ImportKey {
    /// The key of a row.
    public static func of(_ cells: [String]) -> String {
        for cell in cells { if let key = find(in: cell) { return key } }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let joined = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: "\u{1F}")
        for byte in joined.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The marker written into `source`.
    public static func marker(_ key: String) -> String { "[import:\(key)]" }

    /// The key in a `source` text, if it carries one.
    public static func find(in text: String) -> String? {
        guard let start = text.range(of: "[import:", options: .backwards) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "]") else { return nil }
        let key = rest[..<end]
        return key.count == 16 && key.allSatisfy(\.isHexDigit) ? String(key) : nil
    }

    /// `text` without its marker (and the space before it).
    public static func strip(_ text: String) -> String {
        guard let key = find(in: text) else { return text }
        return text.replacingOccurrences(of: marker(key), with: "").trimmingCharacters(in: .whitespaces)
    }

    /// The `source` of an imported deal: the row's own source (or what it came from), then the
    /// marker, within the field's length limit.
    public static func source(_ base: String, key: String) -> String {
        let room = Limits.fieldLength - marker(key).unicodeScalars.count - 1
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: strip(base).unicodeScalars.prefix(room))
        let trimmed = String(scalars).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? marker(key) : trimmed + " " + marker(key)
    }
}
