import Foundation

/// Reads leads from JSON lines or CSV with a header row (UTF-8, with or without a BOM).
public enum LeadReader {
    public enum Format: String, Sendable { case csv, jsonl }

    /// Guesses the format from the first non-blank character: `{` is JSON lines.
    public static func detect(_ text: String) -> Format {
        let first = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }.first
        return first == "{" ? .jsonl : .csv
    }

    /// Every record with its line number: a lead, or why it was refused.
    public static func read(_ data: Data, format: Format? = nil) -> Result<[LeadRecord], LeadError> {
        guard var text = String(data: data, encoding: .utf8) else { return .failure(LeadError("the input is not UTF-8 text")) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        switch format ?? detect(text) {
        case .jsonl: return .success(jsonLines(text))
        case .csv: return csv(text)
        }
    }

    static func jsonLines(_ text: String) -> [LeadRecord] {
        var records: [LeadRecord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingSpacesAndNewlines()
            if trimmed.isEmpty { continue }
            let number = index + 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                records.append(LeadRecord(line: number, result: .failure(LeadError("not a JSON object"))))
                continue
            }
            var values: [String: String] = [:]
            var bad: String?
            for (key, value) in object {
                let field = key.lowercased()
                guard Lead.fields.contains(field) else { bad = "unknown field “\(key)” (known: \(Lead.fields.joined(separator: ", ")))"; break }
                if let string = value as? String {
                    values[field] = string
                } else if let number = value as? NSNumber, field == "phone" {
                    values[field] = number.stringValue
                } else if value is NSNull {
                    continue
                } else {
                    bad = "\(field) must be a string"; break
                }
            }
            if let bad {
                records.append(LeadRecord(line: number, result: .failure(LeadError(bad))))
                continue
            }
            records.append(record(values, line: number))
        }
        return records
    }

    static func csv(_ text: String) -> Result<[LeadRecord], LeadError> {
        let rows: [(line: Int, cells: [String])]
        switch CSVParser.parse(text.replacingOccurrences(of: "\r\n", with: "\n")) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): rows = parsed
        }
        guard let header = rows.first else { return .success([]) }
        let columns = header.cells.map { $0.trimmingSpaces().lowercased() }
        for column in columns where !Lead.fields.contains(column) {
            return .failure(LeadError("line \(header.line): unknown column “\(column)”; columns are: \(Lead.fields.joined(separator: ", "))"))
        }
        guard columns.contains("name") || columns.contains("company") else {
            return .failure(LeadError("line \(header.line): the header needs a name or company column"))
        }
        var records: [LeadRecord] = []
        for row in rows.dropFirst() {
            if row.cells.allSatisfy({ $0.isBlank }) { continue }
            guard row.cells.count == columns.count else {
                records.append(
                    LeadRecord(
                        line: row.line,
                        result: .failure(
                            LeadError("has \(row.cells.count) fields, the header has \(columns.count)"))))
                continue
            }
            records.append(record(Dictionary(zip(columns, row.cells), uniquingKeysWith: { a, _ in a }), line: row.line))
        }
        return .success(records)
    }

    static func record(_ values: [String: String], line: Int) -> LeadRecord {
        func v(_ key: String) -> String { (values[key] ?? "").trimmingSpaces() }
        let lead = Lead(
            name: v("name"), company: v("company"), phone: v("phone"), email: v("email"), source: v("source"),
            note: v("note"))
        if let problem = lead.problem { return LeadRecord(line: line, result: .failure(LeadError(problem))) }
        return LeadRecord(line: line, result: .success(lead))
    }
}
