import Foundation

/// ISO 8601 timestamps as funnel writes and reads them ("2026-11-24T09:30:00Z").
public enum Timestamp {
    /// Parses a full ISO 8601 date-time, with or without fractional seconds, or a plain date (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false)) { return date }
        if let date = try? Date(t, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let day = Day(iso: t) { return day.start(utcOffset: 0) }
        return nil
    }

    /// Formats as ISO 8601 in UTC, whole seconds.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
