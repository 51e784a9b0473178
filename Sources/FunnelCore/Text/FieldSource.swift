import Foundation

/// The fields of one object being read, by key: what a type that reads itself field by field
/// (`FieldReadable`) asks for. `Codable`'s containers are one source (`ContainerFields`, the
/// words of every error); funnel's own JSON reader is another, without a container boxed per
/// object or a type looked up at run time per field (a cold start at 100,000 deals was mostly
/// that). Absent and null read as nil in the `…IfPresent` calls, as `decodeIfPresent` reads them.
public protocol FieldSource {
    /// A text.
    mutating func string<K: CodingKey>(_ key: K) throws -> String
    mutating func stringIfPresent<K: CodingKey>(_ key: K) throws -> String?
    /// A whole number.
    mutating func intIfPresent<K: CodingKey>(_ key: K) throws -> Int?
    /// A moment, as ISO 8601 text.
    mutating func date<K: CodingKey>(_ key: K) throws -> Date
    mutating func dateIfPresent<K: CodingKey>(_ key: K) throws -> Date?
    /// A value written as its ISO text (`Day`).
    mutating func iso<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T
    mutating func isoIfPresent<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T?
    /// A value written as one of its raw texts (a kind, an outcome, a priority).
    mutating func raw<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T
    where T.RawValue == String
    mutating func rawIfPresent<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T?
    where T.RawValue == String
    /// An object of a type that reads itself field by field.
    mutating func objectIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> T?
    /// An array of such objects.
    mutating func listIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> [T]?
    /// Anything else, through `Codable` (the rare parts: quotes, assignments, payment terms).
    mutating func decodedIfPresent<K: CodingKey, T: Decodable>(_ type: T.Type, _ key: K) throws -> T?
    /// The error for a field whose value breaks the type's rules.
    func corrupt<K: CodingKey>(_ key: K, _ text: String) -> any Error
    /// The error for an object that breaks the type's rules as a whole.
    func corrupt(_ text: String) -> any Error
}

/// A type that reads itself from a `FieldSource`: one reading for `Codable` (its `init(from:)`
/// hands over `ContainerFields`) and for funnel's own JSON reader.
public protocol FieldReadable: Decodable {
    init<S: FieldSource>(fields: inout S) throws
}

/// `Codable`'s keyed container as a `FieldSource`: the keys are `Key`'s, and every error is
/// `DecodingError` with the container's coding path, as `decode(_:forKey:)` words it.
public struct ContainerFields<Key: CodingKey>: FieldSource {
    let container: KeyedDecodingContainer<Key>

    /// The fields of `decoder`'s object, after `StrictKeys.check` (a field outside `Keys` throws).
    public init(_ decoder: any Decoder, _ keys: Key.Type) throws where Key: CaseIterable {
        container = try StrictKeys.container(decoder, keys)
    }

    /// The type's own key: a `FieldReadable` type asks with the keys it is decoded by.
    private func key<K: CodingKey>(_ key: K) -> Key {
        if let same = key as? Key { return same }
        preconditionFailure("a field asked for by a key of another type: \(key.stringValue)")
    }

    public func string<K: CodingKey>(_ key: K) throws -> String { try container.decode(String.self, forKey: self.key(key)) }
    public func stringIfPresent<K: CodingKey>(_ key: K) throws -> String? {
        try container.decodeIfPresent(String.self, forKey: self.key(key))
    }
    public func intIfPresent<K: CodingKey>(_ key: K) throws -> Int? { try container.decodeIfPresent(Int.self, forKey: self.key(key)) }
    public func date<K: CodingKey>(_ key: K) throws -> Date { try container.decode(Date.self, forKey: self.key(key)) }
    public func dateIfPresent<K: CodingKey>(_ key: K) throws -> Date? { try container.decodeIfPresent(Date.self, forKey: self.key(key)) }
    public func iso<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T {
        try container.decode(type, forKey: self.key(key))
    }
    public func isoIfPresent<K: CodingKey, T: ISOTextCodable>(_ type: T.Type, _ key: K) throws -> T? {
        try container.decodeIfPresent(type, forKey: self.key(key))
    }
    public func raw<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T where T.RawValue == String {
        try container.decode(type, forKey: self.key(key))
    }
    public func rawIfPresent<K: CodingKey, T: RawRepresentable & Decodable>(_ type: T.Type, _ key: K) throws -> T?
    where T.RawValue == String {
        try container.decodeIfPresent(type, forKey: self.key(key))
    }
    public func objectIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> T? {
        try container.decodeIfPresent(type, forKey: self.key(key))
    }
    public func listIfPresent<K: CodingKey, T: FieldReadable>(_ type: T.Type, _ key: K) throws -> [T]? {
        try container.decodeIfPresent([T].self, forKey: self.key(key))
    }
    public func decodedIfPresent<K: CodingKey, T: Decodable>(_ type: T.Type, _ key: K) throws -> T? {
        try container.decodeIfPresent(type, forKey: self.key(key))
    }
    public func corrupt<K: CodingKey>(_ key: K, _ text: String) -> any Error {
        DecodingError.dataCorruptedError(forKey: self.key(key), in: container, debugDescription: text)
    }
    public func corrupt(_ text: String) -> any Error {
        DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: text))
    }
}
