import Foundation
import FunnelCore

/// An `Encoder` that writes funnel's files as `FunnelJSON.encoder()` writes them, byte for byte
/// (pretty-printed, keys sorted by their UTF-8 bytes, slashes unescaped, dates in ISO 8601), in a
/// fraction of the time: Foundation's `JSONEncoder` was most of writing 100,000 demo deals.
/// Types it does not write as Foundation would (`Decimal`, floating point, `URL`, `Data`, a
/// time that is not a whole second from 1970 to 9999, a key written twice, a value that asks for
/// no container) make it give up (`StrictJSONGaveUp`): `FunnelJSON.encode` then asks
/// Foundation's encoder, so every file comes out as before.
struct StrictJSONEncoder: Encoder {
    let node: StrictJSONNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `value` as JSON text, or `StrictJSONGaveUp`; an error `value` throws is thrown as is.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = StrictJSONNode()
        try value.encode(to: StrictJSONEncoder(node: root))
        guard root.members != nil || root.items != nil else { throw StrictJSONGaveUp() }
        var out: [UInt8] = []
        out.reserveCapacity(2_048)
        try root.write(indent: 0, into: &out)
        return Data(out)
    }

    /// The node of one value: a string, number or date written at once, anything else by its
    /// own `encode(to:)` into a new node.
    static func node<T: Encodable>(_ value: T) throws -> StrictJSONNode {
        if T.self == String.self { return StrictJSONNode(text: value as! String) }
        if T.self == Int.self { return StrictJSONNode(scalar: String(value as! Int)) }
        if T.self == Bool.self { return StrictJSONNode(scalar: (value as! Bool) ? "true" : "false") }
        if T.self == Date.self { return StrictJSONNode(text: try isoTime(value as! Date)) }
        if T.self == Decimal.self || T.self == URL.self || T.self == Data.self || T.self == Double.self || T.self == Float.self {
            throw StrictJSONGaveUp()
        }
        let node = StrictJSONNode()
        try value.encode(to: StrictJSONEncoder(node: node))
        guard node.isSet else { throw StrictJSONGaveUp() }
        return node
    }

    /// A time as `JSONEncoder`'s `.iso8601` writes it ("2026-08-27T10:23:31Z"), for the whole
    /// seconds funnel stores (`Limits.times`); any other makes the encoder give up.
    static func isoTime(_ date: Date) throws -> String {
        let seconds = date.timeIntervalSince1970
        guard Limits.isStorable(date), seconds == seconds.rounded(.down) else { throw StrictJSONGaveUp() }
        let whole = Int(seconds)
        let (year, month, day) = Day(daysSinceEpoch: whole / 86_400).components
        let time = whole % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(StrictKeyedEncodingContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return StrictUnkeyedEncodingContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StrictSingleValueEncodingContainer(node: node)
    }
}
