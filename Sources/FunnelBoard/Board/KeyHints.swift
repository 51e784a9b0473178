import FunnelCore
import FunnelText

/// The footer's key hints, generated from the key table like the help overlay: the keys that
/// matter where the user is, never typed by hand.
public enum KeyHints {
    /// One hint: the keys as the help writes them, the words, and how much it matters.
    public struct Hint: Hashable, Sendable {
        public let keys: String
        public let text: String
        public let rank: Int

        public var display: String { keys + " " + text }
    }

    /// Every hint of `context`, in table order, in `language`; inbox-only hints when `inbox` is
    /// set, stuck-only hints when `stuck` is. On a board laid out `rightToLeft` the next stage
    /// is to the left: the hint to move a card on names the key that does (Shift+←).
    public static func hints(
        for context: KeyContext, inbox: Bool, stuck: Bool = false, language: Language = .en, rightToLeft: Bool = false
    ) -> [Hint] {
        let bindings = KeyTable.bindings.filter { $0.context == context }
        var out: [Hint] = []
        for (i, binding) in bindings.enumerated() {
            guard let hint = binding.hint, var first = binding.keys.first else { continue }
            if hint.when == .inbox && !inbox || hint.when == .stuck && !stuck { continue }
            if rightToLeft, binding.action == .moveStageRight, let back = bindings.first(where: { $0.action == .moveStageLeft })?.keys.first {
                first = back
            }
            var keys = first.label
            if hint.pairedWithNext, i + 1 < bindings.count, let next = bindings[i + 1].keys.first { keys += next.label }
            out.append(Hint(keys: keys, text: language.text(hint.textKey), rank: hint.rank))
        }
        return out
    }

    /// The hints that fit in `width` columns, joined by " · ": every rank-0 hint, then the
    /// others rank by rank while they fit, shown in table order.
    public static func line(
        for context: KeyContext, inbox: Bool, stuck: Bool = false, width: Int,
        language: Language = .en, rightToLeft: Bool = false
    ) -> String {
        let all = hints(for: context, inbox: inbox, stuck: stuck, language: language, rightToLeft: rightToLeft)
        var chosen = Set(all.indices.filter { all[$0].rank == 0 })
        func columns(_ picked: Set<Int>) -> Int {
            let parts = all.indices.filter(picked.contains).map { all[$0].display }
            return DisplayWidth.of(parts.joined(separator: " · "))
        }
        for rank in Set(all.map(\.rank)).sorted() where rank > 0 {
            for index in all.indices where all[index].rank == rank {
                let tried = chosen.union([index])
                if columns(tried) <= width { chosen = tried }
            }
        }
        return all.indices.filter(chosen.contains).map { all[$0].display }.joined(separator: " · ")
    }
}
