import Foundation

/// How dates are written for people: ISO 8601 (English, and every command's data), or day
/// before month as Hebrew and Arabic write them (Western digits).
public enum DateStyle: Sendable, Hashable {
    /// 2026-11-26.
    case iso
    /// 26.11.2026, as in Israel.
    case dayMonthDot
    /// 26/11/2026, as in the Arab world.
    case dayMonthSlash

    /// The style of a language's UI.
    public static func of(_ language: Language) -> DateStyle {
        switch language {
        case .en: return .iso
        case .he: return .dayMonthDot
        case .ar: return .dayMonthSlash
        }
    }

    private var separator: String { self == .dayMonthDot ? "." : "/" }

    /// The whole date.
    public func full(_ day: Day) -> String {
        guard self != .iso else { return day.iso }
        let c = day.components
        return zeroPadded(c.day, 2) + separator + zeroPadded(c.month, 2) + separator + zeroPadded(c.year, 4)
    }

    /// Day and month only ("26.11"); the whole date in another year. ISO style: "Nov 26".
    public func short(_ day: Day, today: Day) -> String {
        let c = day.components
        guard c.year == today.components.year else { return full(day) }
        guard self != .iso else {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(months[c.month - 1]) \(c.day)"
        }
        return zeroPadded(c.day, 2) + separator + zeroPadded(c.month, 2)
    }
}
