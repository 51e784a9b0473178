import Foundation

/// Refuses JSON objects with fields funnel does not know: a file of the current schema version
/// with an unknown field is foreign (another program's, or a typo), and is reported, not guessed at.
public enum StrictKeys {
    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws when the object being decoded has a field outside `Keys`.
    public static func check<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, _ keys: Keys.Type) throws {
        // A decoder that can answer it at once (funnel's own reader) needs no second container.
        if let fields = decoder as? any FieldsKnowing, fields.hasOnlyFields(of: keys) { return }
        let container = try decoder.container(keyedBy: AnyKey.self)
        // A key is known when `Keys` has a case for it: no set of names built per object.
        if let unknown = container.allKeys.first(where: { Keys(stringValue: $0.stringValue) == nil }) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath + [unknown], debugDescription: "unknown field “\(unknown.stringValue)”"))
        }
    }

    /// Throws `problem`, when there is one, as the decoded object's error: a value that breaks
    /// its own rules is refused as a corrupt file is.
    public static func refuse(_ problem: Message?, _ decoder: any Decoder) throws {
        guard let problem else { return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem.text))
    }

    /// The object's fields by `Keys`, after `check`: a field outside `Keys` throws.
    public static func container<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, _ keys: Keys.Type) throws
        -> KeyedDecodingContainer<Keys>
    {
        try check(decoder, keys)
        return try decoder.container(keyedBy: keys)
    }
}

/// A decoder that can say whether the object it decodes has only fields a `CodingKey` type
/// knows, without a container of every key (`StrictKeys.check`); false sends the check the
/// usual way, which names the unknown field.
public protocol FieldsKnowing {
    /// Whether every field of the object being decoded is one of `Keys`' (false when it is
    /// not an object).
    func hasOnlyFields<Keys: CodingKey>(of keys: Keys.Type) -> Bool
}
