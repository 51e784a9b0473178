import Foundation

/// How an import reads a file: where it comes from, extra column names, and what to do with
/// stages and owners it cannot match.
public struct ImportOptions: Sendable {
    public var source: ImportSource
    /// `--map COLUMN=FIELD`: headers (as `ImportSource.normalize` gives them) to fields.
    public var map: [String: ImportField]
    /// Refuse a row whose stage is not one of ours instead of sending it to the first open stage.
    public var strict: Bool
    /// `--owner USER`: the owner of rows without one, or with one not on the team.
    public var defaultOwner: String?

    public init(source: ImportSource, map: [String: ImportField] = [:], strict: Bool = false, defaultOwner: String? = nil) {
        self.source = source
        self.map = map
        self.strict = strict
        self.defaultOwner = defaultOwner
    }
}

/// What becomes of one row.
public enum ImportOutcome: Sendable {
    /// A new deal, checked by every rule; `notes` say what was guessed (an unmatched stage…).
    case create(Deal, notes: [String])
    /// The same person or deal is already there (or earlier in the file): nothing is created.
    case duplicate(of: String, by: String)
    /// This row was imported before, as deal `id`.
    case alreadyImported(id: String)
    /// Left out on purpose (a deal deleted in the other CRM).
    case skipped(String)
    /// The row cannot be imported: a bad value, or a rule refused the deal.
    case error(String)
}

/// One row's line number and outcome.
public struct PlannedRow: Sendable {
    public let line: Int
    public let outcome: ImportOutcome
}

/// Which column fills which field, and the columns left out.
public struct ImportColumnMap: Sendable {
    /// For each column, the field it fills (nil: not imported).
    public let fields: [ImportField?]
    /// Headers whose columns are not imported: unknown ones and those left out on purpose.
    public let unknown: [String]

    /// Resolves every header: `--map` first, then the source's known names. A `--map` naming
    /// no column, or a file with neither a title nor a company column, is an error.
    public static func resolve(header: [String], options: ImportOptions) -> Result<ImportColumnMap, ImportError> {
        let normalized = header.map(ImportSource.normalize)
        for column in options.map.keys where !normalized.contains(column) {
            return .failure(ImportError("--map: the file has no column “\(column)”; its columns are: "
                                        + header.map { "“\($0)”" }.joined(separator: ", ")))
        }
        var fields: [ImportField?] = []
        var unknown: [String] = []
        for (index, name) in normalized.enumerated() {
            let field = options.map[name] ?? options.source.field(for: name)
            fields.append(field == .ignore ? nil : field)
            if field == nil || field == .ignore { unknown.append(header[index]) }
        }
        guard fields.contains(.title) || fields.contains(.company) else {
            return .failure(ImportError("no column gives a deal's title (or company); name one with --map COLUMN=title "
                                        + "(columns: " + header.map { "“\($0)”" }.joined(separator: ", ") + ")"))
        }
        return .success(ImportColumnMap(fields: fields, unknown: unknown))
    }

    /// A row's values by field: trimmed, the first non-empty cell of a field winning. A cell
    /// funnel's export guarded against formulas (`'=…`) is read back without the guard.
    public func values(_ cells: [String]) -> [ImportField: String] {
        var values: [ImportField: String] = [:]
        for (index, cell) in cells.enumerated() where index < fields.count {
            guard let field = fields[index] else { continue }
            var text = field == .notes ? cell : cell.trimmingCharacters(in: .whitespaces)
            if CSVCell.isGuarded(text) { text.removeFirst() }
            if values[field, default: ""].isEmpty { values[field] = text }
        }
        return values
    }
}
