import Foundation
import FunnelPDF
import FunnelTestSupport

/// Writes sample quotes into a fresh temporary directory and reads them back.
struct QuoteFiles {
    let folder: TemporaryFolder
    var directory: String { folder.path }

    init() throws {
        folder = try TemporaryFolder("funnel-pdf")
    }

    /// Writes `layout` as `name`.pdf here and returns its path.
    func write(_ layout: QuoteLayout, as name: String) throws -> String {
        let path = "\(directory)/\(name).pdf"
        try QuotePDF.write(layout, to: path)
        return path
    }

    /// `pdftotext` in reading order and with `-layout`, joined, for "appears somewhere" checks.
    func text(_ pdf: String) throws -> String {
        try PopplerTools.text(pdf, layout: false) + "\n" + PopplerTools.text(pdf, layout: true)
    }

    func remove() { folder.remove() }
}
