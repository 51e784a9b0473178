import Foundation
import Testing

@testable import FunnelStore

/// SHA-256 as FIPS 180-4 gives it: the standard's examples, and `sha256sum` (coreutils) on
/// every length across the padding's edges, taken in whole and in uneven pieces.
@Suite struct SHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func theStandardsExamples() {
        #expect(Self.hex(SHA256.digest([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(SHA256.digest("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(SHA256.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Self.hex(SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256sumAgreesOnEveryLengthAcrossTheBlockEdges() throws {
        var generator = SystemRandomNumberGenerator()
        let tmp = try TempDir()
        defer { tmp.remove() }
        for length in Array(0...130) + [191, 192, 193, 1_000, 4_095, 4_096, 80_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = tmp.path + "/bytes"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = try Self.sha256sum(path)
            #expect(Self.hex(SHA256.digest(bytes)) == expected, "length \(length)")
            var pieces = SHA256()
            var start = 0
            while start < length {
                let end = min(length, start + 1 + (start * 7) % 70)
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(Self.hex(pieces.finish()) == expected, "length \(length) in pieces")
        }
    }

    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
