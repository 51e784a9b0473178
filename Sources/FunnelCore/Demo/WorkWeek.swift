import Foundation

/// The days and hours a demo team works: when leads arrive and when reps call.
/// Times are whole seconds of local time (seconds since 1970 plus the UTC offset), so the
/// simulation needs no Calendar and every date it makes reads back exactly from a file.
public struct WorkWeek: Hashable, Sendable {
    /// Working weekdays as `Day.weekday` numbers (0 Monday … 6 Sunday).
    public var days: Set<Int>
    /// First and last working hour of a day, local time: work runs from `opens`:00 to `closes`:00.
    public var opens: Int
    public var closes: Int

    public init(days: Set<Int>, opens: Int = 8, closes: Int = 18) {
        self.days = days.isEmpty ? [0, 1, 2, 3, 4] : days
        self.opens = max(0, min(opens, 23))
        self.closes = max(self.opens + 1, min(closes, 24))
    }

    /// Sunday to Thursday, as an Israeli team works (the demo's default).
    public static let sundayToThursday = WorkWeek(days: [6, 0, 1, 2, 3])
    /// Monday to Friday.
    public static let mondayToFriday = WorkWeek(days: [0, 1, 2, 3, 4])

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses `sun-thu`, `mon-fri` (any first-last range of three-letter weekdays, wrapping
    /// over the week's end) or a comma list `sun,mon,tue`; nil for anything else.
    public static func parse(_ text: String) -> WorkWeek? {
        let words = text.lowercased().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if words.count == 1, let dash = text.firstIndex(of: "-") {
            let lower = text.lowercased()
            guard let first = weekdayNames.firstIndex(of: String(lower[..<dash])),
                let last = weekdayNames.firstIndex(of: String(lower[lower.index(after: dash)...]))
            else { return nil }
            let count = (last - first + 7) % 7 + 1
            return WorkWeek(days: Set((0..<count).map { (first + $0) % 7 }))
        }
        let days = words.map { weekdayNames.firstIndex(of: $0.trimmingCharacters(in: .whitespaces)) }
        guard !days.isEmpty, days.allSatisfy({ $0 != nil }) else { return nil }
        return WorkWeek(days: Set(days.compactMap { $0 }))
    }

    /// Whether `day` is a working day.
    public func isWorking(_ day: Day) -> Bool { days.contains(day.weekday) }

    /// The first working day on or after `day`.
    func workingDay(onOrAfter day: Day) -> Day {
        var d = day
        while !isWorking(d) { d = d.adding(days: 1) }
        return d
    }

    /// The working day `count` working days after `day` (count ≥ 1).
    func workingDay(_ count: Int, after day: Day) -> Day {
        var d = day
        for _ in 0..<max(1, count) { d = workingDay(onOrAfter: d.adding(days: 1)) }
        return d
    }

    /// `local` if it falls in working hours, else the start of the next working stretch.
    func snap(_ local: Int) -> Int {
        let day = Day(daysSinceEpoch: Self.floorDiv(local, 86_400))
        let second = local - day.daysSinceEpoch * 86_400
        if isWorking(day), second >= opens * 3_600, second < closes * 3_600 { return local }
        let next = isWorking(day) && second < opens * 3_600 ? day : workingDay(onOrAfter: day.adding(days: 1))
        return next.daysSinceEpoch * 86_400 + opens * 3_600
    }

    /// `local` if it falls in working hours, else the end of the last working stretch before it.
    func snapBack(_ local: Int) -> Int {
        let day = Day(daysSinceEpoch: Self.floorDiv(local, 86_400))
        let second = local - day.daysSinceEpoch * 86_400
        if isWorking(day), second >= opens * 3_600, second < closes * 3_600 { return local }
        var previous = isWorking(day) && second >= closes * 3_600 ? day : day.adding(days: -1)
        while !isWorking(previous) { previous = previous.adding(days: -1) }
        return previous.daysSinceEpoch * 86_400 + closes * 3_600 - 60
    }

    /// Seconds of work in a day.
    var dayLength: Int { (closes - opens) * 3_600 }

    /// The local second `offset` seconds into `day`'s working hours.
    func moment(_ day: Day, offset: Int) -> Int { day.daysSinceEpoch * 86_400 + opens * 3_600 + offset }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
