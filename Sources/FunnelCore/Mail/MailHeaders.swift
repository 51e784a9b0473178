import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: one line of printable ASCII, with any
/// other text as UTF-8 base64 encoded-words, folded so no line that holds one passes 76
/// characters (RFC 2047 §2), the header's name included.
public enum MailHeaders {
    /// `text` made safe for a header: line breaks, tabs and every other control character
    /// become spaces, runs of spaces one, the ends trimmed. Nothing from a deal reaches a header
    /// without passing here, so no value can start a header of its own.
    public static func clean(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.value < 32 || (scalar.value >= 0x7F && scalar.value < 0xA0)
            if isSpace {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// An unstructured header value (Subject): as it is when it is short printable ASCII,
    /// otherwise encoded-words of at most 64 characters, joined by folding ("\n ").
    public static func unstructured(_ text: String) -> String {
        let value = clean(text)
        if isPlain(value, limit: 68) { return value }
        return encodedWords(value)
    }

    /// A display name and address ("Dana Levi <dana@example.com>"); a name other than plain
    /// words is an encoded-word, so quotes, commas or angle brackets in it stay part of the name.
    public static func mailbox(name: String, address: String) -> String {
        let display = clean(name)
        if display.isEmpty { return "<\(address)>" }
        let plain = display.count <= 60 && display.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " -'_".contains($0)) }
        let shown = plain ? display : encodedWords(display)
        // The address goes on a line of its own when the last word's line would pass 76 with it
        // ("Reply-To: " is the longest name a mailbox follows).
        let lastLine = shown.split(separator: "\n").last.map(String.init) ?? shown
        let folds = !plain && lastLine.count + address.count + 3 + "Reply-To: ".count > 76
        return shown + (folds ? "\n <\(address)>" : " <\(address)>")
    }

    static func isPlain(_ text: String, limit: Int) -> Bool {
        text.utf8.count <= limit && !text.contains("=?") && text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
    }

    /// `=?UTF-8?B?…?=` words, each at most 64 characters, never splitting a character: the first
    /// line, after a header's name ("Subject: ", "Reply-To: "), stays within 76.
    static func encodedWords(_ text: String) -> String {
        let maxBytes = 39  // 52 base64 characters + 12 of the frame = 64
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if chunk.isEmpty { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk = []
        }
        for character in text {
            let units = Array(String(character).utf8)
            // A character longer than a word on its own (a long combining run) is split between scalars.
            let pieces = units.count <= maxBytes ? [units] : character.unicodeScalars.map { Array(String($0).utf8) }
            for piece in pieces {
                if chunk.count + piece.count > maxBytes { flush() }
                chunk += piece
            }
        }
        flush()
        return words.joined(separator: "\n ")
    }

    /// RFC 5322 date-time in UTC: "Tue, 24 Nov 2026 09:00:00 +0000".
    public static func date(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: time)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { zeroPadded(n ?? 0, 2) }
        return "\(days[((c.weekday ?? 1) - 1) % 7]), \(c.day ?? 1) \(months[((c.month ?? 1) - 1) % 12]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// A body in base64, 76 characters a line: 7-bit clean whatever the text.
    public static func base64Body(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return lines.joined(separator: "\n")
    }
}
