/// Text as `pdftotext` gives it, made comparable: poppler wraps right-to-left runs in bidi
/// embedding marks (U+202A…U+202C) and, on RTL lines, sometimes splits a word where glyphs sit
/// apart, so comparisons drop the marks and, for Hebrew and Arabic, all white space.
enum ExtractedText {
    /// `text` without bidi embedding and override marks.
    static func withoutMarks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }))
    }

    /// `text` without marks and without any white space.
    static func squeezed(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                withoutMarks(text).unicodeScalars.filter {
                    !$0.properties.isWhitespace
                }))
    }

    /// The strings of `expected` that `text` lacks, compared squeezed.
    static func missing(_ expected: [String], in text: String) -> [String] {
        let haystack = squeezed(text)
        return expected.filter { !haystack.contains(squeezed($0)) }
    }

    /// The words of `expected` that `text` lacks: each string split at spaces, punctuation at a
    /// word's edges dropped (poppler rebuilds logical order from the page and may put a comma or
    /// full stop on the other side of a number or Latin word in an RTL line), compared squeezed.
    static func missingWords(_ expected: [String], in text: String) -> [String] {
        let haystack = squeezed(text)
        let words = expected.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map {
            String($0).trimmingEdges { ",.:;!?،".contains($0) }
        }
        return words.filter { !$0.isEmpty && !haystack.contains($0) }
    }
}

extension String {
    /// This string without leading and trailing characters matching `drop`.
    func trimmingEdges(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
