import Foundation

/// What a text filter searches on a deal, and how: title, company, contact and phone, ignoring
/// case, diacritics (niqqud, harakat) and width; a filter of digits also finds the phone with
/// its separators ("0541234" finds "054-1234567").
public enum SearchText {
    /// Folds text for searching. Scripts without case or precomposed accents (ASCII, Hebrew,
    /// Arabic, CJK, symbols, emoji) take a fast path over UTF-8 bytes: ASCII lowered, combining
    /// marks (niqqud, harakat, variation selectors) dropped. Anything else (Latin accents,
    /// Cyrillic, fullwidth forms…) goes through Foundation's folding, which gives the same
    /// result for the fast-path scripts.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        if appendFolded(text, to: &out) { return String(decoding: out, as: UTF8.self) }
        return slowFold(text)
    }

    static func slowFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Appends the fast-path folding of `text` to `out`; false (and `out` unchanged) when the text
    /// needs Foundation's folding.
    static func appendFolded(_ text: String, to out: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Nothing to fold (and an empty array may have no storage to point into).
            if bytes.isEmpty { return true }
            // The fast path never writes more bytes than the text has.
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: bytes.count))
            let written = out.withUnsafeMutableBufferPointer { foldFast(bytes, into: $0.baseAddress! + start) }
            out.removeLast(bytes.count - (written ?? 0))
            return written != nil
        }
    }

    /// The fast-path folding of the UTF-8 `bytes` written at `out`, which has room for as many:
    /// how many it took, or nil when the text needs Foundation's folding.
    @inline(__always)
    static func foldFast(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        var i = 0, w = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out[w] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                w += 1
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= bytes.count else { return nil }
            var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { v = (v << 6) | (UInt32(bytes[i + k]) & 0x3F) }
            if !isMark(v) {
                guard keepsAsIs(v) else { return nil }
                for k in 0..<length { out[w + k] = bytes[i + k] }
                w += length
            }
            i += length
        }
        return w
    }

    /// Combining marks of the fast-path scripts: Hebrew points, Arabic harakat, variation selectors.
    static func isMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x0591...0x05BD, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7: return true
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED: return true
        case 0x08D3...0x08E1, 0x08E3...0x08FF: return true
        case 0xFE00...0xFE0F: return true
        default: return false
        }
    }

    /// The searchable text of a deal, computed once per deal version: the folded fields, then
    /// the phone's digits, separated by U+001F (never typed in a filter).
    public static func haystack(_ deal: Deal) -> String {
        var bytes: [UInt8] = []
        appendHaystack(of: deal, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `haystack(deal)`'s bytes put at the end of `bytes` (the board keeps every card's one after
    /// another, with no string made for each).
    public static func appendHaystack(of deal: Deal, to bytes: inout [UInt8]) {
        let (title, company, contact, phone) = (deal.title, deal.company, deal.contact, deal.phone)
        // Room for all of it at once (a reserve per field grew the buffer again for each), at
        // least doubled when it grows: many cards' texts share one buffer.
        let needed = bytes.count + haystackRoom(deal)
        if bytes.capacity < needed { bytes.reserveCapacity(max(needed, 2 * bytes.capacity)) }
        // Field by field, not from an array of the four (one allocation per card).
        func append(_ field: String) {
            if !appendFolded(field, to: &bytes) { bytes.append(contentsOf: slowFold(field).utf8) }
            bytes.append(0x1F)
        }
        append(title)
        append(company)
        append(contact)
        append(phone)
        for b in phone.utf8 where b >= 48 && b <= 57 { bytes.append(b) }
    }

    /// `deal`'s haystack (`appendHaystack`) written straight into `out`, which has room for
    /// `room` bytes: how many it took, or nil (nothing to be kept) when they might not fit or a
    /// field needs Foundation's folding, which may lengthen it. The board's cards write theirs this
    /// way, each field read once, with no array grown a byte at a time.
    public static func writeHaystack(of deal: Deal, into out: UnsafeMutablePointer<UInt8>, room: Int) -> Int? {
        var count = 0, phone = deal.phone
        // Field by field, not from an array of the four (one allocation per card).
        guard writeFolded(deal.title, into: out, at: &count, room: room), writeFolded(deal.company, into: out, at: &count, room: room),
            writeFolded(deal.contact, into: out, at: &count, room: room), writeFolded(phone, into: out, at: &count, room: room),
            count + phone.utf8.count <= room
        else { return nil }
        phone.withUTF8 { bytes in
            for b in bytes where b >= 48 && b <= 57 {
                out[count] = b
                count += 1
            }
        }
        return count
    }

    /// The fast-path folding of `text` (`appendFolded`) written at `out + count`, then U+001F;
    /// false when the text needs Foundation's folding, or its bytes and one more would not fit
    /// before `room` (the fast path never writes more).
    @inline(__always)
    private static func writeFolded(_ text: String, into out: UnsafeMutablePointer<UInt8>, at count: inout Int, room: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard count + bytes.count < room, let written = foldFast(bytes, into: out + count) else { return false }
            out[count + written] = 0x1F
            count += written + 1
            return true
        }
    }

    /// The scripts the fast path keeps byte for byte: Hebrew, Arabic, punctuation and symbols,
    /// CJK, emoji.
    @inline(__always)
    static func keepsAsIs(_ v: UInt32) -> Bool {
        (0x0590...0x08FF).contains(v) || (0x2000...0x2BFF).contains(v) || (0x3040...0x9FFF).contains(v) || (0x1F000...0x1FAFF).contains(v)
    }

    /// The bytes `appendHaystack` most often puts for `deal` (its fields' own, before folding):
    /// room reserved for many cards at once.
    public static func haystackRoom(_ deal: Deal) -> Int {
        deal.title.utf8.count + deal.company.utf8.count + deal.contact.utf8.count + 2 * deal.phone.utf8.count + 4
    }

    /// Whether a haystack contains a folded needle (an empty needle matches everything): a plain
    /// search over UTF-8 bytes, as both sides are folded the same way.
    public static func matches(_ haystack: String, folded needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = haystack, needle = needle
        haystack.makeContiguousUTF8()
        needle.makeContiguousUTF8()
        return haystack.utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in contains(h, n) } ?? false
        } ?? false
    }

    /// Whether the bytes `h` hold the bytes `n` (an empty `n` is held by anything).
    public static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard n.count <= h.count, let first = n.first else { return n.isEmpty }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
