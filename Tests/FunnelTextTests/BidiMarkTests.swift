import FunnelText
import Testing

/// The bidi marks (LRM U+200E, RLM U+200F, ALM U+061C) are Bidi_Control characters like the
/// overrides: they steer the ordering of a field and never reach a terminal themselves.
@Suite struct BidiMarkTests {
    static let marks = ["\u{200E}", "\u{200F}", "\u{061C}"]

    @Test("Sanitize drops the marks from a line, or keeps them for the visual ordering that follows")
    func sanitizeDropsOrKeeps() {
        for mark in Self.marks {
            #expect(Sanitize.line("a\(mark)b") == "ab")
            #expect(Sanitize.text("a\(mark)b\nc") == "ab\nc")
            #expect(Sanitize.line("a\(mark)b", keepingBidiMarks: true) == "a\(mark)b")
            #expect(Sanitize.isUnsafe(mark.unicodeScalars.first!))
        }
        // Kept marks do not keep anything else: an override still becomes �.
        #expect(Sanitize.line("\u{200F}x\u{202E}", keepingBidiMarks: true) == "\u{200F}x\u{FFFD}")
        #expect(Sanitize.droppingBidiMarks("שלום\u{200F} 12\u{061C}") == "שלום 12")
    }

    @Test("The ordering sees a mark, the line does not hold it")
    func orderedWithThenDropped() {
        // An RLM first makes the paragraph right to left.
        #expect(BidiLine("\u{200F}abc def").isRightToLeft)
        #expect(BidiLine("\u{200F}abc def").text == "abc def")
        // An RLM after the "!" keeps it with the Hebrew word (its writer's meaning); without the
        // mark it goes with the left-to-right paragraph.
        #expect(BidiLine("abc שלום!").text == "abc םולש!")
        #expect(BidiLine("abc שלום!\u{200F}").text == "abc !םולש")
        #expect(TextDisplay.app.visual("abc שלום!\u{200F}") == "abc !םולש")
        // An LRM in left-to-right text takes the slow path and is still dropped.
        #expect(BidiLine("ab\u{200E}c").text == "abc")
        #expect(TextDisplay.app.visual("ab\u{200E}c") == "abc")
        // A terminal that reorders itself gets the text in logical order, without the marks.
        #expect(TextDisplay.terminal.visual("שלום\u{200F} abc") == "שלום abc")
        #expect(BidiLine("שלום\u{200F} abc", reorder: false).text == "שלום abc")
        for mark in Self.marks {
            let text = BidiLine("שלום \(mark)123 Acme").text
            #expect(!text.unicodeScalars.contains(where: Sanitize.isBidiMark), "\(text)")
        }
    }

    @Test("A cursor in a field with marks stays on a drawn cluster")
    func cursorAroundADroppedMark() {
        let line = BidiLine("אב\u{200F}ג")
        #expect(line.text == "גבא")
        #expect(line.logicalCount == 4)
        let place = line.cursor(logical: 3)
        #expect(place.boundary >= 0 && place.boundary <= line.clusters.count)
    }
}
