import Foundation

/// Writing direction, from the first strong character (as the Unicode bidi algorithm's P2).
public enum Direction {
    /// Whether the first character with a strong direction in `text` is right-to-left.
    public static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isRTL(v) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }

    static func isRTL(_ v: UInt32) -> Bool {
        (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }
}
