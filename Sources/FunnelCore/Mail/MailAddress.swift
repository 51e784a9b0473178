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
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        guard !part.isEmpty, part.count <= 64, part.first != ".", part.last != ".", !part.contains("..") else { return false }
        return part.allSatisfy(allowed.contains)
    }

    static func isDomain(_ part: Substring) -> Bool {
        let labels = part.split(separator: ".", omittingEmptySubsequences: false)
        return !labels.isEmpty
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}
