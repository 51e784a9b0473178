/// A JSON value as `StrictJSONParser` reads it: only what RFC 8259 allows, numbers kept only when
/// they are plain integers (anything else is `.otherNumber`, which no decode accepts).
enum StrictJSONValue {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number with a fraction or an exponent, or one outside `Int`: never decoded here, so the
    /// reference decoder reads it (`FunnelJSON.decode`).
    case otherNumber
    case string(String)
    case array([StrictJSONValue])
    case object(StrictJSONObject)
}

/// An object's members in file order, each key once (a repeated key is refused by the parser).
struct StrictJSONObject {
    var keys: [String] = []
    var values: [StrictJSONValue] = []

    /// Where `key`'s member is, if present.
    func index(for key: String) -> Int? {
        // Lengths first: a short string's is at hand, and most keys differ in it.
        let count = key.utf8.count
        return keys.firstIndex { $0.utf8.count == count && $0 == key }
    }
}

/// The fast reader gave up: the input is not plain strict JSON of the shape asked for. The caller
/// reads it again with Foundation's `JSONDecoder`, which accepts or refuses it with its own words.
struct StrictJSONGaveUp: Error {}
