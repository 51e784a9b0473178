import Foundation
import Testing

@testable import FunnelText

/// `DisplayWidth.of` measures text of lone-standing scalars without grapheme breaking; it must
/// give what measuring cluster by cluster gives, for any text.
@Suite struct DisplayWidthFastPathTests {
    static let alone: [Unicode.Scalar] = (0...0x20FF).compactMap(Unicode.Scalar.init).filter(DisplayWidth.standsAlone)

    @Test func everyPairOfLoneScalarsIsTwoClusters() {
        for a in Self.alone {
            for b in Self.alone where String(String.UnicodeScalarView([a, b])).count != 2 {
                Issue.record("U+\(String(a.value, radix: 16)) U+\(String(b.value, radix: 16)) join")
                return
            }
        }
    }

    @Test func anyTextMeasuresAsItsClusters() {
        // Lone scalars mixed with marks, joiners, CR LF, emoji, flags and jamo.
        let others: [Unicode.Scalar] = [
            "\u{05B8}", "\u{064E}", "\u{0301}", "\u{200D}", "\u{FE0F}", "\r", "\n", "\u{1F469}", "\u{1F1EE}", "\u{1F1F1}",
            "\u{1100}", "\u{1161}", "\u{0600}", "\u{4E2D}", "\u{200F}", "\t",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let scalars = (0..<length).map { _ in
                Bool.random(using: &generator) ? Self.alone.randomElement(using: &generator)! : others.randomElement(using: &generator)!
            }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(DisplayWidth.of(text) == DisplayWidth.ofClusters(text), "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func hebrewArabicAndShekelsTakeOneColumnEach() {
        #expect(DisplayWidth.of("שלום ₪12,500 مرحبا") == 18)
    }
}
