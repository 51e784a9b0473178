import Foundation

/// A value stored as its ISO text ("2026-11-24", "2026-11"): decoded from that text, encoded as it.
public protocol ISOTextCodable: Codable {
    /// The value's ISO text.
    var iso: String { get }
    /// The value an ISO text names, or nil.
    init?(iso text: String)
    /// What the text should look like, for the error about one that does not ("a YYYY-MM-DD date").
    static var isoShape: String { get }
}

extension ISOTextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not \(Self.isoShape): \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
