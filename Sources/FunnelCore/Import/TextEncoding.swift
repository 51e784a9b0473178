import Foundation

/// The encodings an imported file may come in, as offices produce them: UTF-8 (with or without
/// a BOM), UTF-16 LE with a BOM (Excel's "Unicode text"), Windows-1255 and Windows-1256.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case windows1255 = "windows-1255"
    case windows1256 = "windows-1256"

    /// The encoding a file is most likely in: its BOM; else UTF-8 when the bytes are valid UTF-8;
    /// else Windows-1256 when many bytes fall where Arabic letters are (0xC1–0xDF) or a byte
    /// Windows-1255 leaves undefined occurs; else Windows-1255 (Hebrew letters are 0xE0–0xFA).
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
        var arabicRange = 0, hebrewLetters = 0
        for byte in bytes where byte >= 0x80 {
            if !CodePage.windows1255.defines(byte) { return .windows1256 }
            if (0xC1...0xDF).contains(byte) && byte != 0xD7 { arabicRange += 1 }
            if (0xE0...0xFA).contains(byte) { hebrewLetters += 1 }
        }
        return arabicRange * 4 > hebrewLetters ? .windows1256 : .windows1255
    }

    /// Why `bytes` cannot be a text file funnel reads, or nil: UTF-16 big-endian (its BOM,
    /// `FE FF`), or NUL bytes, which no text in these encodings holds (a spreadsheet's binary
    /// file, a program, UTF-16 without its BOM). Said plainly, before any parsing would call it a
    /// quote in the wrong place.
    public static func notText(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16 big-endian, which funnel does not read; save it as UTF-8 "
                + "(or Excel's \"Unicode text\", UTF-16 little-endian)"
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return nil }
        guard let nul = bytes.firstIndex(of: 0) else { return nil }
        let line = bytes[..<nul].filter { $0 == 0x0A }.count + 1
        return "line \(line): the file holds NUL bytes, so it is not a text file (a spreadsheet's own "
            + "format, or UTF-16 without its mark); save it as CSV in UTF-8"
    }

    /// A file whose encoding cannot be guessed because it has two: a line in UTF-8 (valid, with at
    /// least two characters beyond ASCII) and a line that is not UTF-8 at all; their line numbers.
    /// Such a file (two exports pasted together) would otherwise be read garbled in one code page.
    public static func mixedLines(_ bytes: [UInt8]) -> (utf8: Int, other: Int)? {
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var utf8Line: Int?, otherLine: Int?
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if String(validating: line, as: UTF8.self) != nil {
                if utf8Line == nil, line.filter({ $0 >= 0xC2 && $0 <= 0xF4 }).count >= 2 { utf8Line = index + 1 }
            } else if otherLine == nil {
                otherLine = index + 1
            }
            if let utf8Line, let otherLine { return (utf8Line, otherLine) }
        }
        return nil
    }

    /// The text without its BOM, or why it cannot be read in this encoding.
    public func decode(_ bytes: [UInt8]) -> Result<String, ImportError> {
        switch self {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let text = String(validating: body, as: UTF8.self) else {
                return .failure(
                    ImportError(
                        "the file is not valid UTF-8 (\(Self.firstBadUTF8(body))); "
                            + "choose its encoding with --encoding windows-1255, windows-1256 or utf-16le"))
            }
            return .success(text)
        case .utf16le:
            return Self.utf16(bytes)
        case .windows1255, .windows1256:
            let page: CodePage = self == .windows1255 ? .windows1255 : .windows1256
            switch page.decode(bytes) {
            case .success(let text): return .success(text)
            case .failure(let bad):
                let line = bytes.prefix(bad.offset).filter { $0 == 0x0A }.count + 1
                return .failure(ImportError(String(format: "line %d: byte 0x%02X is not a character in %@", line, Int(bad.byte), rawValue)))
            }
        }
    }

    /// UTF-16 little-endian, a BOM first or not; a lone surrogate or an odd length is an error.
    static func utf16(_ bytes: [UInt8]) -> Result<String, ImportError> {
        guard bytes.count % 2 == 0 else { return .failure(ImportError("the file is not UTF-16: it has an odd number of bytes")) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput: break loop
            case .error: return .failure(ImportError("line \(line): the file is not valid UTF-16 (a lone surrogate)"))
            }
        }
        return .success(String(scalars))
    }

    /// "line N" of the first byte that is not UTF-8.
    static func firstBadUTF8(_ body: [UInt8]) -> String {
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput, .error: return "line \(line)"
            }
        }
    }
}

/// Why an import cannot go on, in words for the person running it.
public struct ImportError: Error, Hashable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
