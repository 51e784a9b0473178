import Foundation

/// The email addresses funnel sends to and from: one plain `local@domain` in ASCII, no display
/// name, no comments, no spaces or line breaks — so no address taken from a deal or the team
/// file can add a header or a second recipient to a message.
public enum MailAddress {
    /// The longest address (RFC 5321's path limit).
    public static let maximumLength = 254

    /// Whether `text` is an address funnel accepts.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength,
            text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, isLocalPart(parts[0]), isDomain(parts[1]) else { return false }
        return true
    }

    /// The part after the `@`, for a Message-ID; "localhost" when there is none.
    public static func domain(of address: String) -> String {
        guard isValid(address), let at = address.lastIndex(of: "@") else { return "localhost" }
        return String(address[address.index(after: at)...])
    }

    static func isLocalPart(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.count <= 64, part.first != ".", part.last != ".", !part.contains("..") else { return false }
        return part.utf8.allSatisfy { $0 < 128 && localPartBytes[Int($0)] }
    }

    /// Which ASCII bytes a local part may hold (a table: a team of a thousand checks every
    /// address each time team.json is read).
    static let localPartBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func isDomain(_ part: Substring) -> Bool {
        let labels = part.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
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
