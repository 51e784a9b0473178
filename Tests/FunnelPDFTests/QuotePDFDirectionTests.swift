import FunnelPDF
import Testing

/// Where things sit on the page: columns from the start side, numbers against the end side.
@Suite struct QuotePDFDirectionTests {
    @Test("LTR: the first column is at the left; numbers share their right edge")
    func leftToRight() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let words = try PDFWord.words(try files.write(SampleQuotes.english(), as: "en"))
        let row = words.line(of: "14,808.00")
        #expect(row.map(\.text).first == "1")
        #expect(row.map(\.text).suffix(3) == ["12", "1,234.00", "14,808.00"])
        let totals = words.filter { ["14,808.00", "5,600.00", "980.50"].contains($0.text) && $0.xMin > 450 }
        #expect(totals.count == 3)
        #expect(totals.map(\.xMax).max()! - totals.map(\.xMax).min()! < 0.5, "the total column is right-aligned")
        #expect(words.first { $0.text == "Quote" }!.xMin < 60, "the title starts at the left margin")
    }

    @Test("RTL: the first column is at the right; numbers share their left edge; title at the right", arguments: ["he", "ar"])
    func rightToLeft(language: String) throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let layout = language == "he" ? SampleQuotes.hebrew() : SampleQuotes.arabic()
        let words = try PDFWord.words(try files.write(layout, as: language))
        let row = words.line(of: "14,808.00")
        // Left to right on the page: total, unit price, quantity, item words, then the row number.
        #expect(row.map(\.text).prefix(3) == ["14,808.00", "1,234.00", "12"])
        #expect(row.last?.text == "1")
        #expect(row.last!.xMin > 500, "the # column is at the right margin")
        let totals = words.filter { ["14,808.00", "5,600.00"].contains($0.text) && $0.xMin < 100 }
        #expect(totals.count == 2)
        #expect(totals.map(\.xMin).max()! - totals.map(\.xMin).min()! < 0.5, "the total column is left-aligned")
        let number = words.first { $0.text.hasPrefix("Q-2026-") }!
        let title = words.line(of: number.text)
        #expect(title.first == number && title.count >= 3, "the title's number follows the words, to their left")
        #expect(title.last!.xMax > 540, "the title ends at the right margin")
    }
}
