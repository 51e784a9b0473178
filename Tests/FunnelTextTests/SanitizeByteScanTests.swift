import Testing

@testable import FunnelText

/// `Sanitize.mayHoldUnsafe` reads UTF-8 bytes; `Sanitize.isUnsafe` per scalar is the reference.
struct SanitizeByteScanTests {
    @Test func everyScalarOfEveryPlaneIsJudgedAsIsUnsafeJudgesIt() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect(Sanitize.mayHoldUnsafe(text) == Sanitize.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func randomTextsOfHebrewArabicAndControls() {
        let pool: [Unicode.Scalar] = [
            "a", " ", "\u{05D0}", "\u{0627}", "\u{061B}", "\u{061C}", "\u{061D}", "\u{200D}", "\u{200E}", "\u{200F}",
            "\u{2027}", "\u{2028}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{0080}",
            "\u{009F}", "\u{00A0}", "\u{1B}", "\n", "\t", "\"", "\\", "\u{7F}", "\u{20AA}", "\u{1F600}",
        ]
        let letters: [Unicode.Scalar] = [
            "\u{05D0}", "\u{05EA}", "\u{0627}", "\u{0628}", "\u{0645}", "\u{064A}", "\u{00E9}", "\u{00A0}", "\u{20AC}", "\u{2010}",
            "\u{4E2D}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40_000 {
            var text = String.UnicodeScalarView()
            // Runs of plain ASCII between the others, so the eight-bytes-at-a-time path is taken
            // and left at every offset; runs of Hebrew, Arabic and other letters of two and three
            // bytes too (eight bytes at a time while none begins an unsafe sequence).
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                for _ in 0..<Int.random(in: 0...12, using: &generator) {
                    text.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
                }
                for _ in 0..<Int.random(in: 0...9, using: &generator) { text.append(letters.randomElement(using: &generator)!) }
                text.append(pool.randomElement(using: &generator)!)
            }
            let string = String(text)
            let scalars = string.unicodeScalars, values = "\(scalars.map(\.value))"
            #expect(Sanitize.mayHoldUnsafe(string) == scalars.contains(where: Sanitize.isUnsafe), "\(values)")
            let breaking = scalars.contains { Sanitize.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
            #expect(Sanitize.mayHoldUnsafe(string, allowingLineBreaks: true) == breaking, "\(values)")
            let quoting = scalars.contains { Sanitize.isUnsafe($0) || $0 == "\"" || $0 == "\\" }
            #expect(Sanitize.mayHoldUnsafe(string, quotes: true) == quoting, "\(values)")
        }
    }

    @Test func everyASCIIByteAtEveryPlaceOfAWord() {
        for byte in UInt8(0)...0x7F {
            for place in 0..<16 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 16)
                bytes[place] = byte
                let text = String(decoding: bytes, as: UTF8.self), scalar = Unicode.Scalar(byte)
                #expect(Sanitize.mayHoldUnsafe(text) == Sanitize.isUnsafe(scalar), "\(byte) at \(place)")
                #expect(Sanitize.mayHoldUnsafe(text, quotes: true) == (Sanitize.isUnsafe(scalar) || byte == 0x22 || byte == 0x5C))
                #expect(Sanitize.mayHoldUnsafe(text, allowingLineBreaks: true) == (Sanitize.isUnsafe(scalar) && byte != 0x0A && byte != 0x09))
            }
        }
    }

    /// Every scalar whose first byte is one an unsafe sequence begins with (0xC2, 0xD8, 0xE2), and
    /// every control, at every place among Hebrew letters: the eight-bytes-at-a-time path left
    /// for each, and only for what is unsafe found unsafe.
    @Test func everyNeighbourOfAnUnsafeScalarAmongHebrewLetters() {
        let near = Array(UInt32(0)...0xA0) + Array(UInt32(0x600)...0x63F) + Array(UInt32(0x2000)...0x2FFF)
        for value in near {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for place in 0..<9 {
                let text = String(repeating: "\u{05E9}", count: place) + String(Character(scalar)) + String(repeating: "\u{05DC}", count: 9 - place)
                #expect(Sanitize.mayHoldUnsafe(text) == Sanitize.isUnsafe(scalar), "U+\(String(value, radix: 16)) at \(place)")
            }
        }
    }
}
