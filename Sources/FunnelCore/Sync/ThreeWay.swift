import Foundation

/// The three-way rules every merge of funnel data is made of: a value changed on one side takes
/// that side; changed on both sides to different values it is a conflict, which the caller
/// settles. Without a base (both sides created the thing) any difference is a conflict.
public enum ThreeWay {
    /// The merged value, or nil when both sides changed it differently.
    public static func pick<T: Equatable>(base: T?, ours: T, theirs: T) -> T? {
        if ours == theirs { return ours }
        guard let base else { return nil }
        if ours == base { return theirs }
        if theirs == base { return ours }
        return nil
    }

    /// A set merged element by element: what either side added is in, what either side removed
    /// (and the other kept unchanged) is out.
    public static func set<T: Hashable>(base: Set<T>?, ours: Set<T>, theirs: Set<T>) -> Set<T> {
        guard let base else { return ours.union(theirs) }
        return ours.intersection(theirs).union(ours.subtracting(base)).union(theirs.subtracting(base))
    }

    /// A list kept in order where either side removed or added entries: `ours`' order, with
    /// `theirs`' additions appended, and entries removed on one side (present in `base`) left out.
    public static func list<T: Hashable>(base: [T]?, ours: [T], theirs: [T]) -> [T] {
        let kept = ThreeWay.set(base: base.map { Set($0) }, ours: Set(ours), theirs: Set(theirs))
        var out: [T] = []
        for item in ours + theirs where kept.contains(item) && !out.contains(item) { out.append(item) }
        return out
    }

    /// Two timelines as one, never losing an entry: every entry of either side, an entry present
    /// on both sides once (as many times as the side that has it most), ordered by time; entries
    /// at the same time keep `ours`' order, then `theirs`'.
    public static func timeline<T: Hashable>(_ ours: [T], _ theirs: [T], at time: (T) -> Date) -> [T] {
        var unmatched: [T: Int] = [:]
        for item in ours { unmatched[item, default: 0] += 1 }
        var all = ours
        for item in theirs {
            if let count = unmatched[item], count > 0 {
                unmatched[item] = count - 1
            } else {
                all.append(item)
            }
        }
        return all.enumerated()
            .sorted { time($0.element) != time($1.element) ? time($0.element) < time($1.element) : $0.offset < $1.offset }
            .map(\.element)
    }
}
