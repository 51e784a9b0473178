import Foundation

/// What a person types for a date, read against today: the one parser behind `--next`, the
/// board's prompts and the new-deal form.
///
/// - `t`, `today`, `now`; `m`, `tomorrow`; `yesterday`
/// - `+3` (days), `+3d`, `+2w`, `-1d`
/// - a weekday, full or short (`fri`, `Friday`): the next one after today
/// - an ISO date (`2026-12-01`), or an ISO date-time (its date part)
public enum QuickDate {
    /// Weekday names from Monday, with the short forms people type.
    static let weekdays: [[String]] = [
        ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thur", "thurs"],
        ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
    ]

    /// The day `text` names, or nil when it is not a date.
    public static func parse(_ text: String, today: Day) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "t", "today", "now": return today
        case "m", "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let days = relative(t) { return today.adding(days: days) }
        if let weekday = weekdays.firstIndex(where: { $0.contains(t) }) {
            let ahead = (weekday - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        if let day = Day(iso: t) { return day }
        // A date-time: its date part, when the time of day exists (no T25:00).
        if t.count > 10, let tIndex = t.firstIndex(of: "t"), let day = Day(iso: String(t[..<tIndex])),
            Timestamp.isTimeOfDay(t[t.index(after: tIndex)...])
        {
            return day
        }
        return nil
    }

    /// `day` as a person would type it (the board prefills a proposal this way): "today",
    /// "tomorrow", "+2d" up to "+99d", else the ISO date. `parse` reads it back.
    public static func typed(_ day: Day, today: Day) -> String {
        switch day.daysSinceEpoch - today.daysSinceEpoch {
        case 0: return "today"
        case 1: return "tomorrow"
        case let n where n > 1 && n < 100: return "+\(n)d"
        default: return day.iso
        }
    }

    /// Days from today for `+N`, `+Nd`, `+Nw`, `-Nd`, `-Nw` (N up to 36,500), or nil.
    static func relative(_ t: String) -> Int? {
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        var body = t.dropFirst()
        var unit = 1
        if let last = body.last, last == "d" || last == "w" {
            unit = last == "w" ? 7 : 1
            body = body.dropLast()
        }
        guard !body.isEmpty, body.count <= 5, body.allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(body), n <= 36_500
        else { return nil }
        return unit * n * (sign == "-" ? -1 : 1)
    }
}

extension Day {
    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSinceEpoch + 3) % 7 + 7) % 7 }

    /// "Mon" … "Sun".
    public var weekdayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday] }
}
