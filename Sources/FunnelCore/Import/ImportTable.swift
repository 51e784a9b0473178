import Foundation

/// A delimited text file as rows of cells: the header, then each record with the line it starts on.
public struct ImportTable: Sendable {
    /// The header row's cells, trimmed.
    public var header: [String]
    /// Every other non-blank row, with the line it starts on (a quoted line break spans lines).
    public var rows: [(line: Int, cells: [String])]
    /// The delimiter found: `,`, `;` or a tab.
    public var delimiter: Unicode.Scalar

    /// The delimiter of a file: whichever of `,` `;` and tab occurs most often in its first line
    /// outside quotes; a comma when none does.
    public static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == "\n" && !inQuotes { break }
            if !inQuotes, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = [",", ";", "\t"].map { (Unicode.Scalar($0)!, counts[Unicode.Scalar($0)!]!) }.max { $0.1 < $1.1 }!
        return best.1 == 0 ? "," : best.0
    }

    /// Parses decoded text (CRLF or LF line ends; quoted fields may hold line breaks). Blank rows are dropped.
    public static func parse(_ text: String) -> Result<ImportTable, ImportError> {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        body = body.replacingOccurrences(of: "\r\n", with: "\n")
        let delimiter = detectDelimiter(body)
        switch CSVParser.parse(body, delimiter: delimiter) {
        case .failure(let error):
            return .failure(ImportError(error.message))
        case .success(let parsed):
            let rows = parsed.filter { !$0.cells.allSatisfy { $0.isBlank } }
            guard let first = rows.first else { return .failure(ImportError("the file is empty: a header row is needed")) }
            let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            return .success(ImportTable(header: header, rows: Array(rows.dropFirst()), delimiter: delimiter))
        }
    }
}
