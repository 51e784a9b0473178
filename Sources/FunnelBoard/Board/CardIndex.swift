import Foundation
import FunnelCore

/// The board's columns as deal ids, sorted once and then kept up to date one change at a
/// time, so a key press costs the same with 100 deals as with 100,000.
///
/// `all` holds, per stage, the deals in scope in board order, and `facts` what a filter and a
/// total read of each (`Facts`); `shown` is the positions in `all` left after the text and flag
/// filters, without the archived cards (`ArchiveRule`) unless they are asked for or a text is
/// typed. Filtering narrows from the previous result while the filter text grows.
public struct CardIndex: Sendable {
    var all: [[Entry]] = []
    var facts: [[Facts]] = []
    /// Per stage, the cards' search texts (`SearchText.haystack`) one after another (`Facts`
    /// says where each lies): a search reads them side by side, not from 100,000 strings. A card
    /// taken off leaves its bytes; a new one adds its own at the end. Made after the columns
    /// (`prepareSearch`): not before the board's first frame, which needs none of them.
    var texts: [[UInt8]] = []
    /// Whether every card's search text is in `texts`; until then only cards put in since the
    /// columns were built have theirs, and a text filter makes them all first.
    public private(set) var searchReady = false
    /// Per stage, the positions in `all` of the cards shown, ascending.
    var shown: [[Int32]] = []
    /// Per stage: the sum of shown values in the pipeline's currency, and whether others exist.
    public private(set) var totals: [Decimal] = []
    public private(set) var foreign: [Int] = []
    /// Per stage: the sum of shown weighted values in the pipeline's currency (the forecast).
    public private(set) var weighted: [Decimal] = []
    /// Per stage: how many shown cards have a weighted value (their own probability or their stage's).
    public private(set) var weightedCount: [Int] = []
    /// Per stage: the archived cards in scope, shown or not.
    public internal(set) var archived: [Int] = []
    /// Whether archived cards are shown without a text filter (`z`).
    public private(set) var showsArchived = false
    var filter = ""
    var flag: CardNarrowing?
    /// Recent filter results by needle, so deleting a character (or typing it again) is instant.
    var recent: [(needle: String, shown: [[Int32]])] = []
    static let recentLimit = 12
    /// The ranks of the cards' titles, so a new card's title gets one (`TitleRanking`).
    var titleRanking: TitleRanking
    /// The weighted values a total cannot take in hundredths (`Facts.weightedInCents` unset), by
    /// deal id: rare, so not kept by every card. An id's value is set again whenever its card is.
    var inexactWeighted: [String: Decimal] = [:]

    /// Whether a deal, in scope or not, is in a stage `stages` lacks (it has no card then): the
    /// board builds its columns again with a column for each such stage (`missingStages`).
    public private(set) var strays = false

    /// Sorts and groups every deal in scope; `isArchived` tells the cards kept off the columns.
    init(
        deals: [String: Deal], stages: [Stage], scope: Scope, sort: CardOrder, actor: User, utcOffset: Int, currency: String,
        isArchived: @Sendable (Deal, Stage) -> Bool = { _, _ in false }
    ) {
        let position = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.id, $0) })
        // Every deal once, in the dictionary's order: the passes below index it, none copies a
        // deal again (a copy touches the deal's count, and the deals lie all over memory).
        let values = Array(deals.values)
        // Each deal's place, looked up on every core (`Self.placeCode`).
        let looked = parallelMap(Array(values.indices), chunk: 4_096) { i in
            Self.placeCode(values[i], position: position, stages: stages, scope: scope, actor: actor, isArchived: isArchived)
        }
        strays = looked.contains(Self.stray)
        let placed = looked.indices.filter { looked[$0] >= 0 }
        // The cards made on every core, a piece at a time; the titles ranked once.
        let (ranking, ranks) = TitleRanking.ranking(count: placed.count) { values[placed[$0]].title }
        titleRanking = ranking
        let pieces = parallelMap(Array(stride(from: 0, to: placed.count, by: Self.cardPiece)), chunk: 1) { start in
            var piece = Piece()
            for i in start..<min(placed.count, start + Self.cardPiece) {
                let code = Int(looked[placed[i]])
                let place = Place(stage: stages[code / 2], currency: currency, utcOffset: utcOffset, archived: code % 2 == 1)
                let made = Self.card(values[placed[i]], place, titleRank: ranks[i])
                piece.entries.append(made.entry)
                piece.facts.append(made.facts)
                if let inexact = made.inexactWeighted { piece.inexact.append((made.entry.id, inexact)) }
            }
            return piece
        }
        for piece in pieces { for (id, inexact) in piece.inexact { inexactWeighted[id] = inexact } }
        // Each column's cards (by their number among all cards), then sorted on every core.
        var members = Array(repeating: [Int32](), count: stages.count)
        for (i, p) in placed.enumerated() { members[Int(looked[p]) / 2].append(Int32(i)) }
        let laidOut = parallelMap(members, chunk: 1) { column in Self.laidOut(column, of: pieces, by: sort) }
        all = laidOut.map(\.entries)
        facts = laidOut.map(\.facts)
        texts = Array(repeating: [], count: facts.count)
        archived = facts.map { column in column.reduce(0) { $0 + ($1.has(Facts.archived) ? 1 : 0) } }
        shown = facts.indices.map(unfiltered)
        refreshDerived(columns: Array(all.indices))
    }

    /// Every card's search text made (on every core), once after the columns were built: the
    /// board does it after drawing its first frame, and a text filter before it searches.
    public mutating func prepareSearch() {
        guard !searchReady else { return }
        for c in all.indices { texts[c] = Self.searchTexts(all[c], &facts[c]) }
        searchReady = true
    }

    /// No columns, no cards.
    static let none = CardIndex(
        deals: [:], stages: [], scope: .mine, sort: .due, actor: User(account: "", name: "", role: .rep), utcOffset: 0, currency: "")

    /// `placeCode` of a deal in a stage the columns lack (it has no card, in scope or not).
    static let stray: Int32 = -1

    /// Where a deal's card goes: twice its column, plus one when it is archived; `stray`, or -2
    /// when it is out of scope.
    static func placeCode(
        _ deal: Deal, position: [String: Int], stages: [Stage], scope: Scope, actor: User,
        isArchived: (Deal, Stage) -> Bool
    ) -> Int32 {
        guard let c = position[deal.stage] else { return stray }
        guard Visibility.includes(deal, scope: scope, actor: actor) else { return -2 }
        return Int32(c * 2 + (isArchived(deal, stages[c]) ? 1 : 0))
    }

    /// The cards made on one core at the opening: their entries and facts (without search texts)
    /// in the order made, and the weighted values not in hundredths by id.
    struct Piece: Sendable {
        var entries: [Entry] = []
        var facts: [Facts] = []
        var inexact: [(String, Decimal)] = []
    }

    /// The positions of `column`'s cards in `sort`'s order, by the figures each card keeps: no
    /// deal looked up, no title compared (their ranks are).
    static func order(_ column: [Entry], by sort: CardOrder) -> [Int] {
        order(count: column.count, by: sort) { column[$0] }
    }

    /// The positions of `count` cards, card `i` being `card(i)`, in `sort`'s order.
    static func order(count: Int, by sort: CardOrder, card: (Int) -> Entry) -> [Int] {
        // One read of each card, its figures side by side.
        var inexact = false
        let cards = (0..<count).map { i in
            let entry = card(i)
            inexact = inexact || entry.figures.needsExactValue
            return SortedCard(primary: entry.figures.primary(sort), title: entry.titleRank, id: entry.idKey, at: i)
        }
        let exacts = sort == .value && inexact ? (0..<count).map { card($0).deal.value } : nil
        return CardOrder.sortedPositions(cards, exacts: exacts, idPrecedes: { card($0).id < card($1).id })
    }

    /// Cards made per core at a time at the opening.
    static let cardPiece = 1_024

    /// One column's cards — numbered among all cards made, `cardPiece` to a piece — in `sort`'s
    /// order, with their facts (no search texts yet: `searchTexts`).
    static func laidOut(_ column: [Int32], of pieces: [Piece], by sort: CardOrder) -> (entries: [Entry], facts: [Facts]) {
        // Read from the pieces where they were made, each copied once: into its place in order.
        func entry(_ k: Int) -> Entry { pieces[Int(column[k]) / cardPiece].entries[Int(column[k]) % cardPiece] }
        let order = Self.order(count: column.count, by: sort, card: entry)
        let facts = order.map { k in
            let i = Int(column[k])
            return pieces[i / cardPiece].facts[i % cardPiece]
        }
        return (order.map(entry), facts)
    }

    /// A column's search texts, its cards' one after another in its order, and their `facts` told
    /// where each lies: made on every core a piece at a time (one column often holds most cards),
    /// each piece straight into its room in the one buffer, then the pieces moved together; no
    /// text is held twice.
    static func searchTexts(_ column: [Entry], _ facts: inout [Facts]) -> [UInt8] {
        let starts = Array(stride(from: 0, to: column.count, by: cardPiece))
        // Each piece's room (found on every core): its texts as given, and a little more for a
        // folding that lengthens one.
        let given = parallelMap(starts, chunk: 1) { start in
            column[start..<min(column.count, start + cardPiece)].reduce(0) { $0 + SearchText.haystackRoom($1.deal) }
        }
        var ends = [0]
        for room in given { ends.append(ends[ends.count - 1] + room + room / 32 + 64) }
        let rooms = ends, total = ends[ends.count - 1]
        var overflowed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            let used = facts.withUnsafeMutableBufferPointer { facts in
                nonisolated(unsafe) let facts = facts
                return parallelMap(Array(starts.indices), chunk: 1) { j in
                    Self.searchTexts(column, from: starts[j], into: out, at: rooms[j]..<rooms[j + 1], facts: facts)
                }
            }
            guard used.allSatisfy({ $0 != nil }) else {
                overflowed = true
                initialized = 0
                return
            }
            // The pieces moved together, each card told where its text now lies.
            var end = 0
            for (j, start) in starts.enumerated() {
                let count = used[j] ?? 0, shift = UInt32(rooms[j] - end)
                if shift > 0 { (out.baseAddress! + end).update(from: out.baseAddress! + rooms[j], count: count) }
                for k in start..<min(column.count, start + cardPiece) { facts[k].textStart -= shift }
                end += count
            }
            initialized = end
        }
        guard overflowed else { return bytes }
        var texts: [UInt8] = []
        for k in column.indices { facts[k].search(column[k].deal, in: &texts) }
        return texts
    }

    /// The search texts of `column`'s piece from `start` written into `out` within `room`, each
    /// card's facts told where its text lies; how many bytes they took, or nil when they did not fit.
    private static func searchTexts(
        _ column: [Entry], from start: Int, into out: UnsafeMutableBufferPointer<UInt8>, at room: Range<Int>,
        facts: UnsafeMutableBufferPointer<Facts>
    ) -> Int? {
        var scratch: [UInt8] = [], cursor = room.lowerBound
        for k in start..<min(column.count, start + cardPiece) {
            let deal = column[k].deal
            // Most texts are folded straight into their place; one Foundation must fold, through
            // an array of its own.
            if let count = SearchText.writeHaystack(of: deal, into: out.baseAddress! + cursor, room: room.upperBound - cursor) {
                let text = UnsafeBufferPointer(start: out.baseAddress! + cursor, count: count)
                (facts[k].mask, facts[k].textStart, facts[k].textCount) = (SearchMask.of(bytes: text), UInt32(cursor), UInt32(count))
                cursor += count
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            facts[k].search(column[k].deal, in: &scratch)
            guard scratch.count <= room.upperBound - cursor else { return nil }
            _ = UnsafeMutableBufferPointer(rebasing: out[cursor..<cursor + scratch.count]).initialize(from: scratch)
            facts[k].textStart = UInt32(cursor)
            cursor += scratch.count
        }
        return cursor - room.lowerBound
    }

    /// The same cards in another order (`s`): the cards and their figures kept, only sorted
    /// again; the same cards shown, so the totals stay, unless a flag narrows them: a flag can
    /// change with the time, so those cards are tested again, as a board opened now would.
    mutating func resort(_ sort: CardOrder, flagged: @escaping (String) -> Bool) {
        for c in all.indices {
            let order = Self.order(all[c], by: sort)
            var wasShown = [Bool](repeating: false, count: all[c].count)
            for p in shown[c] { wasShown[Int(p)] = true }
            all[c] = order.map { all[c][$0] }
            facts[c] = order.map { facts[c][$0] }
            shown[c] = order.indices.compactMap { wasShown[order[$0]] ? Int32($0) : nil }
        }
        recent = []
        guard flag != nil else { return }
        let query = CardQuery(needle: filter, withArchived: showsArchived || !filter.isEmpty, flagged: flagged)
        shown = all.indices.map { matching($0, among: nil, query) }
        refreshDerived(columns: Array(all.indices))
    }

    /// How many cards column `c` shows.
    public func count(_ c: Int) -> Int { shown.indices.contains(c) ? shown[c].count : 0 }

    /// The id of the card shown at `row` of column `c`.
    public func id(_ c: Int, _ row: Int) -> String { all[c][Int(shown[c][row])].id }

    /// The ids of each column's shown cards, in order.
    public var ids: [CardIDs] { all.indices.map { CardIDs(entries: all[$0], positions: shown[$0]) } }

    /// The positions of column `c`'s cards shown without a filter: all but the archived ones
    /// unless those are shown.
    private func unfiltered(_ c: Int) -> [Int32] {
        if showsArchived || archived[c] == 0 { return (0..<Int32(all[c].count)).map { $0 } }
        return facts[c].indices.compactMap { facts[c][$0].has(Facts.archived) ? nil : Int32($0) }
    }

    /// Applies the text and flag filters. While the text only grows, the previous result is narrowed.
    /// Archived cards are shown when `showArchived`, or matched when a text is typed.
    mutating func refilter(_ text: String, flag: CardNarrowing?, showArchived: Bool = false, flagged: @escaping (String) -> Bool) {
        let needle = SearchText.fold(text.trimmingCharacters(in: .whitespaces))
        if !needle.isEmpty { prepareSearch() }
        if flag != self.flag || showArchived != showsArchived { recent = [] }
        let narrowing = flag == self.flag && showArchived == showsArchived && needle.hasPrefix(filter) && !filter.isEmpty
        showsArchived = showArchived
        if needle.isEmpty && flag == nil {
            shown = all.indices.map(unfiltered)
        } else if flag == self.flag, let cached = recent.last(where: { $0.needle == needle }) {
            shown = cached.shown
        } else {
            let query = CardQuery(needle: needle, withArchived: showArchived || !needle.isEmpty, flagged: flag == nil ? nil : flagged)
            shown = all.indices.map { c in
                matching(c, among: narrowing ? shown[c] : nil, query)
            }
            recent.append((needle, shown))
            if recent.count > Self.recentLimit { recent.removeFirst() }
        }
        filter = needle
        self.flag = flag
        refreshDerived(columns: Array(shown.indices))
    }

    /// The positions of column `c`'s cards that `query` admits, among `positions` (all when nil):
    /// the masks rule most out, and only the rest are searched, on every core.
    private func matching(_ c: Int, among positions: [Int32]?, _ query: CardQuery) -> [Int32] {
        let facts = self.facts[c], entries = all[c], texts = self.texts[c]
        let count = positions?.count ?? facts.count
        @Sendable func admitted(_ range: Range<Int>) -> [Int32] {
            texts.withUnsafeBufferPointer { texts in
                var out: [Int32] = []
                for k in range {
                    let p = positions.map { Int($0[k]) } ?? k
                    if query.admits(facts[p], in: texts, id: entries[p].id) { out.append(Int32(p)) }
                }
                return out
            }
        }
        // A flag test reads the board's deals and is not for other threads; nor is a short column.
        guard query.flagged == nil, count > Self.piece else { return admitted(0..<count) }
        let starts = Array(stride(from: 0, to: count, by: Self.piece))
        return parallelMap(starts, chunk: 1) { admitted($0..<min(count, $0 + Self.piece)) }.flatMap { $0 }
    }

    /// Cards searched per core at a time.
    static let piece = 8_192

    mutating func refreshDerived(columns: [Int]) {
        if totals.count != shown.count {
            totals = Array(repeating: 0, count: shown.count)
            weighted = Array(repeating: 0, count: shown.count)
            weightedCount = Array(repeating: 0, count: shown.count)
            foreign = Array(repeating: 0, count: shown.count)
        }
        for c in columns {
            var sum = MoneySum(), weightedSum = MoneySum()
            var others = 0, weightedCards = 0
            let facts = self.facts[c], entries = all[c]
            for position in shown[c] {
                let p = Int(position), card = facts[p]
                if card.has(Facts.value) {
                    sum.add(hundredths: card.has(Facts.valueInCents) ? card.valueCents : nil, entries[p].deal.value ?? 0)
                }
                if card.has(Facts.weighted) {
                    weightedSum.add(
                        hundredths: card.has(Facts.weightedInCents) ? card.weightedCents : nil, inexactWeighted[entries[p].id] ?? 0)
                    weightedCards += 1
                }
                if card.has(Facts.foreign) { others += 1 }
            }
            totals[c] = sum.value
            weighted[c] = weightedSum.value
            weightedCount[c] = weightedCards
            foreign[c] = others
        }
    }
}

/// What a filter admits: the folded needle (its mask, and whether the mask alone answers), the
/// archived cards or not, and a flag test by deal id.
struct CardQuery: @unchecked Sendable {
    let needle: [UInt8]
    let mask: UInt64
    let decided: Bool
    let withArchived: Bool
    /// nil when no flag narrows; never called from another thread (`matching` keeps it on one).
    let flagged: ((String) -> Bool)?

    init(needle: String, withArchived: Bool, flagged: ((String) -> Bool)?) {
        self.needle = Array(needle.utf8)
        mask = SearchMask.of(needle)
        decided = needle.isEmpty || SearchMask.decides(needle)
        self.withArchived = withArchived
        self.flagged = flagged
    }

    /// Whether the card of `facts` (its search text in `texts`) is shown; `id` only read for a flag.
    func admits(_ facts: CardIndex.Facts, in texts: UnsafeBufferPointer<UInt8>, id: @autoclosure () -> String) -> Bool {
        if !withArchived && facts.has(CardIndex.Facts.archived) { return false }
        guard SearchMask.mayHold(facts.mask, mask) else { return false }
        if !decided {
            let start = Int(facts.textStart)
            let text = UnsafeBufferPointer(rebasing: texts[start..<(start + Int(facts.textCount))])
            guard needle.withUnsafeBufferPointer({ SearchText.contains(text, $0) }) else { return false }
        }
        return flagged?(id()) ?? true
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
