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

struct PipelineFile: Codable, Versioned {
    var schema: Int
    var pipeline: Pipeline

    enum CodingKeys: String, CodingKey, CaseIterable { case schema, pipeline }

    init(schema: Int, pipeline: Pipeline) {
        self.schema = schema
        self.pipeline = pipeline
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        pipeline = try c.decode(Pipeline.self, forKey: .pipeline)
    }
}

struct TeamFile: Codable, Versioned {
    var schema: Int
    var users: [User]

    enum CodingKeys: String, CodingKey, CaseIterable { case schema, users }

    init(schema: Int, users: [User]) {
        self.schema = schema
        self.users = users
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        users = try c.decode([User].self, forKey: .users)
    }
}

struct DealFile: Codable, Versioned {
    var schema: Int
    var deal: Deal

    enum CodingKeys: String, CodingKey, CaseIterable { case schema, deal }

    init(schema: Int, deal: Deal) {
        self.schema = schema
        self.deal = deal
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        deal = try c.decode(Deal.self, forKey: .deal)
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
    static func decode<T: Decodable & Versioned>(_ type: T.Type, from data: Data, path: String) throws -> T {
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
