import Foundation
import FunnelCore

/// One deal's change on the board's columns: a removal and a binary-search insertion in the
/// affected columns only.
extension CardIndex {
    /// Puts one deal's new version in place (or removes it when `new` is nil or out of scope).
    /// False, nothing changed, when its title has no rank left between its neighbours' (build
    /// the index again).
    mutating func replace(
        old: Deal?, new: Deal?, stages: [Stage], scope: Scope, sort: CardOrder, actor: User, utcOffset: Int,
        currency: String, flagged: @escaping (String) -> Bool, isArchived: @Sendable (Deal, Stage) -> Bool = { _, _ in false }
    ) -> Bool {
        let sortTitle = new.map(CardOrder.sortTitle)
        var titleRank = 0
        if let sortTitle {
            guard let rank = titleRanking.rank(of: sortTitle) else { return false }
            titleRank = rank
        }
        recent = []
        var changed: [Int] = []
        if let id = old?.id ?? new?.id, let (c, p) = place(of: id, old: old, stages: stages, sort: sort, utcOffset: utcOffset) {
            remove(at: p, in: c)
            changed.append(c)
        }
        if let new, let sortTitle, Visibility.includes(new, scope: scope, actor: actor),
            let c = stages.firstIndex(where: { $0.id == new.stage })
        {
            let place = Place(stage: stages[c], currency: currency, utcOffset: utcOffset, archived: isArchived(new, stages[c]))
            // Its search text goes at the end of its column's.
            let (entry, card, inexact) = Self.card(new, place, titleRank: titleRank, texts: &texts[c])
            inexactWeighted[new.id] = inexact
            let key = sort.key(new, utcOffset: utcOffset, sortTitle: sortTitle)
            let query = CardQuery(needle: filter, withArchived: showsArchived || !filter.isEmpty, flagged: flag == nil ? nil : flagged)
            insert(entry, card, at: Self.insertionPoint(of: key, in: all[c], sort: sort, utcOffset: utcOffset), in: c, query: query)
            changed.append(c)
        }
        refreshDerived(columns: changed)
        return true
    }

    /// The column and row where `deal`'s card is shown, if it is (found by its key: no card read
    /// but the binary search's).
    func shownPlace(of deal: Deal, stages: [Stage], sort: CardOrder, utcOffset: Int) -> (column: Int, row: Int)? {
        guard let (c, p) = sortedPlace(of: deal, stages: stages, sort: sort, utcOffset: utcOffset) else { return nil }
        let k = Self.lowerBound(Int32(p), in: shown[c])
        return k < shown[c].count && shown[c][k] == Int32(p) ? (c, k) : nil
    }

    /// The column and position of `deal`'s card where its key puts it (binary search).
    private func sortedPlace(of deal: Deal, stages: [Stage], sort: CardOrder, utcOffset: Int) -> (Int, Int)? {
        guard let c = stages.firstIndex(where: { $0.id == deal.stage }), all.indices.contains(c) else { return nil }
        let p = Self.insertionPoint(of: sort.key(deal, utcOffset: utcOffset), in: all[c], sort: sort, utcOffset: utcOffset)
        return p < all[c].count && all[c][p].id == deal.id ? (c, p) : nil
    }

    /// The column and position of the card of `id`: where `old`'s key puts it, else anywhere (a
    /// reload may have moved it).
    private func place(of id: String, old: Deal?, stages: [Stage], sort: CardOrder, utcOffset: Int) -> (Int, Int)? {
        if let old, let found = sortedPlace(of: old, stages: stages, sort: sort, utcOffset: utcOffset) { return found }
        // The id's key first: a card's deal is read only when its key matches.
        let key = CardOrder.idKey(id)
        for c in all.indices {
            if let p = all[c].firstIndex(where: { $0.idKey == key && $0.id == id }) { return (c, p) }
        }
        return nil
    }

    /// Takes the card at position `p` of column `c` off, and off the shown positions.
    private mutating func remove(at p: Int, in c: Int) {
        // Its search text's bytes stay in `texts` until the columns are built again.
        all[c].remove(at: p)
        if facts[c].remove(at: p).has(Facts.archived) { archived[c] -= 1 }
        let k = Self.lowerBound(Int32(p), in: shown[c])
        if k < shown[c].count && shown[c][k] == Int32(p) { shown[c].remove(at: k) }
        for i in k..<shown[c].count { shown[c][i] -= 1 }
    }

    /// Puts `entry` and its facts `card` at position `p` of column `c`, and among the shown ones
    /// when `query` admits it.
    private mutating func insert(_ entry: Entry, _ card: Facts, at p: Int, in c: Int, query: CardQuery) {
        all[c].insert(entry, at: p)
        facts[c].insert(card, at: p)
        if card.has(Facts.archived) { archived[c] += 1 }
        let k = Self.lowerBound(Int32(p), in: shown[c])
        for i in k..<shown[c].count { shown[c][i] += 1 }
        if texts[c].withUnsafeBufferPointer({ query.admits(card, in: $0, id: entry.id) }) { shown[c].insert(Int32(p), at: k) }
    }

    /// The first index of `sorted` whose value is not below `value`.
    static func lowerBound(_ value: Int32, in sorted: [Int32]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Where a card of sort key `key` goes in a sorted column (binary search with the board's order).
    static func insertionPoint(of key: CardSortKey, in column: [Entry], sort: CardOrder, utcOffset: Int) -> Int {
        var low = 0, high = column.count
        while low < high {
            let mid = (low + high) / 2
            let other = column[mid]
            if sort.key(other.deal, utcOffset: utcOffset) < key {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low
    }
}
