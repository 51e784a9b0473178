import Foundation

/// The texts of the stage changes of many deals read together (who, from, to, which pipeline),
/// each kept once and numbered: a packed history (`PackedChanges`) holds numbers, not texts.
///
/// Found by their bytes, not by `String`'s `==` (which takes canonically equivalent texts, "é"
/// and "e" with a combining accent, for one: a history reads back the bytes written), and without
/// a text made for a number already given: the snapshot's reader hands over the bytes in its
/// buffer. Filled by one thread while it reads its deals (one per part of the snapshot, on its own
/// core), and only read once those deals are handed over, never changed after: so shared between
/// threads without a lock.
public final class ChangeWords: @unchecked Sendable {
    /// The texts by number.
    @exclusivity(unchecked) private var words: [String] = []
    /// Each number's bytes, one after another (`starts[n]..<starts[n + 1]`): the bytes looked up,
    /// which a text repaired from bad UTF-8 would not give back.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var starts: [Int] = [0]
    /// Open addressing by `hash`: a number plus one, 0 for an empty slot.
    @exclusivity(unchecked) private var slots = [UInt16](repeating: 0, count: 1 << 10)

    /// No text yet.
    public init() {}

    /// The most texts one table numbers (the last number stands for none, `PackedChanges.none`).
    static let capacity = Int(UInt16.max)

    /// The number of the text of the UTF-8 `text`: the one given before to the same bytes, or a
    /// new one; nil when the table is full.
    public func code(_ text: UnsafeRawBufferPointer) -> UInt16? {
        let mask = slots.count - 1
        var i = Self.hash(text) & mask
        while slots[i] != 0 {
            let code = Int(slots[i] - 1)
            if holds(code, text) { return UInt16(code) }
            i = (i + 1) & mask
        }
        guard words.count < Self.capacity else { return nil }
        let code = words.count
        words.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        slots[i] = UInt16(code + 1)
        if words.count * 2 > slots.count { grow() }
        return UInt16(code)
    }

    /// `text`'s number (`code(_:)` of its bytes).
    func code(_ text: String) -> UInt16? {
        var text = text
        return text.withUTF8 { code(UnsafeRawBufferPointer($0)) }
    }

    /// The text numbered `code`.
    func word(_ code: UInt16) -> String { words[Int(code)] }

    /// Whether number `code` was given to exactly these bytes.
    private func holds(_ code: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        let (start, end) = (starts[code], starts[code + 1])
        guard end - start == text.count else { return false }
        return text.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text.baseAddress!, text.count) == 0 }
    }

    private func grow() {
        slots = [UInt16](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBytes { all in
            for code in words.indices {
                var i = Self.hash(UnsafeRawBufferPointer(rebasing: all[starts[code]..<starts[code + 1]])) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = UInt16(code + 1)
            }
        }
    }

    /// A quick hash of a few bytes (8 at a time, multiplied and folded), to spread the slots.
    static func hash(_ text: UnsafeRawBufferPointer) -> Int {
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
        var i = 0
        while i + 8 <= text.count {
            h = (h ^ UInt64(littleEndian: text.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < text.count {
            tail = tail << 8 | UInt64(text[i])
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: h ^ h >> 29)
    }
}
