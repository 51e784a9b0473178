import Foundation

/// A calendar month ("2026-11"): what goals are set for and what the forecast groups by.
public struct Month: Hashable, Comparable, Sendable, ISOTextCodable, CustomStringConvertible {
    public let year: Int
    /// 1 … 12.
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day lies in.
    public init(_ day: Day) {
        let c = day.components
        year = c.year
        month = c.month
    }

    /// Parses exactly "YYYY-MM".
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
    }

    /// ISO 8601: "2026-11".
    public var iso: String { zeroPadded(year, 4) + "-" + zeroPadded(month, 2) }
    public var description: String { iso }

    /// The month's first and last days.
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var days: ClosedRange<Day> { firstDay...lastDay }

    /// Whether `day` lies in this month.
    public func contains(_ day: Day) -> Bool { days.contains(day) }

    /// Days of the month left from `today` on, today included: all of them for a month ahead,
    /// none for a month past.
    public func daysLeft(today: Day) -> Int {
        if today < firstDay { return lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1 }
        if today > lastDay { return 0 }
        return lastDay.daysSinceEpoch - today.daysSinceEpoch + 1
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// For the error about a text that is not one.
    public static let isoShape = "a YYYY-MM month"
}

extension DateStyle {
    /// A month as people write it: "Nov 2026" (ISO style), "11.2026", "11/2026".
    public func month(_ month: Month) -> String {
        switch self {
        case .iso:
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(names[month.month - 1]) \(month.year)"
        case .dayMonthDot: return zeroPadded(month.month, 2) + "." + zeroPadded(month.year, 4)
        case .dayMonthSlash: return zeroPadded(month.month, 2) + "/" + zeroPadded(month.year, 4)
        }
    }
}
