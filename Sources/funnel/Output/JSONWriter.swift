import FunnelCore

/// JSON written straight into UTF-8 bytes, members in the order written: objects and arrays are
/// opened and closed, keys and values appended, commas, line breaks and indents put where they
/// go. `JSONOut` trees are written through it too, so both lay out JSON the same, byte for byte.
/// `list --all --json` writes 100,000 deals with it without making a tree for each.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Two-space indents and a space after each colon; compact when false.
    let pretty: Bool
    private var level: Int
    /// Whether the container being written has no member yet.
    private var empty = false

    /// A writer whose first value sits at nesting `level` (its line breaks indent from there).
    init(pretty: Bool, level: Int = 0) {
        self.pretty = pretty
        self.level = level
    }

    /// Opens an object (`{`); members follow as `key` and a value.
    mutating func openObject() { open(UInt8(ascii: "{")) }

    /// Closes the object opened last (`{}` when it has no member).
    mutating func closeObject() { close(UInt8(ascii: "}")) }

    /// Opens an array (`[`); its values follow, each after `element()`.
    mutating func openArray() { open(UInt8(ascii: "[")) }

    /// Closes the array opened last (`[]` when it has no value).
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// The next member's key, one of funnel's own (a literal of the `--json` contract: plain
    /// ASCII, nothing to escape), after a comma and a line break when it is not the first. Its
    /// bytes are copied as they are: escaping 30 keys of each of 100,000 deals again and again
    /// was a tenth of `list --all --json`.
    mutating func key(_ name: StaticString) {
        member()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        keyEnd()
    }

    /// The next member's key when it is data (a report's seller or stage, say): escaped.
    mutating func key(escaping name: String) {
        member()
        JSONOut.escape(name, into: &bytes)
        keyEnd()
    }

    /// The colon after a key, and a space when pretty.
    private mutating func keyEnd() {
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Before each value of an array: a comma and a line break when it is not the first.
    mutating func element() { member() }

    /// A string value (escaped as `JSONOut.escape` does), or null.
    mutating func string(_ text: String?) {
        guard let text else { return null() }
        JSONOut.escape(text, into: &bytes)
    }

    /// A number value, or null.
    mutating func number(_ number: Int?) {
        guard let number else { return null() }
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// An array of strings.
    mutating func strings(_ texts: [String]) {
        openArray()
        for text in texts {
            element()
            string(text)
        }
        closeArray()
    }

    /// A key and its string value (or null).
    mutating func field(_ name: StaticString, _ text: String?) {
        key(name)
        string(text)
    }

    /// A key and its number value (or null).
    mutating func field(_ name: StaticString, _ number: Int?) {
        key(name)
        self.number(number)
    }

    /// Bytes laid out by the caller, appended as they are (`JSONOut.streamArray`'s separators).
    mutating func raw(_ text: [UInt8]) { bytes.append(contentsOf: text) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if empty {
            // `{}` and `[]`: nothing was written between the brackets.
            empty = false
        } else {
            lineBreak()
        }
        bytes.append(bracket)
    }

    private mutating func member() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        lineBreak()
    }

    /// A line break and `level` indents, written byte by byte: a shared array of ready-made
    /// breaks cost a reference count on every member, and the cores writing pieces of
    /// `list --all --json` side by side fought over that one count (a tenth of the command).
    private mutating func lineBreak() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }
}
