/// One value being encoded by `StrictJSONEncoder`: a scalar already in JSON text, a string, an
/// object's members or an array's items. A class, so a container filled after `encode(to:)` asked for it
/// fills the value its parent holds.
final class StrictJSONNode {
    var scalar: String?
    /// A string, quoted and escaped as it is written (`writeQuoted`).
    var text: String?
    var members: [(key: String, node: StrictJSONNode)]?
    var items: [StrictJSONNode]?
    /// A part of it asked for what the encoder does not write (`superEncoder`): it gives up.
    var gaveUp = false

    init() {}

    /// A number, `true`, `false` or `null`, as written.
    init(scalar: String) { self.scalar = scalar }

    /// A string, quoted and escaped as Foundation's writer escapes it when written.
    init(text: String) { self.text = text }

    var isSet: Bool { scalar != nil || text != nil || members != nil || items != nil }

    /// `text` in quotes into `out`: `"` and `\` escaped, the short escapes for backspace, form
    /// feed, line feed, carriage return and tab, `\u00xx` (lowercase) for the other control
    /// bytes; slashes and everything else as they are, copied a run at a time.
    static func writeQuoted(_ text: String, into out: inout [UInt8]) {
        var text = text
        out.append(0x22)
        text.withUTF8 { bytes in
            var plainFrom = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
                escape(byte, into: &out)
                plainFrom = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        out.append(0x22)
    }

    /// One byte that needs an escape, escaped.
    private static func escape(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x22: out += [0x5C, 0x22]
        case 0x5C: out += [0x5C, 0x5C]
        case 0x08: out += [0x5C, 0x62]
        case 0x0C: out += [0x5C, 0x66]
        case 0x0A: out += [0x5C, 0x6E]
        case 0x0D: out += [0x5C, 0x72]
        case 0x09: out += [0x5C, 0x74]
        default:
            let hex = Array("0123456789abcdef".utf8)
            out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    /// Writes the value pretty-printed at `indent` levels, as `JSONEncoder` with `.prettyPrinted`
    /// and `.sortedKeys` does: members sorted by their keys' UTF-8 bytes, `"key" : value`, two
    /// spaces a level, an empty object or array as its brackets around an empty line.
    func write(indent: Int, into out: inout [UInt8]) throws {
        // Exactly one of the three, or Foundation's encoder decides what becomes of it.
        let kinds = (scalar == nil ? 0 : 1) + (text == nil ? 0 : 1) + (members == nil ? 0 : 1) + (items == nil ? 0 : 1)
        guard !gaveUp, kinds == 1 else { throw StrictJSONGaveUp() }
        if let scalar {
            out.append(contentsOf: scalar.utf8)
        } else if let text {
            Self.writeQuoted(text, into: &out)
        } else if let members {
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out.append(contentsOf: "{\n".utf8)
            for (i, member) in sorted.enumerated() {
                // A key encoded twice: Foundation keeps the last; not worth copying.
                if i > 0 && sorted[i - 1].key == member.key { throw StrictJSONGaveUp() }
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(indent + 1, &out)
                Self.writeQuoted(member.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                try member.node.write(indent: indent + 1, into: &out)
            }
            out.append(0x0A)
            Self.indent(indent, &out)
            out.append(0x7D)
        } else if let items {
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(indent + 1, &out)
                try item.write(indent: indent + 1, into: &out)
            }
            out.append(0x0A)
            Self.indent(indent, &out)
            out.append(0x5D)
        } else {
            throw StrictJSONGaveUp()
        }
    }

    static func indent(_ levels: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * levels))
    }
}
