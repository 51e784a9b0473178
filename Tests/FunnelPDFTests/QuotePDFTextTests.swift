import Foundation
import FunnelPDF
import Testing

/// English, Hebrew and Arabic quotes written to PDF and read back with `pdftotext`: every cell,
/// fact, total and paragraph is there, numbers intact, the footer numbered.
@Suite struct QuotePDFTextTests {
    /// Every text of `layout` a reader must find in the PDF.
    static func expectedTexts(_ layout: QuoteLayout) -> [String] {
        var texts = [layout.title] + layout.seller + layout.intro + layout.closing.flatMap { $0.split(separator: "\n").map(String.init) }
        texts += layout.facts.flatMap { [$0.label, $0.value] } + layout.totals.flatMap { [$0.label, $0.value] }
        texts += layout.columns.map(\.heading) + layout.rows.flatMap { $0 }
        return texts
    }

    @Test("An English quote is an A4 page with every cell, fact, total and paragraph, and its footer")
    func english() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let layout = SampleQuotes.english()
        let pdf = try files.write(layout, as: "en")
        let text = try files.text(pdf)
        #expect(try PopplerTools.pageCount(pdf) == 1)
        #expect(try PopplerTools.pageSize(pdf).hasPrefix("595.28 x 841.89"))
        for expected in Self.expectedTexts(layout) where !expected.contains(" ") {
            #expect(text.contains(expected), "\(expected) is missing")
        }
        #expect(ExtractedText.missing(Self.expectedTexts(layout), in: text) == [])
        #expect(text.contains("Q-2026-0007 · Page 1 of 1"))
        #expect(text.contains("Hybrid inverter 8 kW"))
        let layoutText = try PopplerTools.text(pdf, layout: true)
        let row = layoutText.split(separator: "\n").first { $0.contains("Hybrid inverter") } ?? ""
        #expect(
            row.split(separator: " ").map(String.init) == ["2", "Hybrid", "inverter", "8", "kW", "1", "5,600.00", "5,600.00"],
            "the row reads in column order on one line: \(row)")
        let total = layoutText.split(separator: "\n").first { $0.contains("25,238.43") } ?? ""
        #expect(total.split(separator: " ").map(String.init) == ["Total", "USD", "25,238.43"])
    }

    @Test("A Hebrew quote has every text in logical order, numbers intact, and its footer", arguments: [false, true])
    func hebrew(layoutMode: Bool) throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let layout = SampleQuotes.hebrew()
        let pdf = try files.write(layout, as: "he")
        let text = ExtractedText.withoutMarks(try PopplerTools.text(pdf, layout: layoutMode))
        #expect(ExtractedText.missingWords(Self.expectedTexts(layout), in: text) == [])
        #expect(
            ExtractedText.missing(
                [
                    "להלן הצעת המחיר להתקנת מערכת סולארית", "סכום ביניים", "פאנל סולארי SunPower 410W",
                    "תחזוקה לשנתיים", "סה״כ לתשלום", "גלובקס בע״מ", "בתוקף עד",
                ], in: text) == [],
            "runs of Hebrew words come back in logical order")
        for number in [
            "14,808.00", "1,234.00", "5,600.00", "980.50", "21,388.50", "3,849.93", "25,238.43", "2,103.20",
            "Q-2026-0008", "29.11.2026", "514567890",
        ] {
            #expect(text.contains(number), "\(number) is not intact")
        }
        #expect(text.contains("SunPower 410W"))
        #expect(ExtractedText.squeezed(text).contains(ExtractedText.squeezed("עמוד 1 מתוך 1")))
        #expect(ExtractedText.squeezed(text).contains("הצעתמחירQ-2026-0008"), "the title reads Hebrew first, then the number")
    }

    @Test("An Arabic quote has joined words extracted as the logical strings, numbers intact, and its footer")
    func arabic() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let layout = SampleQuotes.arabic()
        let pdf = try files.write(layout, as: "ar")
        let text = ExtractedText.withoutMarks(try files.text(pdf))
        // Poppler gives a lam-alef ligature's two letters reversed ("لا" as "ال"); the words
        // checked here avoid that ligature, so they must come back exactly.
        let words = [
            "شركة أكمي للطاقة", "عرض سعر", "لوح شمسي", "محول هجين", "المجموع الفرعي", "سعر الوحدة",
            "بتحويل بنكي", "شركة النور", "صفحة 1 من 1",
        ]
        #expect(ExtractedText.missing(words, in: text) == [])
        for number in ["14,808.00", "1,234.00", "5,600.00", "20,408.00", "3,673.44", "24,081.44", "2,006.79", "Q-2026-0009"] {
            #expect(text.contains(number), "\(number) is not intact")
        }
        #expect(
            !text.unicodeScalars.contains { (0xFE70...0xFEFF).contains($0.value) },
            "shaped glyphs map back to the letters, not to presentation forms")
    }
}
