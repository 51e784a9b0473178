import Foundation

/// An object's members (`StrictJSONEncoder`).
struct StrictKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: StrictJSONNode
    var codingPath: [any CodingKey] { [] }

    private func add(_ child: StrictJSONNode, _ key: Key) {
        node.members?.append((key.stringValue, child))
    }

    mutating func encodeNil(forKey key: Key) throws { add(StrictJSONNode(scalar: "null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(StrictJSONNode(scalar: value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(StrictJSONNode(text: value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(StrictJSONNode(scalar: String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(try StrictJSONEncoder.node(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = StrictJSONNode()
        add(child, key)
        return StrictJSONEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = StrictJSONNode()
        add(child, key)
        return StrictJSONEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { GaveUpEncoder(node) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { GaveUpEncoder(node) }
}

/// An array's items in order (`StrictJSONEncoder`).
struct StrictUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: StrictJSONNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items?.count ?? 0 }

    private func add(_ child: StrictJSONNode) { node.items?.append(child) }

    mutating func encodeNil() throws { add(StrictJSONNode(scalar: "null")) }
    mutating func encode(_ value: Bool) throws { add(StrictJSONNode(scalar: value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { add(StrictJSONNode(text: value)) }
    mutating func encode(_ value: Double) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Float) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Int) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int8) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int16) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int32) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int64) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt8) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt16) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt32) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt64) throws { add(StrictJSONNode(scalar: String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { add(try StrictJSONEncoder.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = StrictJSONNode()
        add(child)
        return StrictJSONEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = StrictJSONNode()
        add(child)
        return StrictJSONEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { GaveUpEncoder(node) }
}

/// One value (`StrictJSONEncoder`): an enum's raw value, a day.
struct StrictSingleValueEncodingContainer: SingleValueEncodingContainer {
    let node: StrictJSONNode
    var codingPath: [any CodingKey] { [] }

    private func set(_ scalar: String? = nil, text: String? = nil) throws {
        // A second value for the same one: Foundation refuses it; so does `FunnelJSON.encode`, there.
        guard !node.isSet else { throw StrictJSONGaveUp() }
        (node.scalar, node.text) = (scalar, text)
    }

    mutating func encodeNil() throws { try set("null") }
    mutating func encode(_ value: Bool) throws { try set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { try set(text: value) }
    mutating func encode(_ value: Double) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Float) throws { throw StrictJSONGaveUp() }
    mutating func encode(_ value: Int) throws { try set(String(value)) }
    mutating func encode(_ value: Int8) throws { try set(String(value)) }
    mutating func encode(_ value: Int16) throws { try set(String(value)) }
    mutating func encode(_ value: Int32) throws { try set(String(value)) }
    mutating func encode(_ value: Int64) throws { try set(String(value)) }
    mutating func encode(_ value: UInt) throws { try set(String(value)) }
    mutating func encode(_ value: UInt8) throws { try set(String(value)) }
    mutating func encode(_ value: UInt16) throws { try set(String(value)) }
    mutating func encode(_ value: UInt32) throws { try set(String(value)) }
    mutating func encode(_ value: UInt64) throws { try set(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try StrictJSONEncoder.node(value)
        guard !node.isSet else { throw StrictJSONGaveUp() }
        (node.scalar, node.text, node.members, node.items) = (child.scalar, child.text, child.members, child.items)
    }
}

/// What `superEncoder` gives (funnel's types never ask for one): the node that asked is marked,
/// so writing it gives up and the file goes to Foundation's encoder; what is encoded into this
/// one goes nowhere.
struct GaveUpEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ asking: StrictJSONNode) { asking.gaveUp = true }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StrictKeyedEncodingContainer<Key>(node: StrictJSONNode()))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { StrictUnkeyedEncodingContainer(node: StrictJSONNode()) }
    func singleValueContainer() -> any SingleValueEncodingContainer { StrictSingleValueEncodingContainer(node: StrictJSONNode()) }
}
