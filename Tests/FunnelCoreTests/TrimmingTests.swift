import Foundation
import Testing

@testable import FunnelCore

/// `trimmingSpaces` and `trimmingSpacesAndNewlines` give what Foundation's
/// `trimmingCharacters(in:)` gives with `.whitespaces` and `.whitespacesAndNewlines`.
@Suite struct TrimmingTests {
    /// Every scalar of Unicode is in Foundation's set exactly when the test says so.
    @Test func theTestsAreFoundationsSetsForEveryScalar() {
        var differ: [String] = []
        for value in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Whitespace.isSpace(scalar) != CharacterSet.whitespaces.contains(scalar) {
                differ.append("whitespaces U+\(String(value, radix: 16))")
            }
            if Whitespace.isSpaceOrNewline(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                differ.append("whitespacesAndNewlines U+\(String(value, radix: 16))")
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(20))")
    }

    /// Texts of spaces, line breaks, marks, Hebrew and Arabic letters, at either end or between.
    @Test func randomTextsAreTrimmedAsFoundationTrimsThem() {
        let pieces: [String] = [
            " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{2029}",
            "\u{200B}", "\u{FEFF}", "\u{301}", "a", "דנה", "\u{05B8}", "سلام", "😀", "👩‍👩‍👧", "x\u{301}", ",", "\u{1680}", "\u{202F}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            let sliced = text.dropFirst()
            #expect(sliced.trimmingSpaces() == sliced.trimmingCharacters(in: .whitespaces), "\(sliced.debugDescription)")
        }
    }

    @Test func theEndsGoTheMiddleStays() {
        #expect("  \t דנה  לוי \t ".trimmingSpaces() == "דנה  לוי")
        #expect("\u{3000}x\u{2028}".trimmingSpaces() == "x\u{2028}")
        #expect("\u{2028} x \n".trimmingSpacesAndNewlines() == "x")
        #expect(" \t\n ".trimmingSpacesAndNewlines() == "")
        #expect("".trimmingSpaces() == "")
    }
}
