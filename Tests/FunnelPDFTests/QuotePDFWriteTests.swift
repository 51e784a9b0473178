import Foundation
import FunnelPDF
import Testing

/// Writing the file: all or nothing, clear errors, symlinks replaced rather than followed.
@Suite struct QuotePDFWriteTests {
    @Test("render gives a whole PDF file; write puts the same kind of file on disk and no temporary file")
    func renderAndWrite() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let bytes = try QuotePDF.render(SampleQuotes.english())
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: bytes.suffix(8), as: UTF8.self).contains("%%EOF"))
        let path = try files.write(SampleQuotes.english(), as: "q")
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory) == ["q.pdf"])
        #expect(try PopplerTools.pageCount(path) == 1)
    }

    @Test("A directory that does not exist is a clear error naming the path")
    func missingDirectory() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let path = "\(files.directory)/no-such-dir/q.pdf"
        #expect {
            try QuotePDF.write(SampleQuotes.english(), to: path)
        } throws: { error in
            guard case QuotePDFError.cannotWrite(let failed, let reason) = error else { return false }
            return failed == path && reason.contains("No such file") && "\(error)".contains(path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory) == [])
    }

    @Test("A symlink at the path is replaced by the PDF; the file it pointed to is untouched")
    func symlinkReplaced() throws {
        let files = try QuoteFiles()
        defer { files.remove() }
        let target = "\(files.directory)/precious.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        let path = "\(files.directory)/q.pdf"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        try QuotePDF.write(SampleQuotes.english(), to: path)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil, "the link itself was replaced")
        #expect(try PopplerTools.pageCount(path) == 1)
    }

    @Test("The fonts in use include DejaVu Sans, the baseline every install has")
    func fonts() throws {
        #expect(try QuotePDF.fontFamilies().contains("DejaVu Sans"))
        #expect(QuotePDF.pangoVersion.split(separator: ".").count == 3)
    }
}
