import Foundation

/// RFC 4180 CSV: commas (or another delimiter), double-quoted fields with "" escapes and line
/// breaks inside quotes.
public enum CSVParser {
    /// Rows with the line each starts on; `delimiter` separates fields (`,` unless told).
    public static func parse(_ text: String, delimiter: Unicode.Scalar = ",") -> Result<[(line: Int, cells: [String])], LeadError> {
        var scanner = CSVScanner(delimiter: delimiter)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch scanner.read(scalars[i], next: next) {
            case .failure(let error): return .failure(error)
            case .success(let consumed): i += consumed
            }
        }
        return scanner.finish()
    }
}

/// `CSVParser`'s state as it reads a text one scalar at a time.
struct CSVScanner {
    let delimiter: Unicode.Scalar
    private(set) var rows: [(line: Int, cells: [String])] = []
    private var cells: [String] = []
    private var cell = ""
    private var inQuotes = false
    /// Just after a closing quote: only spaces may follow before the delimiter.
    private var afterQuote = false
    private var line = 1
    private var rowLine = 1

    init(delimiter: Unicode.Scalar) { self.delimiter = delimiter }

    /// Reads `c` (`next` is the scalar after it, if any): how many scalars it took (2 for a
    /// doubled quote), or why the text is not CSV.
    mutating func read(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Result<Int, LeadError> {
        inQuotes ? .success(quoted(c, next: next)) : unquoted(c).map { 1 }
    }

    /// Inside quotes: a doubled quote is one quote, a single one closes the field.
    private mutating func quoted(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Int {
        if c == "\"" {
            if next == "\"" {
                cell.unicodeScalars.append("\"")
                return 2
            }
            inQuotes = false
            afterQuote = true
        } else {
            if c == "\n" { line += 1 }
            cell.unicodeScalars.append(c)
        }
        return 1
    }

    /// Outside quotes: delimiters and line ends end fields and rows; a quote opens a field only
    /// at its start.
    private mutating func unquoted(_ c: Unicode.Scalar) -> Result<Void, LeadError> {
        switch c {
        case delimiter:
            cells.append(cell)
            cell = ""
            afterQuote = false
        case "\r":
            break
        case "\n":
            endRow()
            line += 1
            rowLine = line
            afterQuote = false
        case "\"":
            guard cell.isEmpty && !afterQuote else { return .failure(LeadError("line \(line): a quote inside an unquoted field")) }
            inQuotes = true
        default:
            if afterQuote, c != " " { return .failure(LeadError("line \(line): text after a closing quote")) }
            cell.unicodeScalars.append(c)
        }
        return .success(())
    }

    private mutating func endRow() {
        cells.append(cell)
        rows.append((rowLine, cells))
        cells = []
        cell = ""
    }

    /// The rows read, the last one ended; a quote never closed is an error.
    mutating func finish() -> Result<[(line: Int, cells: [String])], LeadError> {
        if inQuotes { return .failure(LeadError("line \(rowLine): a quoted field is never closed")) }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return .success(rows)
    }
}
