import Foundation
import FunnelCore

/// One parsed object as a `FieldSource`, for the types that read themselves field by field
/// (`FieldReadable`: a deal, its stage changes, activities, next action, assignments): no
/// container boxed per object, no type looked up per field. It notes the members asked for;
/// `read` gives up unless every one was (a member the type never asks for is not one of its
/// fields, and `JSONDecoder` then names it). Every refusal is `StrictJSONGaveUp`, as everywhere
/// in the strict reader: the caller reads the file again with `JSONDecoder`, which words why.
struct StrictFields: FieldSource {
    let object: StrictJSONObject
    private var seen: UInt64 = 0
    /// Where the next member is looked for first: funnel writes the keys sorted, and the types
    /// ask for them in about that order.
    private var next = 0

    private init(_ object: StrictJSONObject) { self.object = object }

    /// `type` read from `value`, which must be an object of at most 64 members, each asked for.
    static func read<T: FieldReadable>(_ type: T.Type, _ value: StrictJSONValue) throws -> T {
        guard case .object(let object) = value, object.keys.count <= StrictKeyUse.limit else { throw StrictJSONGaveUp() }
        var fields = StrictFields(object)
        let read = try T(fields: &fields)
        guard fields.seen == StrictKeyUse.all(object.keys.count) else { throw StrictJSONGaveUp() }
        return read
    }

    /// The member under `key`, noted as asked for; nil when absent or null.
    private mutating func look<K: CodingKey>(_ key: K) -> StrictJSONValue? {
        let name = key.stringValue
        let count = name.utf8.count
        let keys = object.keys
        var i = next
        for _ in 0..<keys.count {
            if i == keys.count { i = 0 }
            if keys[i].utf8.count == count && keys[i] == name {
                seen |= 1 << UInt64(i)
                next = i + 1
                if case .null = object.values[i] { return nil }
                return object.values[i]
            }
            i += 1
        }
        return nil
    }

    private mutating func member<K: CodingKey>(_ key: K) throws -> StrictJSONValue {
        guard let value = look(key) else { throw StrictJSONGaveUp() }
        return value
    }

    mutating func string<K: CodingKey>(_ key: K) throws -> String { try StrictJSONDecoder.string(try member(key)) }

    mutating func stringIfPresent<K: CodingKey>(_ key: K) throws -> String? {
        try look(key).map(StrictJSONDecoder.string)
    }

    mutating func intIfPresent<K: CodingKey>(_ key: K) throws -> Int? { try look(key).map(StrictJSONDecoder.integer) }

    mutating func date<K: CodingKey>(_ key: K) throws -> Date { try Self.date(try member(key)) }

    mutating func dateIfPresent<K: CodingKey>(_ key: K) throws -> Date? { try look(key).map(Self.date) }

    private static func date(_ value: StrictJSONValue) throws -> Date {
        guard let date = Timestamp.parse(try StrictJSONDecoder.string(value)) else { throw StrictJSONGaveUp() }
        return date
    }

    mutating func iso<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T {
        guard let value = T(iso: try string(key)) else { throw StrictJSONGaveUp() }
        return value
    }

    mutating func isoIfPresent<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T? {
        guard let text = try stringIfPresent(key) else { return nil }
        guard let value = T(iso: text) else { throw StrictJSONGaveUp() }
        return value
    }

    mutating func raw<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: try string(key)) else { throw StrictJSONGaveUp() }
        return value
    }

    mutating func rawIfPresent<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T?
    where T.RawValue == String {
        guard let text = try stringIfPresent(key) else { return nil }
        guard let value = T(rawValue: text) else { throw StrictJSONGaveUp() }
        return value
    }

    mutating func objectIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> T? {
        try look(key).map { try Self.read(type, $0) }
    }

    mutating func listIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> [T]? {
        guard let value = look(key) else { return nil }
        guard case .array(let items) = value else { throw StrictJSONGaveUp() }
        return try items.map { try Self.read(type, $0) }
    }

    mutating func decodedIfPresent<K: CodingKey, T: Decodable>(_ type: T.Type, _ key: K) throws -> T? {
        try look(key).map { try StrictJSONDecoder.decode(type, $0) }
    }

    func corrupt<K: CodingKey>(_ key: K, _ text: String) -> any Error { StrictJSONGaveUp() }
    func corrupt(_ text: String) -> any Error { StrictJSONGaveUp() }
}
