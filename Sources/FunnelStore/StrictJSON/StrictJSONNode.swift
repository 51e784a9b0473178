/// One value being encoded by `StrictJSONEncoder`: a scalar already in JSON text, an object's
/// members or an array's items. A class, so a container filled after `encode(to:)` asked for it
/// fills the value its parent holds.
final class StrictJSONNode {
    var scalar: String?
    var members: [(key: String, node: StrictJSONNode)]?
    var items: [StrictJSONNode]?
    /// A part of it asked for what the encoder does not write (`superEncoder`): it gives up.
    var gaveUp = false

    init() {}

    /// A number, `true`, `false` or `null`, as written.
    init(scalar: String) { self.scalar = scalar }

    /// A string, quoted and escaped as Foundation's writer escapes it.
    init(text: String) { scalar = Self.quoted(text) }

    var isSet: Bool { scalar != nil || members != nil || items != nil }

    /// `text` in quotes: `"` and `\` escaped, the short escapes for backspace, form feed, line
    /// feed, carriage return and tab, `\u00xx` (lowercase) for the other control bytes; slashes
    /// and everything else as they are.
    static func quoted(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        if plain { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20: out += Array("\\u00".utf8) + Array((byte < 0x10 ? "0" : "").utf8) + Array(String(byte, radix: 16).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the value pretty-printed at `indent` levels, as `JSONEncoder` with `.prettyPrinted`
    /// and `.sortedKeys` does: members sorted by their keys' UTF-8 bytes, `"key" : value`, two
    /// spaces a level, an empty object or array as its brackets around an empty line.
    func write(indent: Int, into out: inout [UInt8]) throws {
        // Exactly one of the three, or Foundation's encoder decides what becomes of it.
        let kinds = (scalar == nil ? 0 : 1) + (members == nil ? 0 : 1) + (items == nil ? 0 : 1)
        guard !gaveUp, kinds == 1 else { throw StrictJSONGaveUp() }
        if let scalar {
            out.append(contentsOf: scalar.utf8)
        } else if let members {
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out.append(contentsOf: "{\n".utf8)
            for (i, member) in sorted.enumerated() {
                // A key encoded twice: Foundation keeps the last; not worth copying.
                if i > 0 && sorted[i - 1].key == member.key { throw StrictJSONGaveUp() }
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(indent + 1, &out)
                out.append(contentsOf: Self.quoted(member.key).utf8)
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
