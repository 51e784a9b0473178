/// A strict, one-pass JSON parser over UTF-8 bytes (RFC 8259): no leading byte-order mark, no
/// trailing text, no raw control character or invalid UTF-8 in a string, no lone surrogate, no
/// repeated key, at most `maximumDepth` levels. Whatever it is unsure of, it refuses
/// (`StrictJSONGaveUp`), and the file is read by `JSONDecoder` instead: what it accepts, that
/// reader accepts too, as the same values (`StrictJSONDifferentialTests`).
struct StrictJSONParser {
    static let maximumDepth = 200

    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value the whole of `raw` holds.
    static func parse(_ raw: UnsafeRawBufferPointer) throws -> StrictJSONValue {
        let bytes = raw.bindMemory(to: UInt8.self)
        var parser = StrictJSONParser(bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.at == bytes.count else { throw StrictJSONGaveUp() }
        return value
    }

    private mutating func skipSpace() {
        while at < bytes.count {
            let b = bytes[at]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            at += 1
        }
    }

    private mutating func value() throws -> StrictJSONValue {
        skipSpace()
        guard at < bytes.count else { throw StrictJSONGaveUp() }
        switch bytes[at] {
        case UInt8(ascii: "{"): return .object(try object())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString, _ value: StrictJSONValue) throws -> StrictJSONValue {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { throw StrictJSONGaveUp() }
        for i in 0..<count where bytes[at + i] != word.utf8Start[i] { throw StrictJSONGaveUp() }
        at += count
        return value
    }

    private mutating func object() throws -> StrictJSONObject {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw StrictJSONGaveUp() }
        at += 1
        var object = StrictJSONObject()
        // Repeated keys: looked for in the array while the object is small (funnel's objects have
        // at most 30 fields), in a set beyond, so 100,000 planted keys cost no square.
        var seen: Set<String>?
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
            at += 1
            return object
        }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw StrictJSONGaveUp() }
            let key = try string()
            if object.keys.count < 32 {
                guard !object.keys.contains(key) else { throw StrictJSONGaveUp() }
            } else {
                if seen == nil { seen = Set(object.keys) }
                guard seen!.insert(key).inserted else { throw StrictJSONGaveUp() }
            }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw StrictJSONGaveUp() }
            at += 1
            object.keys.append(key)
            object.values.append(try value())
            if try endOfList(UInt8(ascii: "}")) { return object }
        }
    }

    private mutating func array() throws -> [StrictJSONValue] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw StrictJSONGaveUp() }
        at += 1
        var items: [StrictJSONValue] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
            at += 1
            return items
        }
        while true {
            items.append(try value())
            if try endOfList(UInt8(ascii: "]")) { return items }
        }
    }

    /// After a member: true at the closing bracket, false after a comma.
    private mutating func endOfList(_ close: UInt8) throws -> Bool {
        skipSpace()
        guard at < bytes.count else { throw StrictJSONGaveUp() }
        let b = bytes[at]
        at += 1
        if b == close { return true }
        guard b == UInt8(ascii: ",") else { throw StrictJSONGaveUp() }
        return false
    }

    /// `-?(0|[1-9][0-9]*)` within `Int` is an integer; a fraction or an exponent (checked to be
    /// well formed) is `.otherNumber`.
    private mutating func number() throws -> StrictJSONValue {
        let start = at
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        let digitsStart = at
        skipDigits()
        let digits = at - digitsStart
        guard digits > 0, !(digits > 1 && bytes[digitsStart] == UInt8(ascii: "0")) else { throw StrictJSONGaveUp() }
        var plain = true
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard skipDigits() > 0 else { throw StrictJSONGaveUp() }
            plain = false
        }
        if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard skipDigits() > 0 else { throw StrictJSONGaveUp() }
            plain = false
        }
        guard plain, digits <= 18 else { return .otherNumber }
        var magnitude = 0
        for i in digitsStart..<at { magnitude = magnitude * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
        return .integer(digitsStart > start ? -magnitude : magnitude)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = at
        while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
        return at - start
    }
}
