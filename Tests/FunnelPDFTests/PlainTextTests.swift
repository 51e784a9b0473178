import Testing

@testable import FunnelPDF

@Suite struct PlainTextTests {
    @Test("A paragraph keeps letters, marks and isolates; drops controls and overrides; breaks become spaces")
    func paragraph() {
        #expect(PlainText.paragraph("a\u{0}b\u{7}c\u{1B}d\u{9F}e") == "abcde")
        #expect(PlainText.paragraph("a\tb\nc\r\nd\u{2028}e") == "a b c  d e")
        #expect(PlainText.paragraph("x\u{202E}y\u{202A}z\u{202C}") == "xyz")
        #expect(PlainText.paragraph("שָׁלוֹם \u{2067}עברית\u{2069} \u{200F}") == "שָׁלוֹם \u{2067}עברית\u{2069} \u{200F}")
        #expect(PlainText.paragraph("مرحبا 👋🏽") == "مرحبا 👋🏽")
    }

    @Test("Lines split at LF, CR, CRLF, NEL and the Unicode separators")
    func lines() {
        #expect(PlainText.lines("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g") == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(PlainText.lines("") == [""])
        #expect(PlainText.lines("Regards,\n\u{7}Dana") == ["Regards,", "Dana"])
    }
}

@Suite struct ParagraphDirectionTests {
    @Test("On an RTL page a paragraph is RTL unless it has Latin letters and no Hebrew or Arabic")
    func rightToLeftPage() {
        #expect(ParagraphDirection.isRightToLeft("הצעת מחיר Q-1", pageRightToLeft: true))
        #expect(ParagraphDirection.isRightToLeft("Q-1 · עמוד 1", pageRightToLeft: true))
        #expect(ParagraphDirection.isRightToLeft("1,234.00", pageRightToLeft: true))
        #expect(ParagraphDirection.isRightToLeft("", pageRightToLeft: true))
        #expect(!ParagraphDirection.isRightToLeft("Acme Ltd.", pageRightToLeft: true))
    }

    @Test("On an LTR page a paragraph is LTR unless it has Hebrew or Arabic and no Latin letters")
    func leftToRightPage() {
        #expect(!ParagraphDirection.isRightToLeft("Quote for גלובקס", pageRightToLeft: false))
        #expect(!ParagraphDirection.isRightToLeft("12.00", pageRightToLeft: false))
        #expect(ParagraphDirection.isRightToLeft("شركة النور.", pageRightToLeft: false))
    }
}
