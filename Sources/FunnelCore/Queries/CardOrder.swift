import Foundation

/// How cards are ordered inside a column.
public enum CardOrder: String, CaseIterable, Sendable {
    /// Next action date when set, otherwise the time the deal entered its stage; earliest first (the board's order).
    case due
    /// Newest first.
    case created
    /// Largest value first; deals without a value last.
    case value
    /// Alphabetical.
    case title
    /// High priority first, then normal, then low; within one priority, the board's (due) order.
    case priority

    /// The orders the board's `s` key cycles through: every one, priority last (cards show
    /// their priority with a mark).
    public static let boardCycle: [CardOrder] = [.due, .created, .value, .title, .priority]

    /// The next order, for cycling with a key (`boardCycle`, round to the start).
    public var next: CardOrder {
        let all = CardOrder.boardCycle
        guard let index = all.firstIndex(of: self) else { return all[0] }
        return all[(index + 1) % all.count]
    }

    /// A strict ordering of two deals; ties are broken by title, then id, so it is total.
    public func precedes(_ a: Deal, _ b: Deal, utcOffset: Int) -> Bool {
        key(a, utcOffset: utcOffset) < key(b, utcOffset: utcOffset)
    }

    /// What the title tie-break compares, the same in every order: the folded title with its
    /// runs of digits padded. A board keeps it per card, so `s` does not fold 100,000 titles again.
    public static func sortTitle(_ deal: Deal) -> String { sortTitle(of: deal.title) }

    /// `sortTitle` of a deal of this title.
    public static func sortTitle(of title: String) -> String { natural(SearchText.fold(title)) }

    /// What this order compares, computed once per deal so large sorts stay fast; `sortTitle`
    /// when the caller has it already.
    public func key(_ deal: Deal, utcOffset: Int, sortTitle: String? = nil) -> CardSortKey {
        CardSortKey(
            primary: primary(deal, utcOffset: utcOffset), exact: self == .value ? deal.value : nil,
            title: sortTitle ?? CardOrder.sortTitle(deal), id: deal.id)
    }

    /// The order's own figure, compared first.
    func primary(_ deal: Deal, utcOffset: Int) -> Double {
        primary(deal, due: CardOrder.dueFigure(deal, utcOffset: utcOffset))
    }

    /// The order's own figure, with the deal's `dueFigure` worked out already (a board card keeps it).
    public func primary(_ deal: Deal, due: @autoclosure () -> Double) -> Double {
        switch self {
        case .due: return due()
        case .created: return -deal.created.timeIntervalSince1970
        case .value:
            // Hundredths divided once are the Double nearest the value, and cost no Decimal arithmetic.
            if let cents = deal.hundredths { return -(Double(cents) / 100) }
            return deal.value.map { -NSDecimalNumber(decimal: $0).doubleValue } ?? .infinity
        case .title: return 0
        case .priority: return Self.priorityFigure(rank: deal.priority.rank, due: due())
        }
    }

    /// The priority order's figure of a deal of this priority rank and due figure.
    static func priorityFigure(rank: Int, due: Double) -> Double {
        // Due dates lie within 1970 … 9999 (under 2.6e11 seconds): a rank step of 1e12 keeps them apart, exactly.
        Double(rank) * 1e12 + due
    }

    /// The due date (`dueDate`) in seconds since 1970, as the due and priority orders compare it.
    public static func dueFigure(_ deal: Deal, utcOffset: Int) -> Double {
        dueDate(deal, utcOffset: utcOffset).timeIntervalSince1970
    }

    /// Runs of digits padded to a fixed width, so "Deal 2" comes before "Deal 10".
    static func natural(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return text }
        var out = ""
        var digits = ""
        func flush() {
            if digits.isEmpty { return }
            out += String(repeating: "0", count: max(0, 20 - digits.count)) + digits
            digits = ""
        }
        for ch in text {
            if ch.isASCII, ch.isNumber { digits.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// Sorts deals by this order: by the order's own figure, then each run of equal figures by the
    /// whole key. Only a tie needs the folded title (folding 100,000 titles was a tenth of
    /// `list --all`, where most deals are closed and ordered by a time of their own).
    public func sorted<S: Sequence>(_ deals: S, utcOffset: Int) -> [Deal] where S.Element == Deal {
        let all = Array(deals)
        // Figure and position side by side in one array of plain values, sorted in place; then
        // each run of equal figures by value (value order), title rank and id.
        var placed = all.indices.map { (figure: primary(all[$0], utcOffset: utcOffset), at: $0) }
        placed.sort { $0.figure < $1.figure || ($0.figure == $1.figure && $0.at < $1.at) }
        let runs = CardOrder.ties(placed.map(\.figure))
        let tied = runs.flatMap { placed[$0].map(\.at) }
        let ranks = CardOrder.titleRanks(all, at: tied)
        let values = self == .value ? all.map(\.value) : nil
        for run in runs {
            placed[run].sort { a, b in
                if let values, let p = values[a.at], let q = values[b.at], p != q { return p > q }
                if ranks[a.at] != ranks[b.at] { return ranks[a.at] < ranks[b.at] }
                return all[a.at].id < all[b.at].id
            }
        }
        return placed.map { all[$0.at] }
    }

    /// The runs of equal figures (of two or more) in sorted `figures`.
    static func ties(_ figures: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < figures.count {
            var end = start + 1
            while end < figures.count && figures[end] == figures[start] { end += 1 }
            if end - start > 1 { runs.append(start..<end) }
            start = end
        }
        return runs
    }

    /// For the deals at `positions`, the rank of their sort titles (equal titles, equal ranks),
    /// indexed by position. Each distinct title is folded once and the folded titles ranked once:
    /// three quarters of 100,000 closed deals share a day with others, and folding and ranking
    /// their titles run by run was most of `list --all`'s sort.
    static func titleRanks(_ deals: [Deal], at positions: [Int]) -> [Int] {
        var index: [ByteString: Int] = [:]
        var folded: [String] = []
        var titleAt = [Int](repeating: 0, count: deals.count)
        for at in positions {
            let title = ByteString(deals[at].title)
            if let known = index[title] {
                titleAt[at] = known
            } else {
                index[title] = folded.count
                titleAt[at] = folded.count
                folded.append(CardOrder.sortTitle(deals[at]))
            }
        }
        let rank = ranks(folded)
        return titleAt.map { rank.isEmpty ? 0 : rank[$0] }
    }

    /// The rank of each of `titles` in their order by UTF-8 bytes; equal titles, equal ranks.
    static func ranks(_ titles: [String]) -> [Int] {
        let order = titles.indices.sorted { titles[$0].utf8.lexicographicallyPrecedes(titles[$1].utf8) }
        var rank = [Int](repeating: 0, count: titles.count)
        for (k, i) in order.enumerated() where k > 0 {
            rank[i] = rank[order[k - 1]] + (ByteString.sameBytes(titles[order[k - 1]], titles[i]) ? 0 : 1)
        }
        return rank
    }

    /// The positions (`at`) of `cards` in ascending order of their figures, the `exacts` (by
    /// position, largest first, when given) compared right after the primary figure.
    public static func sortedPositions(_ cards: [SortedCard], exacts: [Decimal?]?, idPrecedes: (Int, Int) -> Bool) -> [Int] {
        var cards = cards
        if let exacts {
            let ranks = descendingRanks(exacts)
            for i in cards.indices { cards[i].exact = ranks[cards[i].at] }
        }
        // Plain values compared by a plain `<`: the sort is specialised, no closure per comparison.
        cards.sort()
        // Ids longer than eight bytes may share their first eight: those runs by the whole id.
        var start = 0
        while start < cards.count {
            var end = start + 1
            while end < cards.count && cards[end].samePlace(as: cards[start]) { end += 1 }
            if end - start > 1 { cards[start..<end].sort { idPrecedes($0.at, $1.at) } }
            start = end
        }
        return cards.map(\.at)
    }

    /// For each of `values`, its rank with the largest first (nil, and equal values, share ranks).
    static func descendingRanks(_ values: [Decimal?]) -> [Int] {
        let distinct = Array(Set(values.compactMap { $0 })).sorted(by: >)
        let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        return values.map { $0.flatMap { rank[$0] } ?? 0 }
    }

    /// An id's first eight bytes as one number, in the ids' order: ids are ASCII (`DealID`), so
    /// their order is their bytes' order, and a shorter id (padded with zeros) comes first.
    public static func idKey(_ id: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in id.utf8.prefix(8) {
            key = key << 8 | UInt64(byte)
            count += 1
        }
        return count == 0 ? 0 : key << (8 * UInt64(8 - count))
    }

    /// The date a card is ordered by on the board.
    public static func dueDate(_ deal: Deal, utcOffset: Int) -> Date {
        deal.nextAction.map { $0.date.start(utcOffset: utcOffset) } ?? deal.stageEntered
    }
}

/// A deal's place in an order: the order's own figure, then the folded title (by code point),
/// then the id, so every order is total and stable.
public struct CardSortKey: Comparable, Sendable {
    let primary: Double
    /// The exact value, for ties the Double could blur (value order only).
    let exact: Decimal?
    let title: String
    let id: String

    public static func < (a: CardSortKey, b: CardSortKey) -> Bool {
        if a.primary != b.primary { return a.primary < b.primary }
        if let x = a.exact, let y = b.exact, x != y { return x > y }
        if !ByteString.sameBytes(a.title, b.title) { return a.title.utf8.lexicographicallyPrecedes(b.title.utf8) }
        return a.id < b.id
    }

    public static func == (a: CardSortKey, b: CardSortKey) -> Bool {
        a.primary == b.primary && a.exact == b.exact && ByteString.sameBytes(a.title, b.title) && a.id == b.id
    }
}

/// A card's figures in one plain value, ordered as `CardOrder.sortedPositions` orders them
/// (the position last, so equal figures keep no particular order until their ids are compared).
public struct SortedCard: Comparable, Sendable {
    let primary: Double
    /// The rank of the exact value, when the primary figure may blur it (value order only).
    var exact = 0
    let title: Int
    let id: UInt64
    let at: Int

    /// A card at position `at` with its order's `primary` figure, its `TitleRanking` rank and
    /// its `CardOrder.idKey`.
    public init(primary: Double, title: Int, id: UInt64, at: Int) {
        self.primary = primary
        self.title = title
        self.id = id
        self.at = at
    }

    /// Whether the two are equal in everything but the position.
    func samePlace(as other: SortedCard) -> Bool {
        primary == other.primary && exact == other.exact && title == other.title && id == other.id
    }

    public static func < (a: SortedCard, b: SortedCard) -> Bool {
        if a.primary != b.primary { return a.primary < b.primary }
        if a.exact != b.exact { return a.exact < b.exact }
        if a.title != b.title { return a.title < b.title }
        if a.id != b.id { return a.id < b.id }
        return a.at < b.at
    }
}
