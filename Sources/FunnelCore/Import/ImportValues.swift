import Foundation

/// Reading the cells of other programs' exports: amounts, dates, statuses and stage names.
public enum ImportValues {
    /// An amount as spreadsheets write it: `12,500.50`, `12 500`, `₪12,500`, `12500 ILS`.
    public static func amount(_ text: String) -> Decimal? {
        var cleaned = text.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces)
        cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "₪$€£ "))
        if cleaned.count > 4, let last = cleaned.split(separator: " ").last, last.count == 3, last.allSatisfy(\.isLetter) {
            cleaned = String(cleaned.dropLast(3)).trimmingCharacters(in: .whitespaces)
        }
        return Money.parseAmount(cleaned)
    }

    /// A moment: ISO 8601 (`2026-11-24T09:00:00Z`), `2026-11-24 09:15[:00]` (Pipedrive), or a day
    /// first with dots or slashes (`24.11.2026 09:15`, `24/11/2026`: Kommo, Israeli and Arab Excel).
    /// Times without a zone are local (`utcOffset` seconds from UTC); a date alone is its midnight.
    public static func moment(_ text: String, utcOffset: Int) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.contains("T") || t.hasSuffix("Z"), let date = Timestamp.parse(t) { return date }
        let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let day = day(first) else { return nil }
        var seconds = 0
        if parts.count == 2 {
            let fields = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(fields.count), !fields.contains(nil) else { return nil }
            let (h, m, s) = (fields[0]!, fields[1]!, fields.count == 3 ? fields[2]! : 0)
            guard (0...23).contains(h), (0...59).contains(m), (0...59).contains(s) else { return nil }
            seconds = h * 3600 + m * 60 + s
        }
        return Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + seconds - utcOffset))
    }

    /// A calendar day: `2026-11-24`, `24.11.2026`, `24/11/2026` (day first), or the date part of a moment.
    public static func day(_ text: String) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let datePart = String(t.split(whereSeparator: { $0 == " " || $0 == "T" }).first ?? "")
        if let day = Day(iso: datePart) { return day }
        for separator in [".", "/"] where datePart.contains(separator) {
            let fields = datePart.split(separator: Character(separator)).map { Int($0) }
            guard fields.count == 3, let d = fields[0], let m = fields[1], let y = fields[2], y >= 1000 else { return nil }
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// A deal's status as exports write it.
    public enum Status: Sendable { case open, won, lost, deleted }

    /// The status a cell names: Pipedrive's `open`/`won`/`lost`/`deleted`, Kommo's closing stages.
    public static func status(_ text: String) -> Status? {
        switch ImportSource.normalize(text) {
        case "open", "active", "פתוח", "مفتوح": return .open
        case "won", "closed - won", "closed won", "successfully realized", "успешно реализовано", "נסגר בהצלחה", "זכייה", "ربح":
            return .won
        case "lost", "closed - lost", "closed lost", "closed and not realized", "закрыто и не реализовано", "הפסד", "خسارة":
            return .lost
        case "deleted": return .deleted
        default: return nil
        }
    }

    /// A name as matched to stages, owners and reasons: lower case, without any spaces.
    public static func key(_ text: String) -> String {
        text.lowercased().filter { !$0.isWhitespace }
    }

    /// The pipeline's stage with this id or name, compared without case and spaces.
    public static func stage(_ text: String, in pipeline: Pipeline) -> Stage? {
        let wanted = key(text)
        guard !wanted.isEmpty else { return nil }
        return pipeline.stages.first { key($0.id) == wanted } ?? pipeline.stages.first { key($0.name) == wanted }
    }

    /// The team member a cell names: the account exactly as written first (accounts `bob` and `Bob`
    /// are two people), then by account or display name ignoring case and spaces, their email
    /// (`funnel team email`), or an email whose local part is the account.
    public static func owner(_ text: String, in team: Team) -> User? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = team.users.first(where: { $0.account == trimmed }) { return exact }
        let wanted = key(text)
        guard !wanted.isEmpty else { return nil }
        if let user = team.users.first(where: { $0.account.lowercased() == wanted || key($0.name) == wanted }) { return user }
        if let user = team.users.first(where: { $0.email.map(key) == wanted }) { return user }
        let parts = wanted.split(separator: "@")
        guard parts.count == 2 else { return nil }
        return team.users.first { $0.account.lowercased() == parts[0] }
    }
}
