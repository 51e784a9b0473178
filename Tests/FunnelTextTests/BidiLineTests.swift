import FunnelText
import Testing

/// A field laid out for a terminal that does no bidi: grapheme clusters in visual order.
@Suite struct BidiLineTests {
    @Test("Hebrew with a number and a Latin word: right to left, the number and the word in reading order")
    func mixedField() {
        let line = BidiLine("הזמנה 123 של Acme")
        #expect(line.isRightToLeft)
        #expect(line.text == "Acme לש 123 הנמזה")
        // The first strong character decides: Latin first is a left-to-right field; a number after
        // Hebrew goes with the Hebrew run (read right to left: הזמנה, 7).
        #expect(!BidiLine("Order הזמנה 7").isRightToLeft)
        #expect(BidiLine("Order הזמנה 7").text == "Order 7 הנמזה")
    }

    @Test("Brackets in a right-to-left run are mirrored")
    func mirroring() {
        #expect(BidiLine("לקוח (חדש)").text == "(שדח) חוקל")
        #expect(BidiLine("(a)", direction: .rightToLeft).text == "(a)")
    }

    @Test("Combining marks stay on their letter: clusters move whole")
    func clustersMoveWhole() {
        let line = BidiLine("שָׁלוֹם")
        #expect(line.clusters == ["ם", "וֹ", "ל", "שָׁ"])
        #expect(line.logicalIndex == [3, 2, 1, 0])
        let arabic = BidiLine("مَرْحَبًا", shapeArabic: false)
        #expect(arabic.clusters == Array("مَرْحَبًا").reversed().map(String.init))
    }

    @Test("Arabic shaping: joined forms, lam-alef as one ligature cell; off leaves the letters")
    func arabicShaping() {
        #expect(BidiLine("سلام", shapeArabic: true).text == "\u{FEE1}\u{FEFC}\u{FEB3}")
        #expect(BidiLine("سلام", shapeArabic: false).text == "مالس")
        // Shaping without reordering, for a terminal that reorders itself.
        #expect(BidiLine("سلام", reorder: false, shapeArabic: true).text == "\u{FEB3}\u{FEFC}\u{FEE1}")
    }

    @Test("Left-to-right text is left alone")
    func latin() {
        #expect(BidiLine("Café Müller ₪1,000 😀").text == "Café Müller ₪1,000 😀")
        #expect(TextDisplay.app.visual("  plain  ") == "  plain  ")
    }

    @Test("The spaces a view puts around a field stay where they are")
    func layoutSpaces() {
        #expect(TextDisplay.app.visual(" שלום ") == " םולש ")
        #expect(TextDisplay.terminal.visual(" שלום ") == " שלום ")
    }

    @Test("Settings: shaping follows the mode unless set")
    func displaySettings() {
        #expect(TextDisplay(mode: .app).shapesArabic)
        #expect(!TextDisplay(mode: .terminal).shapesArabic)
        #expect(!TextDisplay(mode: .terminal).reorders)
        #expect(TextDisplay(mode: .terminal, arabicShaping: true).shapesArabic)
        #expect(!TextDisplay(mode: .app, arabicShaping: false).shapesArabic)
    }

    @Test("Direction of a field from its first strong character")
    func direction() {
        #expect(Direction.isRightToLeft("123 הזמנה"))
        #expect(!Direction.isRightToLeft("Acme הזמנה"))
        #expect(Direction.isRightToLeft("«سلام»"))
        #expect(!Direction.isRightToLeft("123"))
    }
}
