import Foundation

/// How much a deal matters now: high, normal or low. R13's stuck prompt offers "lower its
/// priority"; `list --sort priority` puts high first.
public enum Priority: String, Codable, CaseIterable, Sendable, Comparable {
    case high, normal, low

    /// Every deal starts at normal; older files without a priority read as normal.
    public static let `default` = Priority.normal

    /// 0 for high, 1 normal, 2 low: the order `list --sort priority` shows.
    public var rank: Int { Priority.allCases.firstIndex(of: self)! }

    /// The next lower priority, or nil at low.
    public var lower: Priority? { rank + 1 < Priority.allCases.count ? Priority.allCases[rank + 1] : nil }

    /// Parses `high`, `normal`, `low`, case-insensitively, with surrounding spaces.
    public init?(text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.rank > b.rank }
}
