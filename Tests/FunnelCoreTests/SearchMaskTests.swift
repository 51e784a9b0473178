import Foundation
import Testing

@testable import FunnelCore

/// `SearchMask` never rules out a text that holds the needle, and answers alone, rightly, for
/// one letter or digit.
@Suite struct SearchMaskTests {
    static let pieces = ["a", "b", "z", "0", "9", "ש", "ל", "م", "寿", "😀", " ", "-", "\u{1F}", "é", "ab", "שלום", "za9"]

    @Test func aMaskNeverRulesOutAMatch() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let haystack = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 1..<3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let holds = SearchText.matches(haystack, folded: needle)
            let may = SearchMask.mayHold(SearchMask.of(haystack), SearchMask.of(needle))
            if holds { #expect(may, "“\(haystack)” holds “\(needle)”") }
            if SearchMask.decides(needle) { #expect(may == holds, "“\(haystack)” / “\(needle)”") }
        }
    }

    @Test func onlyOneLetterOrDigitIsDecided() {
        for byte in UInt8(0)...UInt8(127) {
            let text = String(UnicodeScalar(byte))
            let expected = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            #expect(SearchMask.decides(text) == expected, "byte \(byte)")
        }
        for text in ["ab", "ש", "", "é", "A"] { #expect(!SearchMask.decides(text)) }
        // Each letter and digit has a bit no other byte has.
        for byte in UInt8(0)...UInt8(255) where SearchMask.decides(String(UnicodeScalar(byte))) {
            for other in UInt8(0)...UInt8(255) where other != byte { #expect(SearchMask.bit(other) != SearchMask.bit(byte)) }
        }
    }
}
