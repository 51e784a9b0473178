import Foundation
import Testing

@testable import FunnelStore

/// `TextInterner` gives the same text as decoding the bytes would, and one string for bytes it
/// has seen before: short texts, long ones, invalid UTF-8, thousands of distinct ones.
@Suite struct TextInternerTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func textsAreTheDecodedBytesAndRepeatsShareOneString() {
        let interner = TextInterner()
        var texts: [[UInt8]] = [
            Self.bytes(""), Self.bytes("short"), Self.bytes("exactly fifteen"), Self.bytes("sixteen bytes!!!"),
            Self.bytes("Acme Robotics Ltd — annual"), Self.bytes("כרמל תוכנה בע״מ"), Self.bytes("شركة النور للتجارة"),
            [0xFF, 0xFE] + Self.bytes("invalid at the start of a long text"), Self.bytes("Sakura 寿司 😀 lunch and more"),
        ]
        texts += (0..<5_000).map { Self.bytes("distinct company number \($0)") }
        for round in 0..<2 {
            var first: [Int: String] = [:]
            for (i, bytes) in texts.enumerated() {
                let text = bytes.withUnsafeBytes { interner.text($0) }
                #expect(text == String(decoding: bytes, as: UTF8.self), "round \(round), text \(i)")
                if round == 0 { first[i] = text }
            }
            if round == 1 { continue }
            // Seen before: the same storage, for every valid text longer than 15 bytes.
            for (i, bytes) in texts.enumerated() where bytes.count > 15 && String(validating: bytes, as: UTF8.self) != nil {
                var again = bytes.withUnsafeBytes { interner.text($0) }
                var before = first[i]!
                let same = again.withUTF8 { a in before.withUTF8 { b in a.baseAddress == b.baseAddress } }
                #expect(same, "text \(i) was made twice")
            }
        }
    }
}
