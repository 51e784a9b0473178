import Foundation
import Testing

@testable import FunnelCore

/// `SearchText.writeHaystack` (the board's cards' search texts, written in place) writes exactly
/// `appendHaystack`'s bytes, or nothing usable when a field needs Foundation's folding or the
/// room is short, and never a byte past its room.
@Suite struct HaystackWriteTests {
    /// Texts the fast path folds, and texts only Foundation folds (“ŉ” lengthens).
    static let fast = ["a", "Z", "Ab", "9", " ", "-", "ש", "שָׁלוֹם", "مَرْحَبًا", "م", "寿", "😀", "\u{FE0F}", "054-123"]
    static let slow = ["é", "Ŝ", "ŉ", "ü", "ＡＢ"]

    static func text(_ generator: inout SeededGenerator, slowToo: Bool) -> String {
        let pieces = slowToo ? fast + slow : fast
        return (0..<Int.random(in: 0..<6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// An empty text folds to nothing, into an array that has no storage yet too.
    @Test func anEmptyTextFoldsToNothing() {
        var out: [UInt8] = []
        #expect(SearchText.appendFolded("", to: &out) && out.isEmpty)
        #expect(SearchText.fold("") == "")
        #expect(SearchText.fold("ABC") == "abc" && SearchText.fold("שָׁלוֹם") == "שלום")
    }

    @Test func itWritesWhatAppendHaystackAppendsOrNothing() {
        var generator = SeededGenerator(seed: 23)
        var written = 0, declined = 0
        for _ in 0..<5_000 {
            let slowToo = Bool.random(using: &generator)
            var deal = Deal(
                id: "abcd2345", title: Self.text(&generator, slowToo: slowToo), currency: "ILS", owner: nil, stage: "new", created: Date())
            deal.company = Self.text(&generator, slowToo: slowToo)
            deal.contact = Self.text(&generator, slowToo: slowToo)
            deal.phone = Self.text(&generator, slowToo: slowToo)
            var expected: [UInt8] = []
            SearchText.appendHaystack(of: deal, to: &expected)
            let room = SearchText.haystackRoom(deal) - Int.random(in: 0..<3, using: &generator)
            // A guard of sentinel bytes after the room: none may change.
            var buffer = [UInt8](repeating: 0xEE, count: max(0, room) + 16)
            let count = buffer.withUnsafeMutableBufferPointer { SearchText.writeHaystack(of: deal, into: $0.baseAddress!, room: room) }
            #expect(buffer[max(0, room)...].allSatisfy { $0 == 0xEE })
            if let count {
                #expect(Array(buffer[..<count]) == expected)
                written += 1
            } else {
                // Declined only when the room is short or a field needs Foundation's folding.
                let fast = [deal.title, deal.company, deal.contact, deal.phone].allSatisfy { field in
                    var out: [UInt8] = []
                    return SearchText.appendFolded(field, to: &out)
                }
                #expect(!fast || room < SearchText.haystackRoom(deal))
                declined += 1
            }
        }
        #expect(written > 500 && declined > 500)
    }
}
