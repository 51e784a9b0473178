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
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40_000 {
            var text = String.UnicodeScalarView()
            // Runs of plain ASCII between the others, so the eight-bytes-at-a-time path is taken
            // and left at every offset.
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                for _ in 0..<Int.random(in: 0...12, using: &generator) {
                    text.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
                }
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
}
