import Foundation
import FunnelPDF
import Testing

/// The PNG logo: drawn at the top on the start side (left, or right on an RTL page); a missing or
/// broken logo is a clear error and no file.
@Suite struct QuotePDFLogoTests {
    @Test("The logo is embedded once and drawn at the top on the start side", arguments: [false, true])
    func drawn(rightToLeft: Bool) throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let logo = "\(files.directory)/logo.png"
        #expect(TestLogo.writeRed(to: logo, width: 120, height: 40))
        let layout = rightToLeft ? SampleQuotes.hebrew(logo: logo) : SampleQuotes.english(logo: logo)
        let pdf = try files.write(layout, as: "logo")
        #expect(try PopplerTools.images(pdf) == ["120 40"])
        _ = try PopplerTools.run("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", pdf, "\(files.directory)/page"])
        let page = try FileManager.default.contentsOfDirectory(atPath: files.directory).first { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        let png = "\(files.directory)/\(try #require(page))"
        // The logo is 120 x 40 points (within 170 x 60) at the top margin (48 pt of 842) on the start side.
        let startSide: ClosedRange<Double> = rightToLeft ? 0.7...0.88 : 0.12...0.3
        let endSide: ClosedRange<Double> = rightToLeft ? 0.12...0.3 : 0.7...0.88
        #expect(TestLogo.redShare(ofPNG: png, x: startSide, y: 0.065...0.1) > 0.9)
        #expect(TestLogo.redShare(ofPNG: png, x: endSide, y: 0.065...0.1) == 0)
    }

    @Test("Without a logo there is no image")
    func absent() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        #expect(try PopplerTools.images(try files.write(SampleQuotes.english(), as: "plain")) == [])
    }

    @Test("A missing logo is a clear error and writes nothing")
    func missing() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let logo = "\(files.directory)/no-such-logo.png"
        #expect(throws: QuotePDFError.logoUnreadable(path: logo, reason: "no such file")) {
            try files.write(SampleQuotes.english(logo: logo), as: "x")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory) == [])
        let message = QuotePDFError.logoUnreadable(path: logo, reason: "no such file").description
        #expect(message.contains(logo) && message.contains("PNG"))
    }

    @Test("A logo that is not a PNG is a clear error")
    func notPNG() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let logo = "\(files.directory)/logo.png"
        try Data("GIF89a not a png".utf8).write(to: URL(fileURLWithPath: logo))
        #expect {
            try QuotePDF.render(SampleQuotes.english(logo: logo))
        } throws: { error in
            guard case QuotePDFError.logoUnreadable(let path, _) = error else { return false }
            return path == logo
        }
    }
}
