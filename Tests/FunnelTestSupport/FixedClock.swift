import Foundation

/// The one "now" of the tests: every process gets it as FUNNEL_NOW, every domain, store and
/// screen test as a `Date`, so no figure depends on when the suite runs.
public enum FixedClock {
    /// 2026-11-24T09:00:00Z, a Tuesday.
    public static let iso = "2026-11-24T09:00:00Z"
    /// The same moment as a `Date`.
    public static let now = Date(timeIntervalSince1970: 1_795_510_800)
    /// `now` moved by a number of hours.
    public static func later(hours: Double) -> Date { now.addingTimeInterval(hours * 3_600) }
}
