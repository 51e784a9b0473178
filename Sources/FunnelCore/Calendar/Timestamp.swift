import Foundation

/// ISO 8601 timestamps as funnel writes and reads them ("2026-11-24T09:30:00Z").
public enum Timestamp {
    /// Parses a full ISO 8601 date-time, with or without fractional seconds, or a plain date (midnight UTC).
    /// Fractions of a second are dropped: funnel keeps whole seconds, as it writes them.
    public static func parse(_ text: String) -> Date? {
        if let date = parseUTC(text) { return date }
        let t = text.trimmingCharacters(in: .whitespaces)
        guard isPossible(t) else { return nil }
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false)) {
            return wholeSeconds(date)
        }
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return wholeSeconds(date)
        }
        if let day = Day(iso: t) { return day.start(utcOffset: 0) }
        return nil
    }

    /// `date` without its fraction of a second (rounded down), the precision funnel stores.
    public static func wholeSeconds(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds != seconds.rounded(.down) else { return date }
        return Date(timeIntervalSince1970: seconds.rounded(.down))
    }

    /// Whether `text` is a time of day as ISO 8601 writes it after a date's `T`: `HH:MM`,
    /// optionally `:SS` and a fraction, optionally `Z` or an offset `±HH:MM` (`±HHMM`, `±HH`),
    /// every field in range (no 25 o'clock, no minute 60). Case-insensitive.
    public static func isTimeOfDay<S: StringProtocol>(_ text: S) -> Bool {
        let chars = Array(text.uppercased())
        func number(_ at: Int, below limit: Int) -> Bool {
            guard at + 1 < chars.count, chars[at].isASCII, chars[at].isNumber, chars[at + 1].isASCII, chars[at + 1].isNumber,
                let n = Int(String(chars[at...(at + 1)]))
            else { return false }
            return n < limit
        }
        guard number(0, below: 24), chars.count >= 5, chars[2] == ":", number(3, below: 60) else { return false }
        var i = 5
        if i < chars.count, chars[i] == ":" {
            guard number(i + 1, below: 60) else { return false }
            i += 3
            if i < chars.count, chars[i] == "." || chars[i] == "," {
                i += 1
                let start = i
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == chars.count { return true }
        if chars[i] == "Z" { return i + 1 == chars.count }
        guard chars[i] == "+" || chars[i] == "-", number(i + 1, below: 15) else { return false }
        let zone = Array(chars[(i + 3)...])
        return zone.isEmpty || (zone.count == 2 && number(i + 3, below: 60))
            || (zone.count == 3 && zone[0] == ":" && number(i + 4, below: 60))
    }

    /// The form funnel writes, "2026-11-24T09:30:00Z", read without a formatter (loading
    /// 100,000 deals reads millions of these). nil for any other form.
    static func parseUTC(_ text: String) -> Date? {
        var text = text
        text.makeContiguousUTF8()
        guard text.utf8.count == 20 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            func digits(_ at: Int, _ count: Int) -> Int? {
                var value = 0
                for i in at..<(at + count) {
                    let b = bytes[i]
                    guard b >= 48 && b <= 57 else { return nil }
                    value = value * 10 + Int(b - 48)
                }
                return value
            }
            guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90,
                let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
                let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
                hour < 24, minute < 60, second < 60, let date = Day(year: year, month: month, day: day)
            else { return nil }
            return Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second))
        } ?? nil
    }

    /// Whether the date and time fields exist (no 30 February, no 25 o'clock): the ISO parser
    /// would roll them over instead of refusing them.
    static func isPossible(_ text: String) -> Bool {
        guard text.count >= 10, Day(iso: String(text.prefix(10))) != nil else { return false }
        guard text.count > 10 else { return true }
        let time = text.dropFirst(11)
        let fields = time.prefix(8).split(separator: ":")
        guard fields.count >= 2, let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60 else {
            return false
        }
        if fields.count > 2 {
            guard let second = Int(fields[2].prefix(2)), second < 60 else { return false }
        }
        return true
    }

    /// Formats as ISO 8601 in UTC, whole seconds (a fraction is cut, as Foundation's
    /// `ISO8601FormatStyle` cuts it). The moments funnel stores are written digit by digit
    /// (`ISOText`): `list --all --json` writes three per deal, and the format style took a
    /// microsecond each.
    public static func format(_ date: Date) -> String {
        guard Limits.isStorable(date) else { return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false)) }
        let (days, time) = Int(date.timeIntervalSince1970.rounded(.down)).quotientAndRemainder(dividingBy: 86_400)
        return ISOText.write(Day(daysSinceEpoch: days), secondOfDay: time)
    }
}
