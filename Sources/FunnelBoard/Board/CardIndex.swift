import Foundation
import FunnelCore

/// The board's columns as deal ids, sorted once and then kept up to date one change at a
/// time, so a key press costs the same with 100 deals as with 100,000.
///
/// `all` holds, per stage, the deals in scope in board order; `shown` is `all` after the text
/// and flag filters, without the archived cards (`ArchiveRule`) unless they are asked for or a
/// text is typed. Filtering narrows from the previous result while the filter text grows.
public struct CardIndex: Sendable {
    /// One card: its deal, what the filter searches, its value for the column's total and what
    /// every order compares. A class: columns, filters and sorts move one reference per card, not
    /// ten fields.
    final class Entry: Sendable {
        let id: String
        /// The id's first bytes as a number (`CardOrder.idKey`), so most ties of a sort compare no string.
        let idKey: UInt64
        /// The deal shown, so a sort looks none up.
        let deal: Deal
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
        /// The title as every order's tie-break compares it (`CardOrder.sortTitle`), and its rank
        /// among the index's titles (`TitleRanking`).
        let sortTitle: String
        let titleRank: Int
        /// What each order compares first.
        let figures: CardFigures

        init(_ deal: Deal, _ place: Place, sortTitle: String, titleRank: Int) {
            self.deal = deal
            self.sortTitle = sortTitle
            self.titleRank = titleRank
            archived = place.archived
            id = deal.id
            idKey = CardOrder.idKey(deal.id)
            figures = CardFigures(deal, utcOffset: place.utcOffset)
            haystack = SearchText.haystack(deal)
            let own = deal.currency == place.currency
            value = own ? deal.value : nil
            valueCents = own ? deal.hundredths : nil
            foreign = !own && deal.value != nil
            weightedCents = own ? WeightedValue.hundredths(of: deal, in: place.stage) : nil
            weighted = own ? weightedCents.map(Money.fromCents) ?? WeightedValue.of(deal, in: place.stage) : nil
        }
    }

    /// What a card's figures depend on beside its deal.
    struct Place {
        let stage: Stage
        let currency: String
        let utcOffset: Int
        let archived: Bool
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
    /// The ranks of the cards' titles, so a new card's title gets one (`TitleRanking`).
    private var titleRanking: TitleRanking
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
        var entries = Array(repeating: [Entry](), count: stages.count)
        archived = Array(repeating: 0, count: stages.count)
        let placed = deals.values.compactMap { deal in
            Visibility.includes(deal, scope: scope, actor: actor) ? position[deal.stage].map { (deal, $0, isArchived(deal, stages[$0])) } : nil
        }
        // The cards (folded titles and search texts) made on every core; the titles ranked once.
        let titles = parallelMap(placed, chunk: 1_024) { deal, _, _ in CardOrder.sortTitle(deal) }
        let (ranking, ranks) = TitleRanking.ranking(titles)
        titleRanking = ranking
        let made = parallelMap(Array(placed.indices), chunk: 1_024) { i in
            let (deal, c, old) = placed[i]
            let place = Place(stage: stages[c], currency: currency, utcOffset: utcOffset, archived: old)
            return Entry(deal, place, sortTitle: titles[i], titleRank: ranks[i])
        }
        for ((_, c, _), entry) in zip(placed, made) {
            if entry.archived { archived[c] += 1 }
            entries[c].append(entry)
        }
        all = entries.map { Self.sorted($0, by: sort) }
        active = unarchived(all)
        shown = unfiltered
        refreshDerived(columns: Array(all.indices))
    }

    /// `column` in `sort`'s order, by the figures each card keeps: no deal looked up, no title
    /// compared (their ranks are).
    static func sorted(_ column: [Entry], by sort: CardOrder) -> [Entry] {
        // One read of each card (they lie all over memory), its figures side by side.
        var inexact = false
        let cards = column.indices.map { i in
            let entry = column[i]
            inexact = inexact || entry.figures.needsExactValue
            return SortedCard(primary: entry.figures.primary(sort), title: entry.titleRank, id: entry.idKey, at: i)
        }
        let exacts = sort == .value && inexact ? column.map(\.deal.value) : nil
        return CardOrder.sortedPositions(cards, exacts: exacts, idPrecedes: { column[$0].id < column[$1].id }).map { column[$0] }
    }

    /// The same cards in another order (`s`): the cards and their figures kept, only sorted
    /// again; the same cards shown, so the totals stay.
    mutating func resort(_ sort: CardOrder, flagged: (String) -> Bool) {
        all = all.map { Self.sorted($0, by: sort) }
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
    /// a removal and a binary-search insertion in the affected columns only. False, nothing
    /// changed, when its title has no rank left between its neighbours' (build the index again).
    mutating func replace(
        old: Deal?, new: Deal?, stages: [Stage], scope: Scope, sort: CardOrder, actor: User, utcOffset: Int,
        currency: String, flagged: (String) -> Bool, isArchived: (Deal, Stage) -> Bool = { _, _ in false }
    ) -> Bool {
        let sortTitle = new.map(CardOrder.sortTitle)
        var titleRank = 0
        if let sortTitle {
            guard let rank = titleRanking.rank(of: sortTitle) else { return false }
            titleRank = rank
        }
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
        if let new, let sortTitle, Visibility.includes(new, scope: scope, actor: actor),
            let c = stages.firstIndex(where: { $0.id == new.stage })
        {
            let place = Place(stage: stages[c], currency: currency, utcOffset: utcOffset, archived: isArchived(new, stages[c]))
            let entry = Entry(new, place, sortTitle: sortTitle, titleRank: titleRank)
            let key = sort.key(new, utcOffset: utcOffset, sortTitle: sortTitle)
            if entry.archived { archived[c] += 1 }
            all[c].insert(entry, at: Self.insertionPoint(of: key, in: all[c], sort: sort, utcOffset: utcOffset))
            if !entry.archived {
                active[c].insert(entry, at: Self.insertionPoint(of: key, in: active[c], sort: sort, utcOffset: utcOffset))
            }
            if admits(entry) && SearchText.matches(entry.haystack, folded: filter) && (flag == nil || flagged(new.id)) {
                let j = Self.insertionPoint(of: key, in: shown[c], sort: sort, utcOffset: utcOffset)
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
        return true
    }

    /// Where a card of sort key `key` goes in a sorted column (binary search with the board's order).
    static func insertionPoint(of key: CardSortKey, in column: [Entry], sort: CardOrder, utcOffset: Int) -> Int {
        var low = 0, high = column.count
        while low < high {
            let mid = (low + high) / 2
            let other = column[mid]
            if sort.key(other.deal, utcOffset: utcOffset, sortTitle: other.sortTitle) < key {
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
