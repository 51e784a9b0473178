import FunnelCore
import Glibc

/// Texts decoded once per run of deals: a company, a title, a source or an activity's note that
/// many deals share becomes one string, not one allocation per deal. Only texts longer than 15
/// bytes (shorter ones live inside the string value, allocating nothing). One interner serves one
/// thread: each part of a snapshot decoded on a core has its own.
final class TextInterner {
    /// The texts of the same deals' stage changes, numbered (`PackedChanges`).
    let words = ChangeWords()
    // One thread's, read and written only by its own methods one at a time: not checked at run
    // time for overlapping accesses (a check at each of a load's million texts).
    @exclusivity(unchecked) private var slots: [String?] = Array(repeating: nil, count: 1 << 12)
    @exclusivity(unchecked) private var used = 0

    /// The text of the UTF-8 `bytes`: the one made before for the same bytes, or a new one.
    func text(_ bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let mask = slots.count - 1
        var i = Self.hash(bytes) & mask
        while let known = slots[i] {
            if Self.same(known, bytes) { return known }
            i = (i + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[i] = text
        used += 1
        if used * 2 > slots.count { grow() }
        return text
    }

    private func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case var text? in old {
            let h = text.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
            var i = h & mask
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = text
        }
    }

    /// Whether `text` is exactly `bytes` (a text repaired from bad UTF-8 never is: it is then
    /// made again each time, never wrong).
    private static func same(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var text = text
        return text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// The snapshot's own checksum of the bytes (`checksum`), which spreads a table's slots.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int { Int(checksum(bytes)) }
}
