import Foundation
import FunnelCore
import Testing

/// `isBlank` says what `trimmingCharacters(in: .whitespaces).isEmpty` says.
@Suite struct BlankTextTests {
    @Test func agreesWithTrimming() {
        let samples = [
            "", " ", "\t", "  \t ", "\u{00A0}", "\u{2003}\u{3000}", "\n", " \n ", "a", " a ", "\u{200B}", "\u{05D0}",
            "\u{FEFF}", "\r", "\u{2028}", " x\t",
        ]
        for text in samples {
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        }
        #expect("  ".dropFirst().isBlank)
    }
}
