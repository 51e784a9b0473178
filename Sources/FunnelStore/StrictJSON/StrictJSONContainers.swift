import Foundation

/// An object's members by key (`StrictJSONDecoder`).
struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: StrictJSONObject
    /// Where the members asked for are noted (`StrictJSONDecoder.use`).
    var use: StrictKeyUse?
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    init(object: StrictJSONObject, use: StrictKeyUse? = nil) {
        self.object = object
        self.use = use
    }

    func contains(_ key: Key) -> Bool { look(key) != nil }

    /// The member under `key`, noted as asked for.
    private func look(_ key: Key) -> StrictJSONValue? {
        guard let i = object.index(for: key.stringValue) else { return nil }
        use?.asked(i)
        return object.values[i]
    }

    private func member(_ key: Key) throws -> StrictJSONValue {
        guard let value = look(key) else { throw StrictJSONGaveUp() }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard case .null = try member(key) else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try StrictJSONDecoder.decode(type, try member(key))
    }

    /// One look-up instead of three (contains, decodeNil, decode): absent or null is nil.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = look(key) else { return nil }
        if case .null = value { return nil }
        return try StrictJSONDecoder.decode(type, value)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = look(key) else { return nil }
        if case .null = value { return nil }
        return try StrictJSONDecoder.string(value)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try StrictJSONDecoder.bool(try member(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try StrictJSONDecoder.string(try member(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw StrictJSONGaveUp() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw StrictJSONGaveUp() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try StrictJSONDecoder.integer(try member(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try StrictJSONDecoder.integer(try member(key), as: type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try StrictJSONDecoder.integer(try member(key), as: type) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try StrictJSONDecoder(value: try member(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try StrictJSONDecoder(value: try member(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw StrictJSONGaveUp() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw StrictJSONGaveUp() }
}

/// An array's items in order (`StrictJSONDecoder`).
struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [StrictJSONValue]
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(items: [StrictJSONValue]) { self.items = items }

    private mutating func next() throws -> StrictJSONValue {
        guard currentIndex < items.count else { throw StrictJSONGaveUp() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw StrictJSONGaveUp() }
        guard case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try StrictJSONDecoder.decode(type, try next()) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try StrictJSONDecoder.bool(try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try StrictJSONDecoder.string(try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { throw StrictJSONGaveUp() }
    mutating func decode(_ type: Float.Type) throws -> Float { throw StrictJSONGaveUp() }
    mutating func decode(_ type: Int.Type) throws -> Int { try StrictJSONDecoder.integer(try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try StrictJSONDecoder.integer(try next(), as: type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try StrictJSONDecoder.integer(try next(), as: type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try StrictJSONDecoder(value: try next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try StrictJSONDecoder(value: try next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw StrictJSONGaveUp() }
}

/// One value (`StrictJSONDecoder`): an enum's raw value, a day, a date.
struct StrictSingleValueContainer: SingleValueDecodingContainer {
    let value: StrictJSONValue
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        guard case .null = value else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try StrictJSONDecoder.decode(type, value) }
    func decode(_ type: Bool.Type) throws -> Bool { try StrictJSONDecoder.bool(value) }
    func decode(_ type: String.Type) throws -> String { try StrictJSONDecoder.string(value) }
    func decode(_ type: Double.Type) throws -> Double { throw StrictJSONGaveUp() }
    func decode(_ type: Float.Type) throws -> Float { throw StrictJSONGaveUp() }
    func decode(_ type: Int.Type) throws -> Int { try StrictJSONDecoder.integer(value) }
    func decode(_ type: Int8.Type) throws -> Int8 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try StrictJSONDecoder.integer(value, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try StrictJSONDecoder.integer(value, as: type) }
}
