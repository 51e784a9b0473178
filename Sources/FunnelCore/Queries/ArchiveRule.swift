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
        guard let kind = stage?.kind else { return false }
        return isArchived(entered: Day(deal.stageEntered, utcOffset: utcOffset), kind: kind, today: today)
    }

    /// Whether a deal whose head is `head`, in a stage of `kind`, is archived on `today`: known
    /// before the deal is decoded (the head keeps the second it entered its stage).
    public func isArchived(_ head: DealHead, kind: StageKind?, today: Day, utcOffset: Int) -> Bool {
        guard let kind else { return false }
        return isArchived(entered: Day(head.stageEntered, utcOffset: utcOffset), kind: kind, today: today)
    }

    /// Whether a deal that entered a stage of `kind` on `entered` is archived on `today`.
    func isArchived(entered: Day, kind: StageKind, today: Day) -> Bool {
        guard days > 0, kind == .won || kind == .lost else { return false }
        return entered.adding(days: days) < today
    }
}
