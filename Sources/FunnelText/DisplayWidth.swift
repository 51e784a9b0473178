import CFunnelWidth
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Terminal columns taken by text, per grapheme cluster with wcwidth semantics: a cluster is
/// as wide as its base character; emoji presentation (VS16), ZWJ sequences and flags are two.
public enum DisplayWidth {
    /// Columns one grapheme cluster takes (0, 1 or 2), as drawn in its `terminalForm`.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            guard let ascii = character.asciiValue else { return 1 }  // "\r\n"
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        if scalars.count > 1, isComposedEmoji(character) {
            return isFlag(character) ? 2 : width(of: scalars.first!)
        }
        return width(of: scalars.first!)
    }

    /// What a terminal is given for a cluster. Emoji built from several code points (ZWJ
    /// families, skin tones, flags, keycaps, VS16) are drawn differently — or not at all — by
    /// different terminals, which breaks column alignment; they are drawn as their base emoji,
    /// and a flag as its two letters (🇮🇱 → IL). Letters with combining marks (niqqud, harakat,
    /// accents) are kept whole.
    public static func terminalForm(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, isComposedEmoji(character) else { return String(character) }
        if isFlag(character) {
            return String(
                String.UnicodeScalarView(
                    scalars.filter(isRegionalIndicator).compactMap {
                        Unicode.Scalar($0.value - 0x1F1E6 + 65)
                    }))
        }
        return String(scalars.first!)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    static func isFlag(_ character: Character) -> Bool {
        character.unicodeScalars.filter(isRegionalIndicator).count >= 2
    }

    /// A cluster joined by ZWJ, a variation selector, a skin-tone modifier, a keycap or regional
    /// indicators, or holding more than one character that takes space.
    static func isComposedEmoji(_ character: Character) -> Bool {
        var spacing = 0
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if v == 0x200D || v == 0xFE0F || v == 0x20E3 || (0x1F3FB...0x1F3FF).contains(v) || isRegionalIndicator(scalar) {
                return true
            }
            if width(of: scalar) > 0 { spacing += 1 }
        }
        return spacing > 1
    }

    /// wcwidth of one scalar; non-printing scalars that are not marks take one column.
    static func width(of scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : 0 }
        TerminalLocale.prepare()
        let width = funnel_wcwidth(scalar.value)
        if width >= 0 { return Int(width) }
        return scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
    }

    /// Columns `text` takes. Text made only of scalars that are always a cluster of their own
    /// (ASCII, Latin, Hebrew and Arabic letters without marks, punctuation, currency signs) is
    /// measured scalar by scalar, without finding cluster boundaries; anything else per cluster.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else { return ofClusters(text) }
            total += width(of: scalar)
        }
        return total
    }

    /// Columns `text` takes, cluster by cluster (what `of` gives for any text).
    static func ofClusters(_ text: String) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    /// Whether `scalar` is always a grapheme cluster of its own: no mark, joiner, selector,
    /// prepended sign, jamo or regional indicator, and not CR (which joins LF).
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x5D0...0x5EA, 0x621...0x64A, 0x2010...0x2027, 0x20A0...0x20C0: return true
        default: return false
        }
    }

    /// The longest prefix of `text` that fits `width` columns, with "…" marking a cut.
    /// Never splits a grapheme cluster.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            result.append(ch)
            used += w
        }
        return result + "…"
    }

    /// The longest prefix of `text` that fits `width` columns, without an ellipsis, and whether
    /// anything was cut. Never splits a grapheme cluster.
    public static func prefix(_ text: String, fitting width: Int) -> (text: String, isCut: Bool) {
        guard width > 0 else { return ("", !text.isEmpty) }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            used += of(text[index])
            if used > width { return (String(text[..<end]), true) }
            end = text.index(after: index)
        }
        return (text, false)
    }

    /// `text` cut to `width` and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }
}
