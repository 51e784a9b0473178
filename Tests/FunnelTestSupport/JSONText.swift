import Foundation

/// Text that is not the JSON a test expected.
public struct NotJSON: Error, CustomStringConvertible {
    public let text: String
    public var description: String { "not the expected JSON: \(text.prefix(500))" }
}

/// `text` as a JSON object.
public func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw NotJSON(text: text) }
    return object
}

/// `text` as a JSON array of objects.
public func jsonArray(_ text: String) throws -> [[String: Any]] {
    guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { throw NotJSON(text: text) }
    return array
}

extension Dictionary where Key == String, Value == Any {
    /// The string at `key`, nil when absent or not a string.
    public func string(_ key: String) -> String? { self[key] as? String }
    /// True when the key is present with JSON null.
    public func isNull(_ key: String) -> Bool { self[key] is NSNull }
}

/// Rewrites a JSON file in place as another program (or a newer funnel) would have.
public func editJSON(_ path: String, _ change: (inout [String: Any]) throws -> Void) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw NotJSON(text: String(decoding: data, as: UTF8.self))
    }
    try change(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
}
