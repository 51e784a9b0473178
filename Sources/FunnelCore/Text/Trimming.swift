extension StringProtocol {
    /// The text without the spaces and tabs at either end: what
    /// `trimmingCharacters(in: .whitespaces)` gives, without going through `NSString` (a tenth of
    /// `funnel capture`'s time for 20,000 leads).
    public func trimmingSpaces() -> String { trimming(Whitespace.isSpace) }

    /// The text without spaces, tabs and line breaks at either end: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without going through `NSString`.
    public func trimmingSpacesAndNewlines() -> String { trimming(Whitespace.isSpaceOrNewline) }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }), let last = scalars.lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}

/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines` as plain tests of a
/// scalar (`TrimmingTests` holds them to Foundation's sets for every scalar).
enum Whitespace {
    /// Unicode's space separators (Zs), the tab, and the zero width space (U+200B, a format
    /// character Foundation's set keeps from older Unicode).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `isSpace`, Unicode's line and paragraph separators (Zl, Zp), U+000A to U+000D and U+0085.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || (0x0A...0x0D).contains(scalar.value) }
        if scalar.value == 0x85 || scalar.value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
