import Foundation
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Terminal columns taken by text, per grapheme cluster with wcwidth semantics: a cluster is
/// as wide as its base character; emoji presentation (VS16), ZWJ sequences and flags are two.
public enum DisplayWidth {
    /// Columns one grapheme cluster takes (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            guard let ascii = character.asciiValue else { return 1 }  // "\r\n"
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        TerminalLocale.prepare()
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if scalars.count > 1 {
            var regional = 0
            for scalar in scalars {
                if scalar.value == 0xFE0F || scalar.value == 0x200D { return 2 }
                if (0x1F1E6...0x1F1FF).contains(scalar.value) { regional += 1 }
            }
            if regional >= 2 { return 2 }
        }
        let width = wcwidth(wchar_t(bitPattern: base.value))
        if width >= 0 { return Int(width) }
        // Unassigned or non-printing base: sanitising shows controls; anything else takes one column.
        return base.properties.generalCategory == .nonspacingMark ? 0 : 1
    }

    /// Columns `text` takes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
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

    /// `text` cut to `width` and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }
}
