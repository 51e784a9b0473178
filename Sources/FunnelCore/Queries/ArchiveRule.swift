import Foundation

/// Closed deals taken off the board's columns once they are old: won or lost more than `days`
/// days before today (`funnel config set archive_after DAYS`, default 90; 0 keeps every closed
/// deal on the board). An archived deal is counted under its column, shown again with `z`, and
/// stays in the board's text filter, the reports and `funnel list`.
public struct ArchiveRule: Sendable, Hashable {
    /// Days after closing; 0: never archived.
    public var days: Int

    /// When the settings do not say.
    public static let defaultDays = 90
    /// What `archive_after` may be: up to a hundred years.
    public static let allowedDays = 0...36_500

    public init(days: Int = ArchiveRule.defaultDays) {
        self.days = days
    }

    /// Whether `deal`, in `stage`, is archived on `today`: its stage is won or lost and it
    /// entered it more than `days` days before `today`.
    public func isArchived(_ deal: Deal, stage: Stage?, today: Day, utcOffset: Int) -> Bool {
        guard days > 0, let kind = stage?.kind, kind == .won || kind == .lost else { return false }
        return Day(deal.stageEntered, utcOffset: utcOffset).adding(days: days) < today
    }
}
