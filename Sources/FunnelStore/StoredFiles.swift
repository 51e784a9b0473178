import Foundation
import FunnelCore

/// The on-disk shape of each file: a schema version beside the content.
enum Schema {
    /// The version this funnel writes and the newest it reads.
    static let current = 1
}

struct VersionProbe: Decodable {
    let schema: Int
}

/// A file that carries its schema version.
protocol Versioned {
    var schema: Int { get }
}

/// What a file holds beside its schema version, and the key it is stored under.
protocol StoredBody: Codable {
    static var key: String { get }
}

extension Pipeline: StoredBody { static var key: String { "pipeline" } }
extension Deal: StoredBody { static var key: String { "deal" } }
extension Array: StoredBody where Element == User { static var key: String { "users" } }

/// A funnel file: `{"schema": 1, "<key>": body}`. Any other field is refused.
struct StoredFile<Body: StoredBody>: Codable, Versioned {
    var schema: Int
    var body: Body

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static var schema: Key { Key(stringValue: "schema") }
        static var body: Key { Key(stringValue: Body.key) }
    }

    init(schema: Int = Schema.current, body: Body) {
        self.schema = schema
        self.body = body
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let unknown = c.allKeys.first(where: { $0.stringValue != "schema" && $0.stringValue != Body.key }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: c, debugDescription: "unknown field “\(unknown.stringValue)”")
        }
        schema = try c.decode(Int.self, forKey: .schema)
        body = try c.decode(Body.self, forKey: .body)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(body, forKey: .body)
    }
}

/// JSON as funnel writes it: readable, keys sorted, dates in ISO 8601.
enum FunnelJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value` as `encoder()` writes it, byte for byte: by `StrictJSONEncoder` (Foundation's
    /// encoder was more than half of writing the demo's deals), or by Foundation's encoder when
    /// that one gives up.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try StrictJSONEncoder.encode(value)
        } catch is StrictJSONGaveUp {
            return try encoder().encode(value)
        }
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Decodes `type` from the file at `path` and checks its schema version. The content is
    /// parsed once; only when that fails is the version read alone, so a newer file is reported
    /// as newer rather than as corrupt.
    ///
    /// A file is read first by `StrictJSONDecoder` (a tenth of the time: a cold start at
    /// 100,000 deals is mostly this), and by Foundation's `JSONDecoder` whenever that one gives
    /// up, so every file that is not plain valid funnel JSON is accepted or refused, with its
    /// words, exactly as before.
    static func decode<T: Decodable & Versioned>(_ type: T.Type, from data: Data, path: String) throws -> T {
        if let value = try? StrictJSONDecoder.decode(type, from: data), value.schema >= 1, value.schema <= Schema.current {
            return value
        }
        let decoder = decoder()
        do {
            let value = try decoder.decode(type, from: data)
            if value.schema > Schema.current {
                throw StoreError.newerVersion(path: path, found: value.schema, supported: Schema.current)
            }
            if value.schema < 1 { throw StoreError.corrupt(path: path, detail: "schema \(value.schema) is not a version") }
            return value
        } catch let error as StoreError {
            throw error
        } catch {
            if let probe = try? decoder.decode(VersionProbe.self, from: data), probe.schema > Schema.current {
                throw StoreError.newerVersion(path: path, found: probe.schema, supported: Schema.current)
            }
            throw StoreError.corrupt(path: path, detail: describe(error))
        }
    }

    /// A short, human description of a decoding error.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        func where_(_ path: [any CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "" : " at \(text)"
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON: the file is truncated or malformed" }
            return "\(context.debugDescription)\(where_(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing field “\(key.stringValue)”\(where_(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type)\(where_(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "missing \(type)\(where_(context.codingPath))"
        @unknown default:
            return "not valid funnel data"
        }
    }
}

extension ProductCatalogue: StoredBody { static var key: String { "products" } }
extension QuoteCounters: StoredBody { static var key: String { "quote_numbers" } }
