import Foundation
import FunnelPDF
import Testing

/// A long table breaks across pages: headings repeated, rows whole and in order, every page numbered.
@Suite struct QuotePDFPagingTests {
    @Test("A 120-row table fills several pages, each with the headings, every row once and whole, page k of N")
    func longTable() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let pdf = try files.write(SampleQuotes.english(rows: SampleQuotes.manyRows(120)), as: "long")
        let pages = try PopplerTools.pageCount(pdf)
        #expect(pages >= 3)
        var seen: [Int] = []
        for page in 1...pages {
            let text = try PopplerTools.run("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", pdf, "-"])
            #expect(text.contains("Q-2026-0007 · Page \(page) of \(pages)"), "page \(page) footer")
            // A whole row reads on one line: number, name, quantity, unit price, its own total.
            let rows = text.split(separator: "\n").compactMap { line -> Int? in
                let words = line.split(separator: " ").map(String.init)
                guard words.count == 7, words[1...2] == ["Product", "number"], let row = Int(words[0]) else { return nil }
                #expect(
                    words[3] == "\(row)" && words[4] == "\(row % 7 + 1)" && words[5] == "10.00"
                        && words[6] == "\(row).00", "row \(row) is whole on page \(page): \(line)")
                return row
            }
            if !rows.isEmpty {
                let headings = text.split(separator: "\n").filter {
                    $0.split(separator: " ") == ["#", "Item", "Qty", "Unit", "price", "Total"]
                }
                #expect(headings.count == 1, "page \(page) repeats the headings once")
            }
            seen += rows
        }
        #expect(seen == Array(1...120), "every row once, in order")
        let last = try PopplerTools.text(pdf, page: pages)
        #expect(last.contains("25,238.43") && last.contains("Kind regards,"), "totals and closing follow the table")
    }

    @Test("A long Hebrew table repeats its Hebrew headings on every page")
    func longHebrewTable() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let rows = (1...120).map { ["\($0)", "פריט מספר \($0)", "1", "10.00", "\($0).00"] }
        let pdf = try files.write(SampleQuotes.hebrew(rows: rows), as: "long-he")
        let pages = try PopplerTools.pageCount(pdf)
        #expect(pages >= 3)
        for page in 1...pages {
            let text = ExtractedText.squeezed(try PopplerTools.text(pdf, page: page))
            #expect(text.contains("מחיריחידה"), "page \(page) repeats the headings")
            #expect(text.contains("עמוד\(page)מתוך\(pages)"), "page \(page) footer")
        }
    }

    @Test("Closing paragraphs longer than a page continue on the next pages")
    func longClosing() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        var layout = SampleQuotes.english()
        let words = (1...900).map { "word\($0)" }.joined(separator: " ")
        layout.closing = [words, "The end."]
        let pdf = try files.write(layout, as: "long-closing")
        let pages = try PopplerTools.pageCount(pdf)
        #expect(pages >= 2)
        let all = try (1...pages).map { try PopplerTools.text(pdf, page: $0) }.joined(separator: " ")
        let found = all.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("word") }
        #expect(found == (1...900).map { "word\($0)"[...] }, "every word once, in order")
        #expect(try PopplerTools.text(pdf, page: pages).contains("The end."))
    }
}
