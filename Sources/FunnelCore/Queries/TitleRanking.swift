/// The ranks of cards' sort titles (`CardOrder.sortTitle`) in their order by UTF-8 bytes, kept
/// with gaps between them: a new title takes a rank between its neighbours and no other rank
/// changes, so a card can keep its rank and a sort compares integers, not strings.
public struct TitleRanking: Sendable {
    /// The space between two neighbouring ranks when they are first given.
    static let gap = 1 << 32
    /// The distinct titles ranked so far, ascending by UTF-8 bytes, and their ranks.
    private var titles: [String] = []
    private var ranks: [Int] = []

    /// The ranking of `count` cards' titles, `title(i)` the i-th card's own (`Deal.title`), and
    /// each card's rank, as `ranking` of their sort titles gives them: on every core a piece of
    /// cards at a time, each distinct title of a piece (by its bytes) folded into its sort title
    /// (`CardOrder.sortTitle`) once, then the pieces' sort titles ranked together.
    public static func ranking(count: Int, title: @Sendable (Int) -> String) -> (ranking: TitleRanking, ranks: [Int]) {
        let piece = 1_024
        let pieces = parallelMap(Array(stride(from: 0, to: count, by: piece)), chunk: 1) { start in
            var seen: [ByteString: Int32] = [:], sortTitles: [String] = [], at: [Int32] = []
            at.reserveCapacity(min(piece, count - start))
            for i in start..<min(count, start + piece) {
                let own = ByteString(title(i))
                if let known = seen[own] {
                    at.append(known)
                    continue
                }
                seen[own] = Int32(sortTitles.count)
                at.append(Int32(sortTitles.count))
                sortTitles.append(CardOrder.sortTitle(of: own.text))
            }
            return (sortTitles, at)
        }
        let (ranking, ranks) = ranking(pieces.flatMap(\.0))
        var first = 0, out: [Int] = []
        out.reserveCapacity(count)
        for (sortTitles, at) in pieces {
            for k in at { out.append(ranks[first + Int(k)]) }
            first += sortTitles.count
        }
        return (ranking, out)
    }

    /// Ranks `titles`; the result gives each of them its rank, equal titles (by their bytes,
    /// `ByteString`) equal ranks.
    public static func ranking(_ titles: [String]) -> (ranking: TitleRanking, ranks: [Int]) {
        var distinct: [ByteString: Int] = [:]
        var names: [String] = []
        let at = titles.map { title in
            if let known = distinct[ByteString(title)] { return known }
            distinct[ByteString(title)] = names.count
            names.append(title)
            return names.count - 1
        }
        // Distinct titles have distinct dense ranks 0 ..< n: each title's place in the sorted list.
        let dense = CardOrder.ranks(names)
        let given = dense.map { ($0 + 1) * gap }
        var ranking = TitleRanking()
        ranking.titles = names
        ranking.ranks = given
        for i in names.indices {
            ranking.titles[dense[i]] = names[i]
            ranking.ranks[dense[i]] = given[i]
        }
        return (ranking, at.map { given[$0] })
    }

    /// The rank of `title`: its own when ranked already, otherwise a new one between its
    /// neighbours. Nil when they have no rank left between them: rank every title again.
    public mutating func rank(of title: String) -> Int? {
        var low = 0, high = titles.count
        while low < high {
            let mid = (low + high) / 2
            if titles[mid].utf8.lexicographicallyPrecedes(title.utf8) { low = mid + 1 } else { high = mid }
        }
        if low < titles.count && ByteString.sameBytes(titles[low], title) { return ranks[low] }
        let below = low > 0 ? ranks[low - 1] : 0
        let above = low < ranks.count ? ranks[low] : (ranks.last ?? 0) + 2 * Self.gap
        guard above - below >= 2 else { return nil }
        let rank = below + (above - below) / 2
        titles.insert(title, at: low)
        ranks.insert(rank, at: low)
        return rank
    }
}
