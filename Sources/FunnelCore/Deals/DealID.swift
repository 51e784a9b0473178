import Foundation

/// Deal ids: short, lowercase, easy to read aloud and type; any unique prefix finds a deal.
public enum DealID {
    /// Letters and digits without look-alikes (no 0/o, 1/l/i).
    public static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
    public static let length = 8

    /// A new random id drawn from `generator`.
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Whether `text` could be an id (or a prefix of one): only characters of the alphabet.
    public static func isWellFormed(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// The outcome of looking up what a person typed.
    public enum Resolution: Equatable, Sendable {
        case found(String)
        case notFound
        /// Several ids start with the prefix; the first few are given.
        case ambiguous([String])
    }

    /// Resolves an exact id or a unique prefix, case-insensitively, among `ids`.
    public static func resolve<S: Sequence>(_ typed: String, among ids: S) -> Resolution where S.Element == String {
        let wanted = typed.lowercased()
        guard !wanted.isEmpty else { return .notFound }
        var matches: [String] = []
        for id in ids {
            if id == wanted { return .found(id) }
            if id.hasPrefix(wanted) { matches.append(id) }
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .ambiguous(Array(matches.sorted().prefix(5)))
        }
    }
}
