import Foundation

/// The span a report covers: whole days from `first` to `last`, inclusive.
public struct ReportPeriod: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case week, month, quarter, year, all

        /// Days in a trailing window of this kind (nil: all time).
        public var days: Int? {
            switch self {
            case .week: return 7
            case .month: return 30
            case .quarter: return 91
            case .year: return 365
            case .all: return nil
            }
        }
    }

    /// nil for all time.
    public var first: Day?
    public var last: Day
    public var name: String

    public init(first: Day?, last: Day, name: String) {
        self.first = first
        self.last = last
        self.name = name
    }

    /// The trailing window of `kind` ending today: "month" is the last 30 days, today included.
    public static func trailing(_ kind: Kind, today: Day) -> ReportPeriod {
        guard let days = kind.days else { return ReportPeriod(first: nil, last: today, name: "all time") }
        return ReportPeriod(first: today.adding(days: -(days - 1)), last: today, name: "last \(days) days")
    }

    /// Whether a moment falls in the period (in the given time zone).
    public func contains(_ date: Date, utcOffset: Int) -> Bool {
        contains(Day(date, utcOffset: utcOffset))
    }

    /// Whether `day` is one of the period's days.
    public func contains(_ day: Day) -> Bool {
        (first.map { day >= $0 } ?? true) && day <= last
    }

    /// Length in days (nil for all time).
    public var length: Int? { first.map { last.daysSinceEpoch - $0.daysSinceEpoch + 1 } }

    /// The period of the same length just before this one.
    public var previous: ReportPeriod? {
        guard let first, let length else { return nil }
        return ReportPeriod(first: first.adding(days: -length), last: first.adding(days: -1), name: "previous")
    }

    public var label: String { label(in: .en) }
}
