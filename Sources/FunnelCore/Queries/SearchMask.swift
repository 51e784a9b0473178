/// Which bytes a folded text holds, as 64 bits: enough to rule most texts out of a search
/// without reading them, and to answer a search for one letter or digit alone.
///
/// a–z and 0–9 have a bit each; every other byte shares one of 28 bits with others.
public enum SearchMask {
    /// The bit of one byte.
    @inlinable public static func bit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: return 1 << UInt64(byte - 0x61)
        case 0x30...0x39: return 1 << UInt64(26 + byte - 0x30)
        default: return 1 << UInt64(36 + Int(byte) % 28)
        }
    }

    /// The bits of every byte of `text`.
    public static func of(_ text: String) -> UInt64 {
        var mask: UInt64 = 0
        for byte in text.utf8 { mask |= bit(byte) }
        return mask
    }

    /// The bits of every byte of a folded text's UTF-8 `bytes` (an array's, or read in place).
    @inlinable public static func of<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var mask: UInt64 = 0
        for byte in bytes { mask |= bit(byte) }
        return mask
    }

    /// Whether a text of mask `text` may hold a needle of mask `needle`: it has all its bits.
    @inlinable public static func mayHold(_ text: UInt64, _ needle: UInt64) -> Bool { text & needle == needle }

    /// Whether the mask alone tells if a text holds `needle` (folded): one letter or digit, whose
    /// bit no other byte shares.
    public static func decides(_ needle: String) -> Bool {
        guard needle.utf8.count == 1, let byte = needle.utf8.first else { return false }
        return (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
