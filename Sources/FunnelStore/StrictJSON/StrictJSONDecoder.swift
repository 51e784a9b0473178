import Foundation
import FunnelCore

/// A `Decoder` over a `StrictJSONValue`, for funnel's own files: dates as ISO 8601 text (as
/// `FunnelJSON.decoder()` reads them), integers only as plain JSON integers. Types that
/// Foundation's `JSONDecoder` treats specially and funnel's files do not use (`Decimal`, `URL`,
/// `Data`, floating point) are refused, so such a file goes to that decoder. Every refusal is
/// `StrictJSONGaveUp`: the caller then decodes with `JSONDecoder`, which words the error.
struct StrictJSONDecoder: Decoder {
    let value: StrictJSONValue
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
        return try T(from: StrictJSONDecoder(value: value))
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
        return KeyedDecodingContainer(StrictKeyedContainer<Key>(object: object))
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
    func hasOnlyFields<Keys: CodingKey>(of keys: Keys.Type) -> Bool {
        guard case .object(let object) = value else { return false }
        return object.keys.allSatisfy { Keys(stringValue: $0) != nil }
    }
}
