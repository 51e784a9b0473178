import Foundation

/// Untrusted text made safe for a terminal: control characters, escape sequences and bidi
/// overrides are shown as visible symbols, never sent raw; the three bidi marks are dropped.
public enum Sanitize {
    /// One line of text for display: C0 controls become their Control Pictures (␛, ␊…),
    /// DEL becomes ␡, the line and paragraph separators ␊, C1 controls and bidi
    /// overrides/isolates �, and the bidi marks (LRM, RLM, ALM) are dropped.
    ///
    /// `keepingBidiMarks`: for text that is put in visual order next (`TextDisplay.visual`,
    /// `BidiLine`), which must see the marks to order the field as its writer meant, and drops
    /// them itself.
    public static func line(_ text: String, keepingBidiMarks: Bool = false) -> String {
        guard mayHoldUnsafe(text) else { return text }
        return keepingBidiMarks ? replacingUnsafe(text, keeping: isBidiMark) : replacingUnsafe(text, keeping: { _ in false })
    }

    /// Text whose line breaks and tabs were put there by the program itself (a table, a help
    /// page): like `line`, but line feeds and tabs stay. Values inside it must already have
    /// been through `line`, or a line break inside a value would start a line of its own.
    public static func text(_ text: String) -> String {
        guard mayHoldUnsafe(text, allowingLineBreaks: true) else { return text }
        return replacingUnsafe(text, keeping: { $0 == "\n" || $0 == "\t" })
    }

    /// The zero-width marks Unicode lists as Bidi_Control besides the embeddings, overrides and
    /// isolates: LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK, ARABIC LETTER MARK. Common in real
    /// Hebrew and Arabic text (Windows-1255 has two of them); they only steer the ordering, so
    /// funnel orders with them and then drops them: a terminal never gets one raw.
    public static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// `text` without its bidi marks (the text itself when it has none).
    public static func droppingBidiMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiMark) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isBidiMark(scalar) { out.append(scalar) }
        return String(out)
    }

    private static func replacingUnsafe(_ text: String, keeping kept: (Unicode.Scalar) -> Bool) -> String {
        var needs = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) && !kept(scalar) {
            needs = true
            break
        }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if kept(scalar) {
                out.append(scalar)
            } else if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                out.append(Unicode.Scalar(0x2421)!)
            } else if isBidiMark(scalar) {
                continue
            } else if v == 0x2028 || v == 0x2029 {
                // The line and paragraph separators break lines as a line feed does.
                out.append(Unicode.Scalar(0x240A)!)
            } else if isUnsafe(scalar) {
                out.append(Unicode.Scalar(0xFFFD)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// False when no scalar of `text` is unsafe, by its UTF-8 bytes: an unsafe scalar is a byte
    /// below 0x20, DEL, or one of the sequences C2 80–9F (C1), D8 9C (ALM), E2 80 8E–8F (LRM,
    /// RLM), E2 80 A8–AE (separators, embeddings, overrides), E2 81 A6–A9 (isolates). True may
    /// still be safe when a mark is kept. `allowingLineBreaks`: line feeds and tabs are not
    /// unsafe; `quotes`: a double quote and a backslash are (JSON). A table of 700,000 cells and
    /// every string of `--json` are scanned so.
    public static func mayHoldUnsafe(_ text: String, allowingLineBreaks: Bool = false, quotes: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldUnsafe(utf8: $0, allowingLineBreaks: allowingLineBreaks, quotes: quotes) }
    }

    /// `mayHoldUnsafe` of UTF-8 bytes (`--json`'s pieces are checked as bytes). Eight bytes at a
    /// time while none can begin anything unsafe (`isSafeWord`: most of JSON and of a table, and
    /// most Hebrew and Arabic text).
    public static func mayHoldUnsafe(utf8 bytes: UnsafeBufferPointer<UInt8>, allowingLineBreaks: Bool = false, quotes: Bool = false)
        -> Bool
    {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n,
                isSafeWord(
                    UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self), allowingLineBreaks: allowingLineBreaks,
                    quotes: quotes)
            {
                i += 8
                continue
            }
            let b = bytes[i]
            i += 1
            if b < 0x20 {
                if allowingLineBreaks && (b == 0x0A || b == 0x09) { continue }
                return true
            }
            if b < 0x7F {
                if quotes && (b == 0x22 || b == 0x5C) { return true }
                continue
            }
            if b == 0x7F { return true }
            let second = i < n ? bytes[i] : 0, third = i + 1 < n ? bytes[i + 1] : 0
            switch b {
            case 0xC2: if second <= 0x9F { return true }
            case 0xD8: if second == 0x9C { return true }
            case 0xE2:
                if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            default: break
            }
        }
        return false
    }

    /// Whether none of the eight bytes of `word` is a control (below 0x20 but a line feed or tab
    /// when `allowingLineBreaks`, or 0x7F), a double quote or backslash when `quotes`, or the
    /// first byte of a sequence that may be unsafe (0xC2: the C1 controls; 0xD8: ARABIC LETTER
    /// MARK; 0xE2: the marks, separators, embeddings and isolates of U+2000…U+206F). A sequence
    /// begun before the word was judged with its first byte. The usual bit tricks for "a byte
    /// below", "a byte equal": exact for the word as a whole.
    static func isSafeWord(_ word: UInt64, allowingLineBreaks: Bool = false, quotes: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = ~highs
        // Exactly the bytes of `x` that are zero, as their high bit (no borrow between bytes).
        func zeros(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
        var word = word
        // A line feed or tab allowed is judged as the printable byte 0x20 above it.
        if allowingLineBreaks { word |= ((zeros(word ^ (ones &* 0x0A)) | zeros(word ^ (ones &* 0x09))) >> 7) &* 0x20 }
        func has(_ byte: UInt64) -> Bool { zeros(word ^ (ones &* byte)) != 0 }
        if (word &- ones &* 0x20) & ~word & highs != 0 || has(0x7F) || has(0xC2) || has(0xD8) || has(0xE2) { return false }
        return !quotes || !(has(0x22) || has(0x5C))
    }

    /// Several lines (notes): each line sanitised on its own, line breaks kept.
    public static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
    }

    /// Whether a scalar must never reach the terminal as it is (JSON writes it as a `\u` escape).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || isBidiMark(scalar)
    }
}
