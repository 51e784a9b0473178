import Foundation

/// Stage ids made from names: what a person types on the command line (`follow-up`).
public enum StageIdentifier {
    /// The longest id made from a name.
    public static let maximumLength = 40

    /// Whether `id` is one funnel writes: lower-case ASCII letters and digits, single hyphens between.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= maximumLength, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// An id for a stage named `name` that no stage in `taken` has: the name's ASCII letters and
    /// digits in lower case, words joined by hyphens ("Meeting / quote" → `meeting-quote`); a name
    /// with none (Hebrew, Arabic) gives `stage`; a number is added while the id is taken.
    public static func make(from name: String, taken: Set<String>) -> String {
        var words: [String] = []
        var word = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var base = String(words.joined(separator: "-").prefix(maximumLength - 3))
        while base.hasSuffix("-") { base.removeLast() }
        if base.isEmpty { base = "stage" }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = base
        var number = 2
        while lowered.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }
}
