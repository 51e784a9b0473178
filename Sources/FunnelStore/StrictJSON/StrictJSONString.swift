/// Strings: the bytes between the quotes, checked to be UTF-8, escapes decoded.
extension StrictJSONParser {
    /// The string starting at the opening quote under `at`; `at` ends after the closing quote.
    mutating func string() throws -> String {
        at += 1
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                defer { at += 1 }
                return try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<at]))
            }
            if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard b >= 0x20 else { throw StrictJSONGaveUp() }
            at += 1
        }
        throw StrictJSONGaveUp()
    }

    /// The text of `utf8`, refused unless it is well-formed UTF-8 (RFC 3629: no overlong form,
    /// no surrogate, nothing past U+10FFFF). Checked here rather than by `String(validating:)`,
    /// whose generic code looks its types up at run time for every string of a cold start.
    static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        guard isWellFormedUTF8(utf8) else { throw StrictJSONGaveUp() }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            // The ranges of the second byte (Unicode's table 3-7), then plain continuations.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return false
            }
            guard i + length <= bytes.count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// The rest of a string with escapes, its bytes so far from `start`.
    private mutating func escapedString(from start: Int) throws -> String {
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            if b == UInt8(ascii: "\"") { return try out.withUnsafeBufferPointer(Self.validated) }
            guard b >= 0x20 else { throw StrictJSONGaveUp() }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                continue
            }
            guard at < bytes.count else { throw StrictJSONGaveUp() }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): out.append(contentsOf: String(try unicodeEscape()).utf8)
            default: throw StrictJSONGaveUp()
            }
        }
        throw StrictJSONGaveUp()
    }

    /// `\uXXXX` (after the `u`), with its low surrogate when it is a high one.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let unit = try hex4()
        if (0xD800...0xDBFF).contains(unit) {
            guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                throw StrictJSONGaveUp()
            }
            at += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw StrictJSONGaveUp() }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(unit) else { throw StrictJSONGaveUp() }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw StrictJSONGaveUp() }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            at += 1
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw StrictJSONGaveUp()
            }
            unit = unit << 4 | UInt32(digit)
        }
        return unit
    }
}
