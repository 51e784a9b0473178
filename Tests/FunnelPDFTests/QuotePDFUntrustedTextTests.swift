import Foundation
import FunnelPDF
import Testing

/// Untrusted text is set as plain text: control characters and bidi overrides never reach the
/// page, markup is shown as written, nothing crashes.
@Suite struct QuotePDFUntrustedTextTests {
    static let hostile = "A\u{0}B\u{7}C\u{1B}[31mD\u{202E}E\u{202D}F\tG\u{2028}H\u{85}I\u{8}J"

    @Test("Control characters and bidi overrides in every field neither crash nor appear")
    func controlCharacters() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        var layout = SampleQuotes.english(rows: [["1", Self.hostile, "1", "1.00", "1.00"]])
        layout.title = "Quote \(Self.hostile)"
        layout.seller = [Self.hostile]
        layout.facts = [LabeledValue(label: Self.hostile, value: Self.hostile)]
        layout.intro = [Self.hostile]
        layout.totals = [LabeledValue(label: Self.hostile, value: Self.hostile)]
        layout.closing = [Self.hostile]
        layout.pageFooter = "\(Self.hostile) {page}/{pages}"
        layout.columns[1].heading = Self.hostile
        layout.language = "en\u{0}\u{1B}"
        let text = try files.text(try files.write(layout, as: "hostile"))
        let bad = text.unicodeScalars.filter {
            ($0.properties.generalCategory == .control && !["\n", "\u{C}"].contains($0)) || (0x202A...0x202E).contains($0.value)
        }
        #expect(bad.isEmpty, "control or override characters came through: \(bad.map { String($0.value, radix: 16) })")
        #expect(text.contains("ABC[31mDEF G"), "the printable text stays, in order, the tab as a space")
        #expect(text.contains("1/1"))
    }

    @Test("Text that looks like Pango markup is shown as written")
    func markupIsText() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let markup = "<b>Bold</b> & <span foreground=\"red\">red</span> &amp;"
        let layout = SampleQuotes.english(rows: [["1", markup, "1", "1.00", "1.00"]])
        let text = try files.text(try files.write(layout, as: "markup"))
        #expect(ExtractedText.squeezed(text).contains(ExtractedText.squeezed(markup)), "the tags and entities are printed")
    }

    @Test("Empty fields, missing and extra cells, zero and negative weights still make a page")
    func degenerate() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let layout = QuoteLayout(
            rightToLeft: true, language: "", title: "", seller: [], logoPath: nil, facts: [], intro: [""],
            columns: [
                QuoteColumn(heading: "A", weight: 0, numeric: false), QuoteColumn(heading: "B", weight: -3, numeric: true),
                QuoteColumn(heading: "C", weight: .nan, numeric: true),
            ],
            rows: [[], ["only"], ["x", "y", "z", "extra"]], totals: [], closing: [], pageFooter: "")
        let pdf = try files.write(layout, as: "empty")
        #expect(try PopplerTools.pageCount(pdf) == 1)
        let text = try files.text(pdf)
        #expect(text.contains("only") && text.contains("z") && !text.contains("extra"))
    }

    @Test("A row longer than a page gets a page of its own, cut to fit; a seller block of 30 lines keeps 12")
    func oversized() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let huge = (1...4000).map { "w\($0)" }.joined(separator: " ")
        var layout = SampleQuotes.english(rows: [["1", huge, "1", "1.00", "1.00"], ["2", "After", "1", "2.00", "2.00"]])
        layout.seller = (1...30).map { "Seller line \($0)" }
        let pdf = try files.write(layout, as: "huge")
        #expect(try PopplerTools.pageCount(pdf) == 3)
        let first = try PopplerTools.text(pdf, page: 1)
        #expect(first.contains("Seller line 12") && !first.contains("Seller line 13"))
        #expect(!first.contains("Unit price"), "the heading moves with the row, never alone at a page's foot")
        let second = try PopplerTools.text(pdf, page: 2)
        #expect(second.contains("Unit price") && second.contains("w1 w2 w3") && !second.contains("After"))
        // The cut is an ellipsis on the page; Cairo maps that glyph to the words it stands for,
        // so the text layer still holds them, up to the last.
        #expect(second.contains("w4000"))
        let third = try PopplerTools.text(pdf, page: 3)
        #expect(third.contains("Unit price") && third.contains("After") && third.contains("Page 3 of 3"))
    }
}
