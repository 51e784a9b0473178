import Foundation
import FunnelCore

/// The board's columns as deal ids, sorted once and then kept up to date one change at a
/// time, so a key press costs the same with 100 deals as with 100,000.
///
/// `all` holds, per stage, the deals in scope in board order; `shown` is `all` after the text
/// and flag filters, without the archived cards (`ArchiveRule`) unless they are asked for or a
/// text is typed. Filtering narrows from the previous result while the filter text grows.
public struct CardIndex: Sendable {
    /// One card: its id, what the filter searches, and its value for the column's total. A
    /// class: columns, filters and sorts move one reference per card, not seven fields.
    final class Entry: Sendable {
        let id: String
        /// What the text filter searches (`SearchText.haystack`).
        let haystack: String
        /// The value when in the pipeline's currency.
        let value: Decimal?
        /// Whether the deal has a value in another currency (not summed).
        let foreign: Bool
        /// `value` in hundredths, when it has them (`Deal.hundredths`).
        let valueCents: UInt64?
        /// Its weighted value (`WeightedValue`) when in the pipeline's currency.
        let weighted: Decimal?
        /// `weighted` in hundredths, when it has them.
        let weightedCents: UInt64?
        /// Closed long ago (`ArchiveRule`): off the columns unless asked for or searched.
        let archived: Bool
        /// The title as every order's tie-break compares it (`CardOrder.sortTitle`).
        let sortTitle: String

        init(_ deal: Deal, currency: String, stage: Stage?, archived: Bool) {
            self.archived = archived
            id = deal.id
            sortTitle = CardOrder.sortTitle(deal)
            haystack = SearchText.haystack(deal)
            let own = deal.currency == currency
            value = own ? deal.value : nil
            valueCents = own ? deal.hundredths : nil
            foreign = !own && deal.value != nil
            weightedCents = own ? WeightedValue.hundredths(of: deal, in: stage) : nil
            weighted = own ? weightedCents.map(Money.fromCents) ?? WeightedValue.of(deal, in: stage) : nil
        }
    }

    private(set) var all: [[Entry]] = []
    /// `all` without the archived cards, kept beside it so clearing the filter is a copy, not a pass.
    private var active: [[Entry]] = []
    private(set) var shown: [[Entry]] = []
    /// The ids on screen, per stage, in order.
    public private(set) var ids: [[String]] = []
    /// Per stage: the sum of shown values in the pipeline's currency, and whether others exist.
    public private(set) var totals: [Decimal] = []
    public private(set) var foreign: [Int] = []
    /// Per stage: the sum of shown weighted values in the pipeline's currency (the forecast).
    public private(set) var weighted: [Decimal] = []
    /// Per stage: how many shown cards have a weighted value (their own probability or their stage's).
    public private(set) var weightedCount: [Int] = []
    /// Per stage: the archived cards in scope, shown or not.
    public private(set) var archived: [Int] = []
    /// Whether archived cards are shown without a text filter (`z`).
    public private(set) var showsArchived = false
    private var filter = ""
    private var flag: CardNarrowing?
    /// Recent filter results by needle, so deleting a character (or typing it again) is instant.
    private var recent: [(needle: String, shown: [[Entry]])] = []
    static let recentLimit = 12

    /// Sorts and groups every deal in scope; `isArchived` tells the cards kept off the columns.
    init(
        deals: [String: Deal], stages: [Stage], scope: Scope, sort: CardOrder, actor: User, utcOffset: Int, currency: String,
        isArchived: (Deal, Stage) -> Bool = { _, _ in false }
    ) {
        let position = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.id, $0) })
        var keys = Array(repeating: [CardSortKey](), count: stages.count)
        var entries = Array(repeating: [Entry](), count: stages.count)
        archived = Array(repeating: 0, count: stages.count)
        let placed = deals.values.compactMap { deal in
            Visibility.includes(deal, scope: scope, actor: actor) ? position[deal.stage].map { (deal, $0, isArchived(deal, stages[$0])) } : nil
        }
        // The cards (folded titles and search texts) made on every core.
        let made = parallelMap(placed, chunk: 1_024) { deal, c, old in
            let entry = Entry(deal, currency: currency, stage: stages[c], archived: old)
            return (entry, sort.key(deal, utcOffset: utcOffset, sortTitle: entry.sortTitle))
        }
        for ((_, c, _), (entry, key)) in zip(placed, made) {
            keys[c].append(key)
            if entry.archived { archived[c] += 1 }
            entries[c].append(entry)
        }
        // Sort positions, not values: nothing but integers moves while sorting.
        all = stages.indices.map { c in CardOrder.sortedPositions(keys[c]).map { entries[c][$0] } }
        active = unarchived(all)
        shown = unfiltered
        refreshDerived(columns: Array(all.indices))
    }

    /// The same cards in another order (`s`): the entries and their folded search text kept, only
    /// the sort keys computed again; the same cards shown, so the totals stay. False, nothing
    /// changed, when a card's deal is not found.
    mutating func resort(_ sort: CardOrder, utcOffset: Int, lookup: (String) -> Deal?, flagged: (String) -> Bool) -> Bool {
        var sorted: [[Entry]] = []
        for column in all {
            var keys: [CardSortKey] = []
            keys.reserveCapacity(column.count)
            for entry in column {
                guard let deal = lookup(entry.id) else { return false }
                keys.append(sort.key(deal, utcOffset: utcOffset, sortTitle: entry.sortTitle))
            }
            sorted.append(CardOrder.sortedPositions(keys).map { column[$0] })
        }
        all = sorted
        active = unarchived(all)
        recent = []
        if filter.isEmpty && flag == nil {
            shown = unfiltered
        } else {
            let needle = filter, flag = self.flag
            shown = all.map { column in
                column.filter { admits($0) && SearchText.matches($0.haystack, folded: needle) && (flag == nil || flagged($0.id)) }
            }
        }
        ids = shown.map { $0.map(\.id) }
        return true
    }

    /// `columns` without their archived cards (a column without any is shared, not copied).
    private func unarchived(_ columns: [[Entry]]) -> [[Entry]] {
        columns.indices.map { c in archived[c] == 0 ? columns[c] : columns[c].filter { !$0.archived } }
    }

    /// The columns without a filter: without their archived cards unless those are shown.
    private var unfiltered: [[Entry]] { showsArchived ? all : active }

    /// Whether a card of `entry`'s kind is shown with the current text: archived cards only when
    /// asked for or searched.
    private func admits(_ entry: Entry) -> Bool {
        !entry.archived || showsArchived || !filter.isEmpty
    }

    /// Applies the text and flag filters. While the text only grows, the previous result is narrowed.
    /// Archived cards are shown when `showArchived`, or matched when a text is typed.
    mutating func refilter(_ text: String, flag: CardNarrowing?, showArchived: Bool = false, flagged: (String) -> Bool) {
        let needle = SearchText.fold(text.trimmingCharacters(in: .whitespaces))
        if flag != self.flag || showArchived != showsArchived { recent = [] }
        let narrowing = flag == self.flag && showArchived == showsArchived && needle.hasPrefix(filter) && !filter.isEmpty
        showsArchived = showArchived
        let withArchived = showArchived || !needle.isEmpty
        if needle.isEmpty && flag == nil {
            shown = unfiltered
        } else if flag == self.flag, let cached = recent.last(where: { $0.needle == needle }) {
            shown = cached.shown
        } else {
            let source = narrowing ? shown : all
            shown = source.map { column in
                column.filter {
                    (withArchived || !$0.archived) && SearchText.matches($0.haystack, folded: needle) && (flag == nil || flagged($0.id))
                }
            }
            recent.append((needle, shown))
            if recent.count > Self.recentLimit { recent.removeFirst() }
        }
        filter = needle
        self.flag = flag
        refreshDerived(columns: Array(shown.indices))
    }

    /// Puts one deal's new version in place (or removes it when `new` is nil or out of scope):
    /// a removal and a binary-search insertion in the affected columns only.
    mutating func replace(
        old: Deal?, new: Deal?, stages: [Stage], scope: Scope, sort: CardOrder, actor: User, utcOffset: Int,
        currency: String, lookup: (String) -> Deal?, flagged: (String) -> Bool,
        isArchived: (Deal, Stage) -> Bool = { _, _ in false }
    ) {
        let id = old?.id ?? new?.id ?? ""
        recent = []
        // Where the old version stood: its stage's column first, then anywhere (a reload may have moved it).
        let hint = old.flatMap { o in stages.firstIndex { $0.id == o.stage } }
        let candidates = hint.map { [$0] + all.indices.filter { $0 != hint } } ?? Array(all.indices)
        for c in candidates {
            guard let i = all[c].firstIndex(where: { $0.id == id }) else { continue }
            if all[c].remove(at: i).archived {
                archived[c] -= 1
            } else if let k = active[c].firstIndex(where: { $0.id == id }) {
                active[c].remove(at: k)
            }
            if let j = shown[c].firstIndex(where: { $0.id == id }) {
                let entry = shown[c].remove(at: j)
                ids[c].remove(at: j)
                if let value = entry.value { totals[c] -= value }
                if let value = entry.weighted {
                    weighted[c] -= value
                    weightedCount[c] -= 1
                }
                if entry.foreign { foreign[c] -= 1 }
            }
            break
        }
        if let new, Visibility.includes(new, scope: scope, actor: actor), let c = stages.firstIndex(where: { $0.id == new.stage }) {
            let entry = Entry(new, currency: currency, stage: stages[c], archived: isArchived(new, stages[c]))
            if entry.archived { archived[c] += 1 }
            all[c].insert(entry, at: Self.insertionPoint(of: new, in: all[c], sort: sort, utcOffset: utcOffset, lookup: lookup))
            if !entry.archived {
                active[c].insert(entry, at: Self.insertionPoint(of: new, in: active[c], sort: sort, utcOffset: utcOffset, lookup: lookup))
            }
            if admits(entry) && SearchText.matches(entry.haystack, folded: filter) && (flag == nil || flagged(new.id)) {
                let j = Self.insertionPoint(of: new, in: shown[c], sort: sort, utcOffset: utcOffset, lookup: lookup)
                shown[c].insert(entry, at: j)
                ids[c].insert(entry.id, at: j)
                if let value = entry.value { totals[c] += value }
                if let value = entry.weighted {
                    weighted[c] += value
                    weightedCount[c] += 1
                }
                if entry.foreign { foreign[c] += 1 }
            }
        }
    }

    /// Where `deal` goes in a sorted column (binary search with the board's order).
    static func insertionPoint(
        of deal: Deal, in column: [Entry], sort: CardOrder, utcOffset: Int,
        lookup: (String) -> Deal?
    ) -> Int {
        var low = 0, high = column.count
        while low < high {
            let mid = (low + high) / 2
            if let other = lookup(column[mid].id), sort.precedes(other, deal, utcOffset: utcOffset) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low
    }

    private mutating func refreshDerived(columns: [Int]) {
        if ids.count != shown.count {
            ids = Array(repeating: [], count: shown.count)
            totals = Array(repeating: 0, count: shown.count)
            weighted = Array(repeating: 0, count: shown.count)
            weightedCount = Array(repeating: 0, count: shown.count)
            foreign = Array(repeating: 0, count: shown.count)
        }
        for c in columns {
            ids[c] = shown[c].map(\.id)
            var sum = MoneySum(), weightedSum = MoneySum()
            var others = 0, weightedCards = 0
            for entry in shown[c] {
                if let value = entry.value { sum.add(hundredths: entry.valueCents, value) }
                if let value = entry.weighted {
                    weightedSum.add(hundredths: entry.weightedCents, value)
                    weightedCards += 1
                }
                if entry.foreign { others += 1 }
            }
            totals[c] = sum.value
            weighted[c] = weightedSum.value
            weightedCount[c] = weightedCards
            foreign[c] = others
        }
    }
}

/// What narrows the cards beside the text: a flag, a priority (`f`); nil fields narrow nothing.
struct CardNarrowing: Hashable, Sendable {
    var flag: DealFlag?
    var priority: Priority?

    /// nil when neither is set, so an unfiltered board is never tested card by card.
    static func of(flag: DealFlag?, priority: Priority?) -> CardNarrowing? {
        flag == nil && priority == nil ? nil : CardNarrowing(flag: flag, priority: priority)
    }
}
