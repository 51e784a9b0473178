import Foundation

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
            return .failure(
                ImportError(
                    "--map: the file has no column “\(column)”; its columns are: "
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
            return .failure(
                ImportError(
                    "no column gives a deal's title (or company); name one with --map COLUMN=title "
                        + "(columns: " + header.map { "“\($0)”" }.joined(separator: ", ") + ")"))
        }
        return .success(ImportColumnMap(fields: fields, unknown: unknown))
    }

    /// A row's values by field: trimmed, the first non-empty cell of a field winning, except notes,
    /// whose non-empty cells are all kept, a blank line between them (Kommo's `Примечание 1`, `2`…).
    /// A cell funnel's export guarded against formulas (`'=…`, `'` and a tab) is read back
    /// without the guard and otherwise exactly as exported (a company that is a tab stays one).
    public func values(_ cells: [String]) -> [ImportField: String] {
        var values: [ImportField: String] = [:]
        for (index, cell) in cells.enumerated() where index < fields.count {
            guard let field = fields[index] else { continue }
            var text = cell
            if CSVCell.isGuarded(text) {
                text.removeFirst()
            } else if field != .notes {
                text = text.trimmingCharacters(in: .whitespaces)
            }
            if values[field, default: ""].isEmpty {
                values[field] = text
            } else if field == .notes && !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                values[field, default: ""] += "\n\n" + text
            }
        }
        return values
    }
}
