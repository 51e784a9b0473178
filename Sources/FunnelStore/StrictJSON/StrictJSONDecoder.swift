import Foundation
import FunnelCore

/// A `Decoder` over a `StrictJSONValue`, for funnel's own files: dates as ISO 8601 text (as
/// `FunnelJSON.decoder()` reads them), integers only as plain JSON integers. Types that
/// Foundation's `JSONDecoder` treats specially and funnel's files do not use (`Decimal`, `URL`,
/// `Data`, floating point) are refused, so such a file goes to that decoder. Every refusal is
/// `StrictJSONGaveUp`: the caller then decodes with `JSONDecoder`, which words the error.
struct StrictJSONDecoder: Decoder {
    /// A value, or an object whose members asked for are noted: one or the other, so the decoder
    /// fits an existential's inline buffer (a value and a reference beside it did not, and every
    /// decode allocated a box for it).
    private let storage: Storage
    private enum Storage {
        case plain(StrictJSONValue)
        case tracked(StrictKeyUse)
    }

    init(value: StrictJSONValue) { storage = .plain(value) }
    init(tracking use: StrictKeyUse) { storage = .tracked(use) }

    var value: StrictJSONValue {
        switch storage {
        case .plain(let value): return value
        case .tracked(let use): return .object(use.object)
        }
    }

    /// Which of the object's members the type decoded asked for (`hasOnlyFields`); nil when not
    /// kept (not an object, a nested container, more than 64 members).
    var use: StrictKeyUse? {
        if case .tracked(let use) = storage { return use }
        return nil
    }
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `type` decoded from the JSON in `data`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let value = try data.withUnsafeBytes { try StrictJSONParser.parse($0) }
        return try decode(type, value)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: StrictJSONValue) throws -> T {
        if T.self == String.self { return try string(value) as! T }
        if T.self == Int.self { return try integer(value) as! T }
        if T.self == Bool.self { return try bool(value) as! T }
        if T.self == Date.self {
            guard let date = Timestamp.parse(try string(value)) else { throw StrictJSONGaveUp() }
            return date as! T
        }
        if T.self == Decimal.self || T.self == URL.self || T.self == Data.self || T.self == Double.self
            || T.self == Float.self
        {
            throw StrictJSONGaveUp()
        }
        // An array item by item, without an unkeyed container boxed for it.
        if case .array(let items) = value, let arrayType = T.self as? any StrictArray.Type {
            return try arrayType.decoded(items) as! T
        }
        // A type that reads itself field by field does so without a container (`StrictFields`).
        if case .object = value, let readable = T.self as? any FieldReadable.Type {
            return try StrictFields.read(readable, value) as! T
        }
        guard case .object(let object) = value, object.keys.count <= StrictKeyUse.limit else {
            return try T(from: StrictJSONDecoder(value: value))
        }
        let use = StrictKeyUse(object)
        let decoded = try T(from: StrictJSONDecoder(tracking: use))
        // It said every member was one of its fields (`hasOnlyFields`): every one must have been
        // asked for, or Foundation's reader decides (and names an unknown field).
        guard !use.promised || use.seen == StrictKeyUse.all(object.keys.count) else { throw StrictJSONGaveUp() }
        return decoded
    }

    static func string(_ value: StrictJSONValue) throws -> String {
        guard case .string(let text) = value else { throw StrictJSONGaveUp() }
        return text
    }

    static func integer(_ value: StrictJSONValue) throws -> Int {
        guard case .integer(let number) = value else { throw StrictJSONGaveUp() }
        return number
    }

    static func bool(_ value: StrictJSONValue) throws -> Bool {
        guard case .bool(let flag) = value else { throw StrictJSONGaveUp() }
        return flag
    }

    /// A fixed-width integer type's value, when it fits.
    static func integer<T: FixedWidthInteger>(_ value: StrictJSONValue, as type: T.Type) throws -> T {
        guard let number = T(exactly: try integer(value)) else { throw StrictJSONGaveUp() }
        return number
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw StrictJSONGaveUp() }
        return KeyedDecodingContainer(StrictKeyedContainer<Key>(object: object, use: use))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw StrictJSONGaveUp() }
        return StrictUnkeyedContainer(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(value: value)
    }
}

extension StrictJSONDecoder: FieldsKnowing {
    /// True at once when the members asked for are kept: `decode` then checks, once the type is
    /// decoded, that it asked for every member (a member it never asks for is not one of its
    /// fields, or is one it reads only in a case Foundation's reader will decide). Otherwise each
    /// member's name is matched against `Keys` (a tenth of reading 100,000 deal files).
    func hasOnlyFields<Keys: CodingKey>(of keys: Keys.Type) -> Bool {
        guard case .object(let object) = value else { return false }
        if let use {
            use.promised = true
            return true
        }
        return object.keys.allSatisfy { Keys(stringValue: $0) != nil }
    }
}

/// The members of one object a type asked for while it was decoded, as bits by position.
final class StrictKeyUse {
    /// Objects of more members are matched name by name.
    static let limit = 64
    let object: StrictJSONObject
    var seen: UInt64 = 0
    /// The type relied on `hasOnlyFields`.
    var promised = false

    /// The bits of an object of `count` members, all asked for.
    static func all(_ count: Int) -> UInt64 { count == 64 ? .max : (1 << UInt64(count)) - 1 }

    init(_ object: StrictJSONObject) { self.object = object }

    func asked(_ index: Int) { seen |= 1 << UInt64(index) }
}

/// An array the strict reader decodes item by item (`Array`'s own `init(from:)` asks for an
/// unkeyed container, boxed, and decodes through it): the same items, the same refusals.
protocol StrictArray {
    static func decoded(_ items: [StrictJSONValue]) throws -> Self
}

extension Array: StrictArray where Element: Decodable {
    static func decoded(_ items: [StrictJSONValue]) throws -> Self {
        // An element type that reads itself field by field is found so once, not per item (a
        // conformance looked up at run time for each member of a team of a thousand sellers).
        if let readable = Element.self as? any FieldReadable.Type { return try read(items, as: readable) }
        return try items.map { try StrictJSONDecoder.decode(Element.self, $0) }
    }

    /// Every item read field by field as `T`, which is `Element`.
    private static func read<T: FieldReadable>(_ items: [StrictJSONValue], as _: T.Type) throws -> Self {
        precondition(T.self == Element.self)
        return unsafeBitCast(try items.map { try StrictFields.read(T.self, $0) }, to: Self.self)
    }
}
