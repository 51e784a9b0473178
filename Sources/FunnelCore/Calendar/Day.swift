import Foundation

/// A calendar day without a time ("2026-11-24"), as next actions are planned.
/// Stored as days since 1970-01-01 so arithmetic needs no Calendar.
public struct Day: Hashable, Comparable, Sendable, ISOTextCodable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day of `year`-`month`-`day`; nil when that date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146097 + doe - 719468
    }

    /// The day a moment falls on, at a fixed offset from UTC in seconds.
    public init(_ date: Date, utcOffset: Int) {
        let seconds = Int((date.timeIntervalSince1970 + Double(utcOffset)).rounded(.down))
        daysSinceEpoch = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO 8601: "2026-11-24".
    public var iso: String {
        let c = components
        guard (0...9999).contains(c.year) else { return zeroPadded(c.year, 4) + "-" + zeroPadded(c.month, 2) + "-" + zeroPadded(c.day, 2) }
        return ISOText.write(self, secondOfDay: nil)
    }

    public var description: String { iso }

    /// The first moment of this day at a fixed offset from UTC.
    public func start(utcOffset: Int) -> Date {
        Date(timeIntervalSince1970: Double(daysSinceEpoch * 86_400 - utcOffset))
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// Parses exactly "YYYY-MM-DD".
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses what a person types for a date, relative to `today` (see `QuickDate`): an ISO
    /// date or date-time, `today`/`t`, `tomorrow`/`m`, `yesterday`, `+3`, `+Nd`, `+Nw`, `-Nd`, a weekday.
    public static func parse(_ text: String, today: Day) -> Day? {
        QuickDate.parse(text, today: today)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// For the error about a text that is not one.
    public static let isoShape = "a YYYY-MM-DD date"
}
