/// Untrusted text made safe for Pango's plain-text layouts: no control characters, no bidi
/// embeddings or overrides (which could reorder a price), no line breaks where one line is meant.
enum PlainText {
    /// `text` as one paragraph: tabs and line or paragraph separators become spaces; other control
    /// characters, bidi embeddings/overrides and interlinear annotation marks are dropped.
    static func paragraph(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBreak(scalar) || scalar == "\t" {
                out.append(" ")
            } else if !isDropped(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` split at its line breaks (LF, CR, CRLF, NEL, U+2028, U+2029), each line cleaned.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            if isBreak(scalar) {
                lines.append(paragraph(String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(paragraph(String(current)))
        return lines
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0xFFF9...0xFFFB: return true
        default: return scalar.properties.generalCategory == .control
        }
    }
}
