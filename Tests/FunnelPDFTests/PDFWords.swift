import Foundation

/// A word and its box on a page, from `pdftotext -bbox` (points, origin at the top left).
struct PDFWord: Equatable {
    let text: String
    let xMin: Double
    let yMin: Double
    let xMax: Double
    let yMax: Double

    /// The middle of the word's height: glyphs of different fonts on one line share it closely.
    var yMiddle: Double { (yMin + yMax) / 2 }

    /// Every word of page `page` of `pdf`.
    static func words(_ pdf: String, page: Int = 1) throws -> [PDFWord] {
        let html = try PopplerTools.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf, "-"])
        let pattern = try NSRegularExpression(
            pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            func group(_ index: Int) -> String { String(html[Range(match.range(at: index), in: html)!]) }
            return PDFWord(
                text: ExtractedText.withoutMarks(group(5)), xMin: Double(group(1))!,
                yMin: Double(group(2))!, xMax: Double(group(3))!, yMax: Double(group(4))!)
        }
    }
}

extension [PDFWord] {
    /// The words on the same line as the first word reading `text`, left to right.
    func line(of text: String) -> [PDFWord] {
        guard let anchor = first(where: { $0.text == text }) else { return [] }
        return filter { abs($0.yMiddle - anchor.yMiddle) < 5 }.sorted { $0.xMin < $1.xMin }
    }
}
