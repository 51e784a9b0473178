import Foundation
import FunnelCore

/// The report screen (R17, R18): a period and, for managers, one seller or all.
public struct ReportScreen: Hashable, Sendable {
    public var period: ReportPeriod.Kind = .month
    /// nil: every seller the user may see.
    public var seller: String?
    public var scroll: Int = 0
    /// The figure chosen with Tab (the n-th line that opens a figure's deals), nil: none.
    public var selected: Int?
    /// The figures, computed when the period or seller changes (not on every frame).
    public var report: FunnelReport?

    public init(period: ReportPeriod.Kind = .month, seller: String? = nil) {
        self.period = period
        self.seller = seller
    }
}
