import Foundation

/// ISO 8601 timestamps as funnel writes and reads them ("2026-11-24T09:30:00Z").
public enum Timestamp {
    /// Parses a full ISO 8601 date-time, with or without fractional seconds, or a plain date (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard isPossible(t) else { return nil }
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false)) { return date }
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let day = Day(iso: t) { return day.start(utcOffset: 0) }
        return nil
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

    /// Formats as ISO 8601 in UTC, whole seconds.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
