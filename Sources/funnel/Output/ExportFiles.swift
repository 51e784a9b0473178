import Foundation
import FunnelCore

/// The files `funnel export` writes: deals first, then activities and history.
enum ExportFiles {
    struct File {
        let name: String
        let text: String
    }

    /// deals.csv, activities.csv, history.csv: UTF-8, CRLF, formula cells guarded; with
    /// `forExcel` (`--format xlsx-csv`, the default) a BOM first.
    static func csv(_ deals: [Deal], columns: [String], pipeline: Pipeline, forExcel: Bool) -> [File] {
        let dealRows = deals.map { deal in
            let record = DealRecords.deal(deal, pipeline: pipeline)
            return columns.map { (record[$0] ?? nil) ?? "" }
        }
        return [
            File(name: "deals.csv", text: CSVCell.document(header: columns, rows: dealRows, byteOrderMark: forExcel)),
            File(
                name: "activities.csv",
                text: CSVCell.document(
                    header: DealRecords.activityColumns,
                    rows: deals.flatMap(DealRecords.activities).map { $0.map { $0 ?? "" } },
                    byteOrderMark: forExcel)),
            File(
                name: "history.csv",
                text: CSVCell.document(
                    header: DealRecords.historyColumns,
                    rows: deals.flatMap(DealRecords.history).map { $0.map { $0 ?? "" } },
                    byteOrderMark: forExcel)),
        ]
    }

    /// deals.jsonl, activities.jsonl, history.jsonl: one compact JSON object a line. With
    /// `nested` (standard output) each deal carries its `history` and `activities` instead.
    static func jsonl(_ deals: [Deal], columns: [String], pipeline: Pipeline, nested: Bool) -> [File] {
        let dealLines = deals.map { deal -> String in
            let record = DealRecords.deal(deal, pipeline: pipeline)
            var fields = columns.map { column -> (String, JSONOut) in (column, value(column, record[column] ?? nil)) }
            if nested {
                fields.append(("history", .array(DealRecords.history(deal).map { object(DealRecords.historyColumns, $0) })))
                fields.append(("activities", .array(DealRecords.activities(deal).map { object(DealRecords.activityColumns, $0) })))
            }
            return JSONOut.object(fields).render(indent: nil)
        }
        func lines(_ rows: [String]) -> String { rows.map { $0 + "\n" }.joined() }
        return [
            File(name: "deals.jsonl", text: lines(dealLines)),
            File(
                name: "activities.jsonl",
                text: lines(deals.flatMap(DealRecords.activities).map { object(DealRecords.activityColumns, $0).render(indent: nil) })),
            File(
                name: "history.jsonl",
                text: lines(deals.flatMap(DealRecords.history).map { object(DealRecords.historyColumns, $0).render(indent: nil) })),
        ]
    }

    /// A column's JSON value: `revision`, `installments` and `probability` numbers, `call_steps` an array, a missing value null.
    static func value(_ column: String, _ text: String?) -> JSONOut {
        guard let text else { return .null }
        switch column {
        case "revision": return Int(text).map { .number($0) } ?? .string(text)
        case "installments", "probability": return Int(text).map { .number($0) } ?? .string(text)
        case "call_steps": return .array(text.split(separator: ",").map { .string(String($0)) })
        default: return .string(text)
        }
    }

    static func object(_ columns: [String], _ values: [String?]) -> JSONOut {
        .object(zip(columns, values).map { ($0, $1.map { .string($0) } ?? .null) })
    }
}
