import Foundation

/// CSV for spreadsheets: quoting, and the guard against formula injection.
public enum CSVCell {
    /// Characters that make a spreadsheet read a cell as a formula (or hide what follows).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` made safe to open in Excel or LibreOffice: a cell starting with `=` `+` `-` `@`,
    /// a tab or a carriage return gets a leading `'`; so does one that already starts with `'`
    /// followed by one of those, so that reading it back (`isGuarded`) is exact.
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if formulaStarts.contains(Character(first)) || isGuarded(text) { return "'" + text }
        return text
    }

    /// Whether `text` is a guarded cell: one or more `'` followed by a formula start.
    public static func isGuarded(_ text: String) -> Bool {
        let rest = text.unicodeScalars.drop { $0 == "'" }
        guard rest.count < text.unicodeScalars.count, let next = rest.first else { return false }
        return formulaStarts.contains(Character(next))
    }

    /// One field: guarded, and quoted when it holds the delimiter, a quote, a line break or
    /// surrounding spaces. `keepingNumbers`: a number (`-3`, `+1.5`) stays a number, unguarded
    /// (a report's figures; a spreadsheet reads them as the numbers they are).
    public static func field(_ text: String, delimiter: Character = ",", keepingNumbers: Bool = false) -> String {
        let safe = keepingNumbers && isDecimal(text) ? text : guarded(text)
        let needsQuotes =
            safe.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || Character($0) == delimiter }
            || safe.hasPrefix(" ") || safe.hasSuffix(" ")
        return needsQuotes ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    /// Whether `text` is a plain decimal number: an optional sign, digits, optionally a point
    /// and more digits (`-3`, `0.5000`); not `inf`, `nan` or an exponent, which a spreadsheet
    /// could read otherwise.
    static func isDecimal(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.count == 1 || !parts[1].isEmpty else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }

    /// A whole file: rows joined by CRLF (RFC 4180), a CRLF at the end; with `byteOrderMark`
    /// (the default, for Excel) a UTF-8 BOM first, so Excel reads the file as UTF-8.
    public static func document(header: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            out += row.map { field($0) }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
