import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelCore

/// The code page tables against glibc's iconv, run now: every byte 0x80–0xFF, one at a time
/// (so iconv's Hebrew point composition never joins two bytes), undefined bytes included.
@Suite("Code pages against iconv")
struct CodePageTests {
    /// What iconv makes of one byte: its scalar, or nil when iconv refuses it.
    static func iconv(_ byte: UInt8, from name: String) throws -> UInt32? {
        let result = try runProgram(
            "/usr/bin/iconv", ["-f", name, "-t", "UTF-32BE"], environment: ["PATH": "/usr/bin:/bin"], input: Data([byte]))
        let data = result.stdoutData
        guard result.ok, data.count == 4 else { return nil }
        return data.reduce(0) { $0 << 8 | UInt32($1) }
    }

    @Test(arguments: [(CodePage.windows1255, "CP1255"), (CodePage.windows1256, "CP1256")])
    func everyHighByteMatchesIconv(page: CodePage, iconvName: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv"), "iconv is needed (libc-bin)")
        var undefined: [UInt8] = []
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let expected = try Self.iconv(byte, from: iconvName)
            #expect(page.scalar(byte)?.value == expected, "\(page.rawValue) byte \(String(byte, radix: 16))")
            if expected == nil { undefined.append(byte) }
        }
        if page == .windows1255 { #expect(undefined.contains(0x81) && undefined.contains(0xFF), "1255 leaves some bytes undefined") }
    }

    @Test func anUndefinedByteIsAnErrorWithItsLine() {
        let bytes: [UInt8] = Array("title\n".utf8) + [0xE0, 0xFF]
        guard case .failure(let error) = TextEncoding.windows1255.decode(bytes) else {
            Issue.record("0xFF is not Windows-1255")
            return
        }
        #expect(error.message.contains("line 2") && error.message.contains("0xFF"), "\(error.message)")
    }

    @Test func asciiIsItself() {
        for page in CodePage.allCases {
            #expect((try? page.decode(Array("Acme, 054-1234567".utf8)).get()) == "Acme, 054-1234567")
        }
    }
}

@Suite("Text encodings and delimiters")
struct TextEncodingTests {
    static func iconv(_ text: String, to name: String) throws -> [UInt8] {
        let result = try runProgram(
            "/usr/bin/iconv", ["-f", "UTF-8", "-t", name], environment: ["PATH": "/usr/bin:/bin"], input: Data(text.utf8))
        return [UInt8](result.stdoutData)
    }

    @Test func detectsEachEncoding() throws {
        let hebrew = "כותרת,חברה\nרישיון שנתי,כרמל תוכנה\n"
        let arabic = "العنوان,الشركة\nاشتراك سنوي,شركة النور\n"
        #expect(TextEncoding.detect(Array(hebrew.utf8)) == .utf8)
        #expect(TextEncoding.detect([0xEF, 0xBB, 0xBF] + Array(hebrew.utf8)) == .utf8)
        #expect(TextEncoding.detect(try Self.iconv(hebrew, to: "UTF-16LE").withBOM) == .utf16le)
        #expect(TextEncoding.detect(try Self.iconv(hebrew, to: "CP1255")) == .windows1255)
        #expect(TextEncoding.detect(try Self.iconv(arabic, to: "CP1256")) == .windows1256)
        for (text, encoding, iconvName) in [(hebrew, TextEncoding.windows1255, "CP1255"), (arabic, .windows1256, "CP1256")] {
            #expect(try encoding.decode(Self.iconv(text, to: iconvName)).get() == text)
        }
        #expect(try TextEncoding.utf16le.decode(Self.iconv(arabic, to: "UTF-16LE").withBOM).get() == arabic)
        #expect(try TextEncoding.utf8.decode([0xEF, 0xBB, 0xBF] + Array(hebrew.utf8)).get() == hebrew)
    }

    @Test func badBytesAreErrors() {
        #expect((try? TextEncoding.utf8.decode([0x61, 0x0A, 0xE0, 0x61]).get()) == nil)
        if case .failure(let error) = TextEncoding.utf8.decode([0x61, 0x0A, 0xE0, 0x61]) { #expect(error.message.contains("line 2")) }
        #expect((try? TextEncoding.utf16le.decode([0xFF, 0xFE, 0x61]).get()) == nil, "odd length")
        #expect((try? TextEncoding.utf16le.decode([0xFF, 0xFE, 0x00, 0xD8]).get()) == nil, "lone surrogate")
    }

    /// UTF-16 big-endian and files holding NUL bytes are named for what they are, not parsed
    /// into "a quote inside an unquoted field".
    @Test func filesThatAreNotTextSaySo() {
        #expect(TextEncoding.notText([0xFE, 0xFF, 0x00, 0x61])?.contains("UTF-16 big-endian") == true)
        #expect(TextEncoding.notText([0x61, 0x0A, 0x62, 0x00, 0x7F])?.hasPrefix("line 2: the file holds NUL bytes") == true)
        #expect(TextEncoding.notText([0xFF, 0xFE, 0x61, 0x00]) == nil, "UTF-16 LE with its BOM is read")
        #expect(TextEncoding.notText(Array("title\nשלום\n".utf8)) == nil)
    }

    @Test func delimitersAndQuotedLineBreaks() throws {
        #expect(ImportTable.detectDelimiter("a;b;c\n1,5;2;3") == ";")
        #expect(ImportTable.detectDelimiter("a\tb\tc") == "\t")
        #expect(ImportTable.detectDelimiter("\"a;b\",c,d") == ",")
        #expect(ImportTable.detectDelimiter("title") == ",")
        let table = try ImportTable.parse("title;notes\r\nA;\"one\r\ntwo; three\"\r\n\r\nB;x\r\n").get()
        #expect(table.header == ["title", "notes"])
        #expect(table.rows.map(\.line) == [2, 5])
        #expect(table.rows[0].cells == ["A", "one\ntwo; three"])
    }
}

@Suite("CSV cells for spreadsheets")
struct CSVCellTests {
    @Test func formulaStartsAreGuardedAndReadBack() {
        for text in ["=1+1", "+972541234567", "-5", "@SUM(A1)", "\tx", "\rx", "'=already"] {
            let guarded = CSVCell.guarded(text)
            #expect(guarded == "'" + text)
            #expect(CSVCell.isGuarded(guarded))
            #expect(String(guarded.dropFirst()) == text)
        }
        for text in ["Acme", "'quoted", "12,500", "רישיון", ""] { #expect(CSVCell.guarded(text) == text) }
    }

    @Test func quotingAndDocument() {
        #expect(CSVCell.field("a,b") == "\"a,b\"")
        #expect(CSVCell.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.field("two\nlines") == "\"two\nlines\"")
        let document = CSVCell.document(header: ["title"], rows: [["רישיון שנתי"]])
        #expect(Array(document.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(document.hasSuffix("רישיון שנתי\r\n"))
    }

    /// A report's figures stay numbers; any other text starting a formula is guarded, as `export` guards it.
    @Test func keepingNumbersGuardsEverythingButPlainDecimals() {
        for number in ["-3", "+1.5", "0.5000", "12", "-0.25"] { #expect(CSVCell.field(number, keepingNumbers: true) == number) }
        for text in ["-inf", "+nan", "-1e5", "-", "+.5", "-3.", "=1+2", "@x", "\t=1+2", "-3 ", "--3"] {
            #expect(CSVCell.field(text, keepingNumbers: true).hasPrefix("'") || CSVCell.field(text, keepingNumbers: true).hasPrefix("\"'"))
        }
        #expect(CSVCell.field("\t=1+2", keepingNumbers: true) == "'\t=1+2")
        #expect(CSVCell.field("\r=3+4", keepingNumbers: true) == "\"'\r=3+4\"")
        #expect(CSVCell.field("-3") == "'-3", "export guards every leading minus")
    }
}

extension Array where Element == UInt8 {
    var withBOM: [UInt8] { [0xFF, 0xFE] + self }
}

@Suite("Two encodings in one file")
struct MixedEncodingTests {
    /// Two encodings in one file are reported, not guessed: the UTF-8 line would come out garbled.
    @Test func aFileMixingUTF8AndACodePageIsFound() {
        let hebrew1255: [UInt8] = [0xF9, 0xEC, 0xE5, 0xED]  // שלום in Windows-1255
        let arabic1256: [UInt8] = [0xE3, 0xD1, 0xCD, 0xC8, 0xC7]  // مرحبا in Windows-1256
        let header = Array("title,company\n".utf8)
        let utf8Line = Array("שלום,Co2\n".utf8)
        #expect(TextEncoding.mixedLines(header + hebrew1255 + Array(",Co\n".utf8) + utf8Line)! == (3, 2))
        #expect(TextEncoding.mixedLines(header + utf8Line + arabic1256 + [0x0A])! == (2, 3))
        #expect(TextEncoding.mixedLines(header + hebrew1255 + [0x0A] + arabic1256 + [0x0A]) == nil, "code pages only")
        #expect(TextEncoding.mixedLines(header + utf8Line) == nil, "UTF-8 only")
        #expect(TextEncoding.mixedLines(header + Array("café,Co\n".utf8) + hebrew1255) == nil, "one accented letter is not a UTF-8 line")
    }
}
