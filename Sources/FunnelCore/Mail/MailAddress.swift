import Foundation

/// The email addresses funnel sends to and from: one plain `local@domain` in ASCII, no display
/// name, no comments, no spaces or line breaks — so no address taken from a deal or the team
/// file can add a header or a second recipient to a message.
public enum MailAddress {
    /// The longest address (RFC 5321's path limit).
    public static let maximumLength = 254

    /// Whether `text` is an address funnel accepts. Read as bytes (a team of a thousand checks
    /// every address each time team.json is read; a `String` search went through Foundation).
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.count <= maximumLength, bytes.allSatisfy({ $0 > 32 && $0 < 127 }),
                let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil
            else { return false }
            return isLocalPart(UnsafeBufferPointer(rebasing: bytes[..<at]))
                && isDomain(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
        }
    }

    /// The part after the `@`, for a Message-ID; "localhost" when there is none.
    public static func domain(of address: String) -> String {
        guard isValid(address), let at = address.lastIndex(of: "@") else { return "localhost" }
        return String(address[address.index(after: at)...])
    }

    static func isLocalPart(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        guard !part.isEmpty, part.count <= 64, part.first != dot, part.last != dot else { return false }
        for (i, byte) in part.enumerated() {
            guard byte < 128, localPartBytes[Int(byte)] else { return false }
            if byte == dot, i > 0, part[i - 1] == dot { return false }
        }
        return true
    }

    /// Which ASCII bytes a local part may hold (a table: a team of a thousand checks every
    /// address each time team.json is read).
    static let localPartBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func isDomain(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        let labels = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !labels.isEmpty
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                    && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
            }
    }

    /// An ASCII letter or digit.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
