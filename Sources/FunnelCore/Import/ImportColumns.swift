import Foundation

/// A deal field an imported column can fill (`--map COLUMN=FIELD` names these).
public enum ImportField: String, CaseIterable, Sendable {
    case title, company, contact, phone, email, value, currency, stage, owner, created
    case nextActionDate = "next_action_date"
    case nextAction = "next_action"
    case notes
    case lostReason = "lost_reason"
    /// open, won, lost (or deleted: the row is skipped).
    case status
    case source
    /// A column known to be there and deliberately left out (`--map COLUMN=ignore`).
    case ignore
}

/// Where a file comes from, and the column names each source's export is known to use.
/// The names and what backs them are listed in docs/import.md.
public enum ImportSource: String, CaseIterable, Sendable {
    case pipedrive, kommo, csv

    /// A header as compared: lower case, spaces collapsed, a BOM and surrounding spaces dropped.
    public static func normalize(_ header: String) -> String {
        header.replacingOccurrences(of: "\u{FEFF}", with: "").lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The field a header fills for this source, or nil when it is not one funnel knows.
    public func field(for header: String) -> ImportField? {
        let name = Self.normalize(header)
        switch self {
        case .pipedrive:
            if let field = Self.pipedriveNames[name] { return field }
            // "Deal - Title" in exports that name each column's object.
            if name.hasPrefix("deal - ") { return Self.pipedriveNames[String(name.dropFirst(7))] ?? Self.csvNames[String(name.dropFirst(7))] }
            return Self.csvNames[name]
        case .kommo: return Self.kommoNames[name] ?? Self.numberedNote(name) ?? Self.csvNames[name]
        case .csv: return Self.csvNames[name]
        }
    }

    /// Kommo writes a lead's notes in columns `Примечание 1`, `Примечание 2`… (`Note 1`…): each
    /// is read into notes, and a row's non-empty notes are joined.
    static func numberedNote(_ name: String) -> ImportField? {
        for prefix in ["примечание ", "note "] where name.hasPrefix(prefix) {
            let number = name.dropFirst(prefix.count)
            if !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) { return .notes }
        }
        return nil
    }

    /// Pipedrive's deals export (labels as in the web app's Export, "Deal - " prefix optional).
    static let pipedriveNames: [String: ImportField] = [
        "title": .title, "value": .value, "currency": .currency, "currency of value": .currency,
        "organization": .company, "organization - name": .company, "contact person": .contact, "person - name": .contact,
        "person - phone": .phone, "person - email": .email, "stage": .stage, "status": .status, "owner": .owner,
        "deal created": .created, "deal created on": .created, "add time": .created, "next activity date": .nextActionDate,
        "next activity subject": .nextAction, "lost reason": .lostReason, "source origin": .source, "source channel": .source,
        "id": .ignore, "pipeline": .ignore, "won time": .ignore, "lost time": .ignore, "expected close date": .ignore,
        "update time": .ignore, "weighted value": .ignore, "probability": .ignore, "label": .ignore,
        "creator": .ignore, "closed on": .ignore, "total activities": .ignore, "done activities": .ignore,
        "activities to do": .ignore, "email messages count": .ignore,
    ]

    /// Kommo's (amoCRM's) leads export, English and Russian interface.
    static let kommoNames: [String: ImportField] = [
        "lead name": .title, "lead title": .title, "name": .title, "название сделки": .title, "сделка": .title,
        "budget": .value, "sale": .value, "бюджет": .value, "responsible user": .owner, "lead owner": .owner,
        "ответственный": .owner, "status": .stage, "lead status": .stage, "stage": .stage, "этап сделки": .stage,
        "статус": .stage, "date created": .created, "created": .created, "дата создания": .created,
        "company": .company, "компания": .company, "main contact": .contact, "contact": .contact,
        "основной контакт": .contact, "work phone": .phone, "рабочий телефон": .phone, "work email": .email,
        "рабочий email": .email, "рабочий телефон (контакт)": .phone, "рабочий email (контакт)": .email,
        "work phone (contact)": .phone, "work email (contact)": .email, "loss reason": .lostReason, "причина отказа": .lostReason, "note": .notes,
        "примечание": .notes, "id": .ignore, "pipeline": .ignore, "воронка": .ignore, "tags": .ignore, "теги": .ignore,
        "closing date": .ignore, "дата закрытия": .ignore,
    ]

    /// funnel's own export (docs/export.md) and plain English names.
    static let csvNames: [String: ImportField] = {
        var names: [String: ImportField] = [:]
        for field in ImportField.allCases where field != .ignore { names[field.rawValue] = field }
        let more: [String: ImportField] = [
            "name": .title, "deal": .title, "deal name": .title, "organization": .company, "contact person": .contact,
            "mobile": .phone, "telephone": .phone, "e-mail": .email, "amount": .value, "next action date": .nextActionDate,
            "next action": .nextAction, "lost reason": .lostReason, "note": .notes,
            "id": .ignore, "stage_name": .ignore, "stage_kind": .ignore, "stage_entered": .ignore, "updated": .ignore,
            "revision": .ignore, "call_steps": .ignore, "installments": .ignore, "payment_method": .ignore,
            "probability": .ignore, "expected_close": .ignore,
        ]
        names.merge(more) { old, _ in old }
        return names
    }()
}
